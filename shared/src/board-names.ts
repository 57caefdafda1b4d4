/**
 * Names for a board the whole room reads: the first name and as much of the last name as it takes
 * to tell this person apart from everyone else in the same room ("Ana L.", "Ana Lop." beside
 * "Ana Lob.", the whole "Ana Li" beside "Ana Lin"). Pure, so the screen's board and the phone's
 * Room view shorten names the same way.
 */

export interface NameParts {
  /** "Ana" */
  first: string;
  /** The last word: "Lopez" for "Ana María Lopez"; empty for a one-word name. */
  last: string;
  /** The whole name, spaces tidied. */
  full: string;
}

export function nameParts(name: string): NameParts {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return { first, last, full: words.join(' ') };
}

/** Letters, not UTF-16 units, so "Łukasz" or "Ōta" are cut between letters. */
const letters = (s: string): string[] => Array.from(s.normalize('NFC'));
const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase();

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && fold(a[i]!) === fold(b[i]!)) i++;
  return i;
}

/** "Ana" + "Lopez" cut to `n` letters: "Ana L.", "Ana Lop.", or the whole "Ana Lopez". */
function cut(parts: NameParts, n: number): string {
  const last = letters(parts.last);
  if (!last.length) return parts.first;
  const shown = last.slice(0, Math.max(1, n)).join('');
  return shown.length === parts.last.normalize('NFC').length ? `${parts.first} ${shown}` : `${parts.first} ${shown}.`;
}

/**
 * The board name of each of `names`, in the same order. Someone whose first name is unique in the
 * room gets "First L."; people who share a first name get the shortest cut of their last name that
 * no one else with that first name shares. When two people share first and last name, the middle
 * names that tell them apart are shown too ("Ana María Lopez" / "Ana Lucía Lopez"); the same full
 * name twice stays the same (the board's spot tells them apart).
 */
export function boardNames(names: readonly string[]): string[] {
  const parts = names.map(nameParts);
  const byFirst = new Map<string, number[]>();
  parts.forEach((p, i) => {
    const key = fold(p.first);
    const same = byFirst.get(key);
    if (same) same.push(i);
    else byFirst.set(key, [i]);
  });
  return parts.map((p, i) => {
    const others = byFirst.get(fold(p.first))!.filter((j) => j !== i);
    if (!others.length) return cut(p, 1);
    const last = letters(p.last);
    let need = 1;
    let sameLast = false;
    for (const j of others) {
      const theirs = letters(parts[j]!.last);
      const shared = commonPrefix(last, theirs);
      if (shared === last.length && shared === theirs.length) sameLast = true;
      need = Math.max(need, shared + 1);
    }
    // Same first and last name: only the whole name can tell them apart (if anything can).
    if (sameLast) return p.full;
    return cut(p, need);
  });
}

/** One board name, when the rest of the room does not matter (a room of one). */
export function boardName(name: string): string {
  return boardNames([name])[0]!;
}
