/** Join codes avoid characters people confuse: no 0, O, 1, I, L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
const LOOK_ALIKES = '0O1IL';

export const LOOK_ALIKE_MESSAGE = 'Codes never contain 0, O, 1, I or L. Check the code on the screen.';

/** What a person typed, read as a join code: exactly one code, or why it cannot be one. */
export type TypedJoinCode = { code: string } | { problem: 'look_alike' | 'not_a_code' };

/**
 * Case-insensitive; spaces, dots and dashes dropped. The alphabet has no look-alikes, so a typed
 * 0, O, 1, I or L can only be a typo: it is reported as such, never guessed at.
 */
export function readJoinCode(typed: string): TypedJoinCode {
  const raw = typed.toUpperCase().replace(/[\s.\-_]/g, '');
  if (raw.length !== JOIN_CODE_LENGTH) return { problem: 'not_a_code' };
  let lookAlike = false;
  for (const ch of raw) {
    if (LOOK_ALIKES.includes(ch)) lookAlike = true;
    else if (!JOIN_CODE_ALPHABET.includes(ch)) return { problem: 'not_a_code' };
  }
  return lookAlike ? { problem: 'look_alike' } : { code: raw };
}

/** The one exact code a person typed, or null. */
export function normalizeJoinCode(typed: string): string | null {
  const read = readJoinCode(typed);
  return 'code' in read ? read.code : null;
}

/** Failed code look-ups from one address are limited; the 429 body says when to try again. */
export const TOO_MANY_WRONG_CODES = 'too_many_wrong_codes';

export function tooManyWrongCodesMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many wrong codes from this network. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
