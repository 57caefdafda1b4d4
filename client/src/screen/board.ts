import type { BoardEntry } from '@mingle/shared';

/** Pure layout helpers for the find-your-table board (no Vue, easy to reason about). */

const collators = new Map<string, Intl.Collator>();
/** Names sort as the room's language sorts them (Spanish puts Ñ after N); no language: the browser's. */
function collatorFor(lang?: string): Intl.Collator {
  const key = lang ?? '';
  let collator = collators.get(key);
  if (!collator) collators.set(key, (collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })));
  return collator;
}

export function byName(board: readonly BoardEntry[], lang?: string): BoardEntry[] {
  const collator = collatorFor(lang);
  return [...board].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.spot, b.spot));
}

export interface SpotCard {
  spot: string;
  names: string[];
}

/** One card per spot, spots in natural order (Table 2 before Table 10), names alphabetical. */
export function bySpot(board: readonly BoardEntry[], lang?: string): SpotCard[] {
  const collator = collatorFor(lang);
  const spots = new Map<string, string[]>();
  for (const entry of byName(board, lang)) {
    const names = spots.get(entry.spot);
    if (names) names.push(entry.name);
    else spots.set(entry.spot, [entry.name]);
  }
  return [...spots.entries()].map(([spot, names]) => ({ spot, names })).sort((a, b) => collator.compare(a.spot, b.spot));
}

export interface Box {
  width: number;
  height: number;
}

export interface GridFit {
  columns: number;
  rows: number;
  fontPx: number;
}

/** Up to this many people, the board is a grid of spots; above, an alphabetical list. */
export const GRID_MAX_PEOPLE = 40;
/** Below this font size the grid is too dense to read from the back: use the list instead. */
const GRID_MIN_FONT = 16;
const GAP_PX = 12;

/**
 * The grid arrangement with the largest readable type that fits the box without scrolling.
 * A card is a spot heading (1.25em × 1.2) plus one line (1.3em) per name plus padding (~1.1em);
 * it is about 10em wide. Returns null when the grid would be too small to read.
 */
export function fitGrid(cards: readonly SpotCard[], box: Box): GridFit | null {
  const n = cards.length;
  if (n === 0 || box.width <= 0 || box.height <= 0) return null;
  const most = Math.max(...cards.map((c) => c.names.length));
  const linesEm = 1.25 * 1.2 + most * 1.3 + 1.1;
  let best: GridFit | null = null;
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const cardH = (box.height - GAP_PX * (rows - 1)) / rows;
    const cardW = (box.width - GAP_PX * (columns - 1)) / columns;
    const fontPx = Math.min(cardH / linesEm, cardW / 10, box.height / 11);
    if (!best || fontPx > best.fontPx) best = { columns, rows, fontPx: Math.floor(fontPx) };
  }
  return best && best.fontPx >= GRID_MIN_FONT ? best : null;
}

/**
 * The board's list area on a 1920×1080 screen during a round (measured, and checked by the e2e
 * tier): the unit tests plan rooms for this box.
 */
export const BOARD_AREA_1080: Box = { width: 1150, height: 740 };

/** Line height of a list row, in em. */
export const LIST_LINE = 1.3;
/** Time to scan one page once its letter range in huge type says it is yours. */
export const PAGE_MS = 5000;
/** Anyone finds their name within this: the whole cycle of pages, when the room allows. */
export const CYCLE_GOAL_MS = 20_000;
/** Space between columns, in em; a row's name and spot are 0.6em apart. */
const COLUMN_GAP_EM = 1.2;
const ROW_GAP_EM = 0.6;

/** Width of a text in em, in the board's bold type. */
export type MeasureEm = (text: string) => number;
/** Without a browser to measure: a generous 0.62em a letter (bold sans capitals are about this wide). */
export const estimateEm: MeasureEm = (text) => Array.from(text).length * 0.62;

export interface ListPlan {
  fontPx: number;
  rows: number;
  columns: number;
  /** Name column and spot column widths in em, so that no name is ever cut. */
  nameEm: number;
  spotEm: number;
  pages: BoardEntry[][];
  pageMs: number;
  /** How long until every page has been shown once. */
  cycleMs: number;
}

/** The largest and smallest type the list uses, scaled with the box (so 720p, 1080p and 4K look alike). */
export function listFontRange(box: Box): { max: number; min: number } {
  const max = Math.max(14, Math.floor(box.height / (12 * LIST_LINE)));
  const min = Math.max(12, Math.min(max, Math.floor(box.height / 46)));
  return { max, min };
}

/**
 * An alphabetical list in columns as wide as the longest name and spot (no name is ever cut), in
 * the largest type whose pages all pass within CYCLE_GOAL_MS at PAGE_MS a page. A room too big for
 * that (thousands) gets the densest readable type, and its pages say their letter range in huge type.
 */
export function planList(board: readonly BoardEntry[], box: Box, measure: MeasureEm = estimateEm, lang?: string): ListPlan {
  const sorted = byName(board, lang);
  const nameEm = Math.max(1, ...sorted.map((e) => measure(e.name)));
  const spotEm = Math.max(1, ...sorted.map((e) => measure(e.spot)));
  const columnEm = nameEm + ROW_GAP_EM + spotEm;
  const { max, min } = listFontRange(box);
  const fit = (fontPx: number) => {
    const rows = Math.max(1, Math.floor(box.height / (fontPx * LIST_LINE)));
    const columns = Math.max(1, Math.floor((box.width + COLUMN_GAP_EM * fontPx) / ((columnEm + COLUMN_GAP_EM) * fontPx)));
    const pageCount = Math.max(1, Math.ceil(sorted.length / (rows * columns)));
    return { fontPx, rows, columns, pageCount };
  };
  let chosen = fit(min);
  for (let fontPx = max; fontPx >= min; fontPx--) {
    const f = fit(fontPx);
    if (f.pageCount * PAGE_MS <= CYCLE_GOAL_MS || fontPx === min) {
      chosen = f;
      break;
    }
  }
  // A name longer than the box is wide still gets a whole column (it shrinks to fit).
  const fontPx = Math.min(chosen.fontPx, Math.floor(box.width / columnEm) || chosen.fontPx);
  const perPage = chosen.rows * chosen.columns;
  const list = pages(sorted, perPage);
  return {
    fontPx,
    rows: chosen.rows,
    columns: chosen.columns,
    nameEm,
    spotEm,
    pages: list,
    pageMs: PAGE_MS,
    cycleMs: list.length > 1 ? list.length * PAGE_MS : 0,
  };
}

export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)));
  return out;
}

/** A page's letters: from "A" to "F"; `to` equals `from` when every name starts alike. */
export interface LetterRange {
  from: string;
  to: string;
}

/**
 * "A" to "F" for a page of names from Ana to Felix; "M" alone when all start alike; in a big room,
 * where many pages start with one letter, "Ma" to "Me" from the first two letters. Null for an empty page.
 */
export function letterRange(page: readonly BoardEntry[], lang?: string): LetterRange | null {
  if (!page.length) return null;
  const first = page[0]!.name;
  const last = page[page.length - 1]!.name;
  if (initial(first, 1, lang) !== initial(last, 1, lang)) return { from: initial(first, 1, lang), to: initial(last, 1, lang) };
  const a = initial(first, 2, lang);
  const b = initial(last, 2, lang);
  const one = initial(first, 1, lang);
  return a === b || page.length < 40 ? { from: one, to: one } : { from: a, to: b };
}

/** The range in huge type, the same in every language: "A–F", "M". */
export function rangeText(range: LetterRange | null): string {
  if (!range) return '';
  return range.from === range.to ? range.from : `${range.from}–${range.to}`;
}

/** The first `n` letters, the first capitalised: "Ma". */
function initial(name: string, n: number, lang?: string): string {
  const [head = '', ...rest] = Array.from(name.trim()).slice(0, n);
  return head.toLocaleUpperCase(lang) + rest.join('').toLocaleLowerCase(lang);
}

/** Every first letter on the board, for the index strip that shows where the cycle is. */
export function initials(board: readonly BoardEntry[], lang?: string): string[] {
  return [...new Set(byName(board, lang).map((e) => initial(e.name, 1, lang)))];
}
