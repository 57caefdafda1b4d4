import { isCleanLine } from '@mingle/shared/text';
import { i18n } from '../../i18n';

const t = i18n.global.t;

/**
 * CSV in and out for the console: the planner's people list (name, company, interests separated
 * by ";") and downloads. No dependencies, so it runs in node:test as it is.
 */

export interface PlannerPerson {
  name: string;
  company?: string;
  interests?: string[];
}

export interface CsvLineError {
  /** 1-based line in the pasted text where the record starts */
  line: number;
  message: string;
  /** "Line 4: name is missing" */
  text: string;
}

export interface ParsedPeople {
  people: PlannerPerson[];
  /** the line each person came from, same order as `people` */
  lines: number[];
  errors: CsvLineError[];
  /** true when the first row was read as column names */
  header: boolean;
}

/** The planner's limits (the server checks them too; see plannerBody in shared/src/planner.ts). */
export const PEOPLE_LIMITS = { name: 80, company: 80, interest: 40, interests: 20 } as const;

interface Row {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into rows of cells: quoted fields may hold the delimiter, doubled quotes and
 * line breaks. A tab-separated paste (from a spreadsheet) is recognised by a tab in the first line.
 */
export function splitRows(text: string): { rows: Row[]; errors: CsvLineError[] } {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') ? '\t' : ',';
  const rows: Row[] = [];
  const errors: CsvLineError[] = [];

  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteStart = 0;

  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };

  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      // A quote opens a quoted field only at the start of a cell (spaces before it are dropped).
      quoted = true;
      quoteStart = line;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    errors.push(lineError(quoteStart, t('consolePlanner.csv.unclosedQuote')));
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  } else if (cell !== '' || cells.length > 0) {
    endRow();
  }
  return { rows, errors };
}

const HEADER_NAMES: Record<string, 'name' | 'company' | 'interests'> = {
  name: 'name',
  'full name': 'name',
  company: 'company',
  organization: 'company',
  organisation: 'company',
  interests: 'interests',
  interest: 'interests',
  tags: 'interests',
  // the same columns as German and Spanish spreadsheets name them
  firma: 'company',
  unternehmen: 'company',
  interessen: 'interests',
  nombre: 'name',
  empresa: 'company',
  intereses: 'interests',
};

/** Splits "AI; Climate ;; ai" into ["AI", "Climate"]: trimmed, no empties, no case-insensitive repeats. */
export function splitInterests(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(';')) {
    const tag = part.trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

function lineError(line: number, message: string): CsvLineError {
  return { line, message, text: t('consolePlanner.csv.line', { line, message }) };
}

/**
 * People from CSV text: columns name, company, interests (separated by ";"). A header row is
 * optional; with one, columns may come in any order and unknown columns are ignored. Without one,
 * cells after the third are read as more interests. Blank lines are skipped.
 */
export function parsePeople(text: string): ParsedPeople {
  const { rows, errors } = splitRows(text);
  const people: PlannerPerson[] = [];
  const lines: number[] = [];
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));

  let columns: { name: number; company: number; interests: number } = { name: 0, company: 1, interests: 2 };
  let header = false;
  const first = filled[0];
  if (first) {
    const named = first.cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
    if (named.includes('name')) {
      header = true;
      columns = { name: named.indexOf('name'), company: named.indexOf('company'), interests: named.indexOf('interests') };
    }
  }

  for (const row of header ? filled.slice(1) : filled) {
    // A line break or tab inside a quoted cell (Alt+Enter in a spreadsheet) becomes a space: names are one line.
    const at = (i: number) => (i >= 0 ? (row.cells[i] ?? '').replace(/\s*[\t\r\n]\s*/g, ' ').trim() : '');
    const name = at(columns.name);
    const company = at(columns.company);
    const rawInterests = header ? at(columns.interests) : row.cells.slice(2).join(';');
    const interests = splitInterests(rawInterests);

    const problems: string[] = [];
    if (!name) problems.push(t('consolePlanner.csv.nameMissing'));
    else if (name.length > PEOPLE_LIMITS.name) problems.push(t('consolePlanner.csv.nameLong', { n: PEOPLE_LIMITS.name }));
    if (company.length > PEOPLE_LIMITS.company) problems.push(t('consolePlanner.csv.companyLong', { n: PEOPLE_LIMITS.company }));
    const long = interests.find((t) => t.length > PEOPLE_LIMITS.interest);
    if (long) problems.push(t('consolePlanner.csv.interestLong', { interest: long.slice(0, 20), n: PEOPLE_LIMITS.interest }));
    if (![name, company, ...interests].every(isCleanLine)) problems.push(t('consolePlanner.csv.control'));
    if (interests.length > PEOPLE_LIMITS.interests)
      problems.push(t('consolePlanner.csv.tooMany', { n: PEOPLE_LIMITS.interests, found: interests.length }));

    if (problems.length) {
      errors.push(lineError(row.line, problems.join('; ')));
      continue;
    }
    const person: PlannerPerson = { name };
    if (company) person.company = company;
    if (interests.length) person.interests = interests;
    people.push(person);
    lines.push(row.line);
  }

  errors.sort((a, b) => a.line - b.line);
  return { people, lines, errors, header };
}

/** Cells and rows out: the one rule shared with the server's exports (formula guard, quoting). */
export { csvCell, toCsv } from '@mingle/shared/csv';

/** Offers text as a file download (browser only). A BOM makes Excel read UTF-8 names correctly. */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a title: "Climate Night" → "climate-night". */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}
