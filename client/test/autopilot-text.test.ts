import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AutopilotView } from '@mingle/shared';
import { afterThisRound, autopilotSummary, roundLength } from '../src/console/live/autopilot-text';
import { speak } from './i18n';

speak('en');

const pilot = (over: Partial<AutopilotView>): AutopilotView => ({
  state: 'running',
  roundsLeft: 3,
  roundMinutes: 8,
  breakMinutes: 2,
  nextRoundAt: null,
  ...over,
});

test('the autopilot never reads "0 rounds left" or "a 0 min break"', () => {
  assert.equal(autopilotSummary(pilot({})), '3 rounds left · 8 min rounds, 2 min breaks');
  assert.equal(autopilotSummary(pilot({ roundsLeft: 1 })), '1 round left · 8 min rounds, 2 min breaks');
  assert.equal(autopilotSummary(pilot({ roundsLeft: 0, breakMinutes: 0 })), 'Last round · 8 min rounds, no breaks');
  assert.equal(afterThisRound(pilot({})), 'The next round starts after this one and a 2 min break.');
  assert.equal(afterThisRound(pilot({ breakMinutes: 0 })), 'The next round starts as soon as this one ends.');
  assert.equal(afterThisRound(pilot({ roundsLeft: 0, breakMinutes: 0 })), 'This is the last round: the autopilot stops when it ends.');
});

test('the autopilot speaks German and Spanish, with plurals from the messages', () => {
  speak('de');
  try {
    assert.equal(autopilotSummary(pilot({})), 'noch 3 Runden · Runden à 8 Min., 2 Min. Pause');
    assert.equal(autopilotSummary(pilot({ roundsLeft: 1 })), 'noch 1 Runde · Runden à 8 Min., 2 Min. Pause');
    assert.equal(autopilotSummary(pilot({ roundsLeft: 0, breakMinutes: 0 })), 'Letzte Runde · Runden à 8 Min., keine Pausen');
    assert.equal(afterThisRound(pilot({ breakMinutes: 0 })), 'Die nächste Runde beginnt, sobald diese endet.');
    speak('es');
    assert.equal(autopilotSummary(pilot({ roundsLeft: 1 })), 'queda 1 ronda · rondas de 8 min, pausas de 2 min');
  } finally {
    speak('en');
  }
});

test('a round length reads m:ss, an 18 s round is not "1 min"', () => {
  assert.equal(roundLength(0, 18_000), '0:18');
  assert.equal(roundLength(0, 8 * 60_000), '8:00');
  assert.equal(roundLength(0, 61_499), '1:01');
  assert.equal(roundLength(0, null), '');
});
