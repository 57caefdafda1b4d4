import type { BoardEntry } from '@mingle/shared';

/** Lower case without accents: "Zoë" is found by "zoe". */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * The board entries whose name matches what was typed (every word of the query starts a word of the
 * name, or is inside it), at most `limit`, and how many matched in all.
 */
export function findOnBoard(board: readonly BoardEntry[], query: string, limit = 30): { entries: BoardEntry[]; total: number } {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (!words.length) return { entries: [], total: 0 };
  const hits = board.filter((e) => {
    const name = folded(e.name);
    return words.every((w) => name.includes(w));
  });
  return { entries: hits.slice(0, limit), total: hits.length };
}
