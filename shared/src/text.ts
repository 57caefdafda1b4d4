import { z } from 'zod';

/**
 * The one rule for text people send: no control characters. Refused everywhere: C0 controls other
 * than tab and line feed, a carriage return that is not part of CRLF, DEL and the C1 controls
 * (U+0080–U+009F). Nobody types them, PostgreSQL refuses NUL outright, and the others break exports
 * and displays. CRLF is accepted and stored as LF.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
/** What a single line may not hold once trimmed: any line break or tab. */
const LINE_BREAK = /[\t\n\r]/;

/** What `line()` accepts, as a plain test (for checks before sending, e.g. a pasted guest list). */
export function isCleanLine(value: string): boolean {
  return !CONTROL.test(value) && !LINE_BREAK.test(value.trim());
}

const noControl = (what: string) => z.string().refine((v) => !CONTROL.test(v), `${what} cannot contain control characters`);

/**
 * One line: a name, a tag, a label, a company. Trimmed (so a pasted trailing newline is harmless),
 * then no tab or line break inside. Chain `.min()`/`.max()` as usual.
 */
export function line(what: string) {
  return noControl(what)
    .trim()
    .refine((v) => !LINE_BREAK.test(v), `${what} must be a single line`);
}

/** Multi-line text: a description, a note. Tabs and line breaks allowed; CRLF becomes LF; trimmed. */
export function text(what: string) {
  return noControl(what)
    .overwrite((v) => v.replace(/\r\n/g, '\n'))
    .trim();
}
