import list from './offensive-words.json';

/**
 * Names the room should not see on its screen: a built-in list of offensive words (a plain data
 * file beside this one) and the organizer's own words. Whole words only, so "Dickens", "Scunthorpe"
 * or "Hancock" pass; case, accents and simple leetspeak ("5h1t", "F.U.C.K" stays a word per letter
 * and is caught too) do not hide a word. Pure: the console's flag and the screen's board use it alike.
 */

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i' };

/** Lower case, no accents, leetspeak read as letters; anything else that is not a letter splits words. */
function words(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[0-9@$!|]/g, (c) => LEET[c] ?? c);
  const found = plain.split(/[^\p{L}]+/u).filter(Boolean);
  // "f u c k" or "f.u.c.k": single letters in a row are read as one word too.
  const runs: string[] = [];
  let run = '';
  for (const w of found) {
    if (w.length === 1) run += w;
    else {
      if (run.length > 1) runs.push(run);
      run = '';
    }
  }
  if (run.length > 1) runs.push(run);
  return [...found, ...runs];
}

/** "fuuuck" → "fuck": letters said more than once in a row count once. */
const squeeze = (w: string): string => w.replace(/(\p{L})\1+/gu, '$1');

function normalizeTerm(term: string): string {
  return words(term).join('');
}

const BUILT_IN: ReadonlySet<string> = new Set(list.words.map(normalizeTerm));
const BUILT_IN_SQUEEZED: ReadonlySet<string> = new Set([...BUILT_IN].map(squeeze));

function matches(word: string, terms: ReadonlySet<string>, squeezed: ReadonlySet<string>): boolean {
  const stems = [word, word.replace(/es$/, ''), word.replace(/s$/, '')];
  return stems.some((s) => s.length > 0 && (terms.has(s) || squeezed.has(squeeze(s))));
}

/**
 * The first word of `name` that is on the built-in list, else the first in `own` (the organizer's
 * words), as written in the list; null when the name may be shown.
 */
export function offensiveWord(name: string, own: readonly string[] = []): string | null {
  return wordCheck(own)(name);
}

/** offensiveWord with the organizer's words read once, for many names. */
function wordCheck(own: readonly string[]): (name: string) => string | null {
  const mine = new Set(own.map(normalizeTerm).filter(Boolean));
  const mineSqueezed = new Set([...mine].map(squeeze));
  return (name) => {
    const listed = builtIn(name);
    if (listed !== null || !mine.size) return listed;
    return words(name).find((w) => matches(w, mine, mineSqueezed)) ?? null;
  };
}

/** Names checked lately against the built-in list: a board of 5,000 names is made at every round start. */
const checked = new Map<string, string | null>();
const CHECKED_KEPT = 20_000;

/** The first word of `name` on the built-in list, or null; remembered for the next board. */
function builtIn(name: string): string | null {
  let found = checked.get(name);
  if (found === undefined) {
    if (checked.size >= CHECKED_KEPT) checked.clear();
    found = words(name).find((w) => matches(w, BUILT_IN, BUILT_IN_SQUEEZED)) ?? null;
    checked.set(name, found);
  }
  return found;
}

type Named = { name: string; screenHidden: boolean };

/**
 * Whether a person's name may appear on the screen: not hidden by the organizer, no offensive word.
 * The organizer's words are read once, for a whole board.
 */
export function screenCheck(own: readonly string[]): (person: Named) => boolean {
  const offensive = wordCheck(own);
  return (person) => !person.screenHidden && offensive(person.name) === null;
}

/** How many words the built-in list has (for the console's help text). */
export const BUILT_IN_WORD_COUNT = BUILT_IN.size;
