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

/** How many letters two (folded) last names share at the start. */
function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
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
  const people = names.map((name, i) => {
    const parts = nameParts(name);
    return { i, parts, first: fold(parts.first), last: letters(fold(parts.last)) };
  });
  const byFirst = new Map<string, typeof people>();
  for (const p of people) {
    const same = byFirst.get(p.first);
    if (same) same.push(p);
    else byFirst.set(p.first, [p]);
  }
  const out: string[] = new Array<string>(names.length);
  for (const same of byFirst.values()) {
    // In last-name order, the longest prefix someone shares with anyone is the one shared with a neighbour.
    same.sort((a, b) => compareLetters(a.last, b.last));
    same.forEach((p, k) => {
      let need = 1;
      let sameLast = false;
      for (const q of [same[k - 1], same[k + 1]]) {
        if (!q) continue;
        const shared = commonPrefix(p.last, q.last);
        if (shared === p.last.length && shared === q.last.length) sameLast = true;
        need = Math.max(need, shared + 1);
      }
      // Same first and last name: only the whole name can tell them apart (if anything can).
      out[p.i] = same.length === 1 ? cut(p.parts, 1) : sameLast ? p.parts.full : cut(p.parts, need);
    });
  }
  return out;
}

function compareLetters(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/** One board name, when the rest of the room does not matter (a room of one). */
export function boardName(name: string): string {
  return boardNames([name])[0]!;
}
