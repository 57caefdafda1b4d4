import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boardNames } from '@mingle/shared/board-names';
import type { BoardEntry } from '@mingle/shared';
import {
  BOARD_AREA_1080,
  CYCLE_GOAL_MS,
  PAGE_MS,
  byName,
  estimateEm,
  initials,
  letterRange,
  listFontRange,
  planList,
  rangeText,
} from '../src/screen/board';
import { i18n } from '../src/i18n/index';
import { speak } from './i18n';

const FIRST =
  'Alexandria Ana Anastasia Ben Bo Carmen Chloé Dmitri Elizabeth Esther Femi Giulia Hana Hiroshi Ines Ivan Jonas Kwame Lena Lucía Mateo Mohammed Nia Omar Priya Quinn Rosa Sven Tomás Wei Yara Zoe'.split(
    ' ',
  );
const LAST =
  'Whitaker Ng Olsen Papadopoulos Chen Cheng Chan Smith Smythe Garcia Garza Okafor Lindqvist Nguyen Schmidt Kowalski Haddad Ivanova Rossi Tanaka Mensah Dubois Silva Müller Kim Park Singh Patel Novak Jensen'.split(
    ' ',
  );

/** A room of `n` (deterministic, many shared first names and close last names), named as the server names them, 4 to a table. */
function room(n: number): BoardEntry[] {
  let seed = 11;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * xs.length)]!;
  const full = Array.from({ length: n }, () => `${pick(FIRST)} ${pick(LAST)}`);
  return boardNames(full).map((name, i) => ({ name, spot: `Table ${Math.floor(i / 4) + 1}` }));
}

const scale = (k: number) => ({ width: BOARD_AREA_1080.width * k, height: BOARD_AREA_1080.height * k });

test('400 people at 1080p: every page passes within 20 s, in type readable from the back', () => {
  const plan = planList(room(400), BOARD_AREA_1080);
  assert.ok(plan.pages.length > 1);
  assert.equal(plan.pageMs, PAGE_MS);
  assert.equal(plan.cycleMs, plan.pages.length * PAGE_MS);
  assert.ok(plan.cycleMs <= CYCLE_GOAL_MS, `a full cycle takes ${plan.cycleMs} ms`);
  assert.ok(plan.fontPx >= 16, `names are ${plan.fontPx} px`);
  // The page fits the box: rows of 1.3em and columns as wide as the longest name and spot.
  assert.ok(plan.rows * plan.fontPx * 1.3 <= BOARD_AREA_1080.height);
  assert.ok(
    plan.columns * (plan.nameEm + 0.6 + plan.spotEm) * plan.fontPx + (plan.columns - 1) * 1.2 * plan.fontPx <= BOARD_AREA_1080.width,
  );
});

test('no name is cut: the name column is as wide as the widest name', () => {
  const board = room(400);
  const plan = planList(board, BOARD_AREA_1080);
  assert.equal(plan.nameEm, Math.max(...board.map((e) => estimateEm(e.name))));
  assert.equal(plan.spotEm, Math.max(...board.map((e) => estimateEm(e.spot))));
});

test('every person is on exactly one page, alphabetical across pages', () => {
  const board = room(400);
  const plan = planList(board, BOARD_AREA_1080);
  const shown = plan.pages.flat();
  assert.deepEqual(shown, byName(board));
  for (const p of plan.pages.slice(0, -1)) assert.equal(p.length, plan.rows * plan.columns);
});

test('smaller rooms get bigger type, and a room that fits one page does not cycle', () => {
  const at150 = planList(room(150), BOARD_AREA_1080);
  const at400 = planList(room(400), BOARD_AREA_1080);
  assert.ok(at150.cycleMs <= CYCLE_GOAL_MS);
  assert.ok(at150.fontPx >= at400.fontPx);
  // The largest type whose cycle still meets the goal: a small room gets the largest type there is.
  const at12 = planList(room(12), BOARD_AREA_1080);
  assert.equal(at12.pages.length, 1);
  assert.equal(at12.cycleMs, 0);
  assert.equal(at12.fontPx, listFontRange(BOARD_AREA_1080).max);
});

test('5,000 people: the densest readable type, and each page names its letters', () => {
  const board = room(5000);
  const plan = planList(board, BOARD_AREA_1080);
  const { min } = listFontRange(BOARD_AREA_1080);
  assert.equal(plan.fontPx, min);
  assert.ok(plan.rows * plan.columns >= 100, `${plan.rows * plan.columns} names a page`);
  assert.equal(plan.pages.flat().length, 5000);
  // Many pages start with one letter: their range then reads "Ca–Ch" rather than "C".
  const ranges = plan.pages.map((p) => rangeText(letterRange(p)));
  assert.ok(ranges.every((r) => r.length > 0));
  assert.ok(
    ranges.some((r) => /^[A-Z][a-zé]–[A-Z][a-zé]$/.test(r)),
    ranges.join(' '),
  );
  assert.deepEqual(initials(board), [...new Set(FIRST.map((f) => f[0]))].sort());
});

test('a 4K projector shows the room in type about twice as big; 720p the same at two thirds', () => {
  const board = room(400);
  const hd = planList(board, BOARD_AREA_1080);
  const uhd = planList(board, scale(2));
  assert.ok(uhd.cycleMs <= CYCLE_GOAL_MS, `4K: ${uhd.cycleMs} ms`);
  assert.ok(uhd.fontPx >= hd.fontPx * 2, `${uhd.fontPx} px at 4K, ${hd.fontPx} px at 1080p`);
  // A 720p projector has a third fewer pixels: the same room takes a page or so longer.
  const small = planList(board, scale(2 / 3));
  assert.ok(small.cycleMs <= CYCLE_GOAL_MS + PAGE_MS, `720p: ${small.cycleMs} ms`);
});

test('letter ranges: "A–F", one letter when all alike, nothing for an empty page', () => {
  const e = (name: string) => ({ name, spot: 'Table 1' });
  assert.deepEqual(letterRange([e('Ana L.'), e('Felix M.')]), { from: 'A', to: 'F' });
  assert.equal(rangeText(letterRange([e('Ana L.'), e('Felix M.')])), 'A–F');
  assert.deepEqual(letterRange([e('Mia L.'), e('Mo K.')]), { from: 'M', to: 'M' });
  assert.equal(rangeText(letterRange([e('Mia L.'), e('Mo K.')])), 'M');
  assert.equal(letterRange([]), null);
  assert.equal(rangeText(null), '');
  assert.equal(rangeText(letterRange([e('élodie L.'), e('Zoe K.')])), 'É–Z');
});

test('a Spanish room sorts Ñ after N, and its pages say their letters in Spanish', () => {
  const board = ['Oscar P.', 'Ñoño R.', 'Nora S.', 'Nuria T.'].map((name) => ({ name, spot: 'Mesa 1' }));
  assert.deepEqual(
    byName(board, 'es').map((e) => e.name),
    ['Nora S.', 'Nuria T.', 'Ñoño R.', 'Oscar P.'],
  );
  assert.deepEqual(initials(board, 'es'), ['N', 'Ñ', 'O']);
  const range = letterRange(byName(board, 'es').slice(1, 3), 'es')!;
  assert.deepEqual(range, { from: 'N', to: 'Ñ' });
  try {
    speak('es');
    assert.equal(i18n.global.t('screenRound.board.range', { ...range }), 'Nombres de la N a la Ñ');
    assert.equal(i18n.global.t('screenRound.board.page', { page: 2, count: 5 }), 'Página 2 de 5');
    speak('de');
    assert.equal(i18n.global.t('screenRound.board.range', { from: 'A', to: 'F' }), 'Namen von A bis F');
    speak('en');
    assert.equal(i18n.global.t('screenRound.board.rangeOne', { letter: 'M' }), 'Names starting with M');
  } finally {
    speak('en');
  }
});
