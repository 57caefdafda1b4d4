import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { i18n } from '../src/i18n/index';
import { keptSeriesToken, loadSeries, rememberAfterJoin, seriesChoice } from '../src/phone/series-choice';
import { speak } from './i18n';

interface Sent {
  url: string;
  init: RequestInit;
}

/** Answers every fetch with `body`, and keeps what was sent. */
function answer(body: unknown): Sent[] {
  const sent: Sent[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  return sent;
}

const realFetch = globalThis.fetch;
const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  });
  Object.assign(seriesChoice, { series: null, remember: false, byEmail: false });
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

const SERIES = { id: 's1', name: 'Monthly meetup' };
const KEY = 'A'.repeat(43);

test('a phone that kept its series key finds "Remember me" ticked and sends the key, never an email it was not asked to', async () => {
  store.set('mingle.series.s1', KEY);
  answer({ series: SERIES });
  await loadSeries('K7M2QP');
  assert.deepEqual(seriesChoice.series, SERIES);
  assert.equal(seriesChoice.remember, true);
  const sent = answer({ token: null, by: 'token' });
  await rememberAfterJoin('attendee-token', 'ana@mail.example');
  assert.equal(sent[0]!.url, '/api/me/series');
  assert.deepEqual(JSON.parse(String(sent[0]!.init.body)), { token: KEY });
});

test('a new phone that ticks both keeps the new key; without the tick nothing is sent or kept', async () => {
  answer({ series: SERIES });
  await loadSeries('K7M2QP');
  assert.equal(seriesChoice.remember, false);
  const none = answer({ token: 'x', by: 'new' });
  await rememberAfterJoin('attendee-token', 'ana@mail.example');
  assert.equal(none.length, 0);
  assert.equal(keptSeriesToken('s1'), null);

  Object.assign(seriesChoice, { remember: true, byEmail: true });
  const sent = answer({ token: KEY, by: 'new' });
  await rememberAfterJoin('attendee-token', 'ana@mail.example');
  assert.deepEqual(JSON.parse(String(sent[0]!.init.body)), { email: 'ana@mail.example' });
  assert.equal(keptSeriesToken('s1'), KEY);
});

test('the series texts read in each language, plurals by the i18n library', () => {
  const { t } = i18n.global;
  speak('en');
  assert.equal(t('consoleSeries.option', { name: 'Monthly', count: 3 }, 3), 'Monthly (3 events)');
  assert.equal(t('consoleSeries.option', { name: 'Monthly', count: 1 }, 1), 'Monthly (1 event)');
  assert.equal(t('phoneSeries.metAt', { event: 'March meetup' }), 'Met at March meetup');
  speak('de');
  assert.equal(t('consoleSeries.option', { name: 'Monatlich', count: 0 }, 0), 'Monatlich (keine Events)');
  assert.equal(t('phoneSeries.remember'), 'Mich für diese Reihe merken');
  speak('es');
  assert.equal(t('consoleSeries.option', { name: 'Mensual', count: 2 }, 2), 'Mensual (2 eventos)');
  assert.equal(t('phoneSeries.metAt', { event: 'marzo' }), 'Os conocisteis en marzo');
  speak('en');
});
