/** Join codes avoid characters people confuse: no 0, O, 1, I, L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
const LOOK_ALIKES = '0O1IL';

/**
 * Turns what a person typed into a join code pattern: case-insensitive, spaces, dots and dashes
 * dropped. A look-alike (0, O, 1, I, L) is never part of a code, so it becomes the wildcard `_`;
 * the server accepts the pattern when exactly one joinable event matches it.
 * Returns null when the text cannot be a code at all.
 */
export function normalizeJoinCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s.\-_]/g, '');
  if (raw.length !== JOIN_CODE_LENGTH) return null;
  let pattern = '';
  for (const ch of raw) {
    if (JOIN_CODE_ALPHABET.includes(ch)) pattern += ch;
    else if (LOOK_ALIKES.includes(ch)) pattern += '_';
    else return null;
  }
  return pattern;
}
