import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeChart, niceScale, percent } from '../src/console/report/chart-scale';
import { roundLength } from '../src/console/report/report-format';
import { speak } from './i18n';

speak('en');

test('a nice scale tops the largest value with round ticks', () => {
  assert.deepEqual(niceScale(7), { top: 8, ticks: [0, 2, 4, 6, 8] });
  assert.deepEqual(niceScale(37), { top: 40, ticks: [0, 10, 20, 30, 40] });
  assert.deepEqual(niceScale(0.5), { top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  assert.deepEqual(niceScale(0), { top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  assert.deepEqual(niceScale(400), { top: 400, ticks: [0, 100, 200, 300, 400] });
  assert.deepEqual(niceScale(401), { top: 500, ticks: [0, 125, 250, 375, 500] });
  // Counts: whole ticks only.
  assert.deepEqual(niceScale(2, 4, 1, true), { top: 2, ticks: [0, 1, 2] });
  assert.deepEqual(niceScale(0, 4, 1, true), { top: 1, ticks: [0, 1] });
  assert.deepEqual(niceScale(9, 4, 1, true), { top: 12, ticks: [0, 3, 6, 9, 12] });
});

test('a chart is told in words for screen readers', () => {
  assert.equal(describeChart('Seated', ['round 1', 'round 2'], [{ name: 'seated', values: [7, 6] }]), 'Seated: round 1 7; round 2 6.');
  assert.equal(
    describeChart(
      'Pairs',
      ['round 1'],
      [
        { name: 'repeat pairs', values: [0] },
        { name: 'colleague pairs', values: [1] },
      ],
    ),
    'Pairs: round 1: repeat pairs 0, colleague pairs 1.',
  );
  assert.equal(describeChart('Rate', ['round 1'], [{ name: 'rate', values: [0.333] }], percent), 'Rate: round 1 33%.');
  assert.equal(describeChart('Rate', [], []), 'Rate: no data yet.');
});

test('a chart without data and a percentage speak German', () => {
  speak('de');
  try {
    assert.equal(describeChart('Quote', [], []), 'Quote: noch keine Daten.');
    assert.equal(percent(0.333), '33\u00a0%');
  } finally {
    speak('en');
  }
});

test('a round lasts m:ss, until now while it runs', () => {
  const start = '2026-11-30T18:00:00.000Z';
  assert.equal(roundLength(start, '2026-11-30T18:00:18.400Z', start), '0:18');
  assert.equal(roundLength(start, '2026-11-30T18:10:00.000Z', start), '10:00');
  assert.equal(roundLength(start, null, '2026-11-30T19:12:05.000Z'), '72:05');
});
