import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveAction } from '@mingle/shared';
import { actionLine } from '../src/console/live/action-line';
import { colleagueNoteText } from '../src/console/live/colleague-note';
import { relativeTime } from '../src/console/live/relative-time';
import { speak } from './i18n';

const action = (kind: LiveAction['kind'], count: number | null = null): LiveAction => ({ kind, by: 'Sam', at: 0, count });
const note = { pairs: 2, groups: 4, companies: [{ name: 'SunGrid', people: 5 }], more: 0 };
const bigNote = {
  pairs: 1,
  groups: 1,
  companies: [
    { name: 'A', people: 3 },
    { name: 'B', people: 2 },
    { name: 'C', people: 2 },
  ],
  more: 2,
};

test('a team action reads "Round 3 started by Sam", counted people in plurals', () => {
  speak('en');
  assert.equal(actionLine(action('round.started', 3)), 'Round 3 started by Sam');
  assert.equal(actionLine(action('round.ended')), 'Round ended by Sam');
  assert.equal(actionLine(action('attendees.removed', 1)), '1 attendee removed by Sam');
  assert.equal(actionLine(action('attendees.left-out', 4)), '4 attendees left out by Sam');
  assert.equal(actionLine(action('join-code.changed')), 'Join code changed by Sam');
});

test('a team action in German and Spanish', () => {
  speak('de');
  assert.equal(actionLine(action('round.started', 3)), 'Runde 3 gestartet von Sam');
  assert.equal(actionLine(action('attendees.removed', 1)), '1 Person entfernt von Sam');
  speak('es');
  assert.equal(actionLine(action('attendees.removed', 2)), '2 asistentes eliminados por Sam');
  speak('en');
});

test('the colleague note is worded from its figures', () => {
  speak('en');
  assert.equal(colleagueNoteText(note), '2 colleague pairs: SunGrid has 5 people for 4 groups');
  assert.equal(
    colleagueNoteText(bigNote),
    '1 colleague pair: A has 3 people for 1 group, B has 2 people, C has 2 people and 2 more companies',
  );
  // a round planned before the note became data
  assert.equal(colleagueNoteText('1 colleague pair: X has 3 people for 2 groups'), '1 colleague pair: X has 3 people for 2 groups');
  speak('de');
  assert.equal(colleagueNoteText(note), '2 Kollegenpaare: SunGrid hat 5 Personen für 4 Gruppen');
  speak('es');
  assert.equal(
    colleagueNoteText({ ...note, pairs: 1, more: 1 }),
    '1 pareja de colegas: SunGrid tiene 5 personas para 4 grupos y 1 empresa más',
  );
  speak('en');
});

test('"joined" times are relative, in the language asked for', () => {
  const now = Date.parse('2026-05-01T18:30:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  assert.equal(relativeTime(ago(10_000), now, 'en'), 'now');
  assert.equal(relativeTime(ago(4 * 60_000), now, 'de'), 'vor 4 Min.');
  assert.equal(relativeTime(ago(2 * 3_600_000), now, 'es'), 'hace 2 h');
  assert.equal(relativeTime('not a date', now, 'en'), '');
});
