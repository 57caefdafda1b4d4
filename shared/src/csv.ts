/**
 * CSV cells for every download (server and console), free of zod so any bundle can use it.
 *
 * Formula guard, as OWASP's "CSV Injection" describes: a cell that a spreadsheet would run as a
 * formula gets a leading apostrophe, which spreadsheets read as "this is text". That is a cell
 * starting with =, +, -, @, tab, CR or LF, and also one where only whitespace comes before
 * =, +, -, @ (some spreadsheets skip leading spaces).
 *
 * Phone numbers are the exception: "+1 555 0100" must stay as it is, or contact importers store the
 * apostrophe. A value made only of digits, spaces, ( ) . - and one leading + cannot name a
 * function or a cell, so the worst a spreadsheet can do with it is arithmetic on the digits.
 */
const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@])/;
const PHONE_LIKE = /^\+?[\d ().-]+$/;

export function guardFormula(value: string): string {
  if (PHONE_LIKE.test(value) && /\d/.test(value)) return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

/** One cell: formula-guarded, and quoted (quotes doubled) when it holds a delimiter, quote or line break. */
export function csvCell(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : guardFormula(value);
  // ";" is quoted too: spreadsheets in many locales split on it.
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
