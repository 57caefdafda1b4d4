import type { BoardEntry } from '@mingle/shared';

/** Pure layout helpers for the find-your-table board (no Vue, easy to reason about). */

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function byName(board: readonly BoardEntry[]): BoardEntry[] {
  return [...board].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.spot, b.spot));
}

export interface SpotCard {
  spot: string;
  names: string[];
}

/** One card per spot, spots in natural order (Table 2 before Table 10), names alphabetical. */
export function bySpot(board: readonly BoardEntry[]): SpotCard[] {
  const spots = new Map<string, string[]>();
  for (const entry of byName(board)) {
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

export interface ListFit {
  columns: number;
  rows: number;
  fontPx: number;
}

/** Line height of a list row, in em. */
export const LIST_LINE = 1.4;
/** Rows per column the type is sized for: few enough that names read from the back of a room. */
const LIST_ROWS = 13;
/** Columns side by side the type is sized for (a narrow or 4:3 board gets smaller type instead of one column). */
const LIST_COLUMNS = 2;
/** Width of a column (name and spot) with its share of the gap, in em. */
const LIST_COLUMN_EM = 12;

/**
 * Type scaled with the box (so 1920×1080 and 1280×720 look alike: about 30 px at 720p) for about
 * 13 rows in 2 columns; then as many rows and columns as that type fits. The rest goes on more pages.
 */
export function fitList(box: Box): ListFit {
  const fontPx = Math.max(14, Math.floor(Math.min(box.height / (LIST_ROWS * LIST_LINE), box.width / (LIST_COLUMNS * LIST_COLUMN_EM))));
  const rows = Math.max(1, Math.floor(box.height / (fontPx * LIST_LINE)));
  const columns = Math.max(1, Math.floor(box.width / (fontPx * LIST_COLUMN_EM)));
  return { columns, rows, fontPx };
}

export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)));
  return out;
}

/** "A–F" for a page of names from Ana to Felix; "M" when all start alike. */
export function letterRange(page: readonly BoardEntry[]): string {
  if (!page.length) return '';
  const first = initial(page[0]!.name);
  const last = initial(page[page.length - 1]!.name);
  return first === last ? first : `${first}–${last}`;
}

function initial(name: string): string {
  const ch = [...name.trim()][0] ?? '';
  return ch.toLocaleUpperCase();
}
