import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, fileSlug, parsePeople, splitInterests, splitRows, toCsv } from '../src/console/planner/csv';
import { byPerson, bySpot, personCsvRows, spotCsvRows } from '../src/console/planner/rotation';
import { speak } from './i18n';

speak('en');

test("import messages speak the organizer's language; German and Spanish column names are read", () => {
  speak('es');
  try {
    const r = parsePeople('nombre,empresa,intereses\nAna,Acme,IA\n,Beta,Diseño');
    assert.equal(r.header, true);
    assert.deepEqual(r.people, [{ name: 'Ana', company: 'Acme', interests: ['IA'] }]);
    assert.equal(r.errors[0]!.text, 'Línea 3: falta el nombre');
    speak('de');
    assert.equal(parsePeople('Name,Firma\n"Ana').errors[0]!.text, 'Zeile 2: ein Feld in Anführungszeichen ist nicht geschlossen (" fehlt)');
  } finally {
    speak('en');
  }
});

test('rows without a header: name, company, interests separated by ;', () => {
  const r = parsePeople('Ana Lopez,Acme,AI; Climate\nBen Ode,,Design\nCleo\n');
  assert.equal(r.header, false);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.people, [
    { name: 'Ana Lopez', company: 'Acme', interests: ['AI', 'Climate'] },
    { name: 'Ben Ode', interests: ['Design'] },
    { name: 'Cleo' },
  ]);
  assert.deepEqual(r.lines, [1, 2, 3]);
});

test('a header row is optional, case-insensitive, and may reorder or add columns', () => {
  const r = parsePeople('Interests,Name,Email,Company\nAI;Climate,Ana,ana@example.com,Acme\n');
  assert.equal(r.header, true);
  assert.deepEqual(r.people, [{ name: 'Ana', company: 'Acme', interests: ['AI', 'Climate'] }]);
  // The email column is ignored: the planner never needs contact details.
  assert.ok(!JSON.stringify(r.people).includes('example.com'));
});

test('quoted fields may hold commas, doubled quotes and line breaks', () => {
  const r = parsePeople('name,company,interests\n"Lopez, Ana","Acme ""Labs""","AI;Climate"\n"Ben\nOde",Beta,Design\nCleo,Gamma,Policy');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.people[0], { name: 'Lopez, Ana', company: 'Acme "Labs"', interests: ['AI', 'Climate'] });
  // A line break inside a quoted name becomes a space: the planner's names are one line.
  assert.equal(r.people[1]!.name, 'Ben Ode');
  // Line numbers follow the physical lines, even after a quoted line break.
  assert.deepEqual(r.lines, [2, 3, 5]);
});

test('per-line errors say which line and what is wrong; good lines still count', () => {
  const text = ['name,company,interests', 'Ana,Acme,AI', '', ',Beta,Design', 'Cleo,Gamma,Policy', `${'x'.repeat(81)},Delta,AI`].join('\n');
  const r = parsePeople(text);
  assert.deepEqual(
    r.errors.map((e) => e.text),
    ['Line 4: name is missing', 'Line 6: name is at most 80 characters'],
  );
  assert.deepEqual(r.errors[0], { line: 4, message: 'name is missing', text: 'Line 4: name is missing' });
  assert.deepEqual(
    r.people.map((p) => p.name),
    ['Ana', 'Cleo'],
  );
});

test('too many or too long interests are errors', () => {
  const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(';');
  const r = parsePeople(`Ana,Acme,${many}\nBen,Beta,${'y'.repeat(41)}`);
  assert.equal(r.people.length, 0);
  assert.match(r.errors[0]!.text, /^Line 1: at most 20 interests \(found 21\)$/);
  assert.match(r.errors[1]!.text, /^Line 2: the interest .* is longer than 40 characters$/);
});

test('an unclosed quote is reported on the line it opens', () => {
  const r = parsePeople('Ana,Acme,AI\n"Ben,Beta,Design\nCleo,Gamma,Policy');
  assert.equal(r.errors[0]!.text, 'Line 2: a quoted field is not closed (missing ")');
});

test('CRLF, a byte order mark, blank lines and spaces are tolerated', () => {
  const r = parsePeople('\uFEFFname , company , interests\r\n\r\n  Ana  , Acme ,  AI ;  ai ; Climate \r\n   \r\nBen,Beta,\r\n');
  assert.equal(r.header, true);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.people, [
    { name: 'Ana', company: 'Acme', interests: ['AI', 'Climate'] },
    { name: 'Ben', company: 'Beta' },
  ]);
  assert.deepEqual(r.lines, [3, 5]);
});

test('a tab-separated paste from a spreadsheet works too', () => {
  const r = parsePeople('Name\tCompany\tInterests\nAna, PhD\tAcme\tAI;Climate\n');
  assert.deepEqual(r.people, [{ name: 'Ana, PhD', company: 'Acme', interests: ['AI', 'Climate'] }]);
});

test('without a header, extra cells are more interests', () => {
  const r = parsePeople('Ana,Acme,AI,Climate;Design');
  assert.deepEqual(r.people[0]!.interests, ['AI', 'Climate', 'Design']);
});

test('empty input gives no people and no errors', () => {
  assert.deepEqual(parsePeople(''), { people: [], lines: [], errors: [], header: false });
  assert.deepEqual(parsePeople('\n \n'), { people: [], lines: [], errors: [], header: false });
  assert.deepEqual(splitRows('').rows, []);
});

test('splitInterests trims, drops empties and case-insensitive repeats', () => {
  assert.deepEqual(splitInterests(' AI ;;ai; Climate;'), ['AI', 'Climate']);
  assert.deepEqual(splitInterests(''), []);
});

test('writing CSV: quoting, formulas neutralised, CRLF', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('Lopez, Ana'), '"Lopez, Ana"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('@cmd'), "'@cmd");
  assert.equal(csvCell(3), '3');
  assert.equal(
    toCsv([
      ['a', 'b'],
      ['c, d', 1],
    ]),
    'a,b\r\n"c, d",1\r\n',
  );
  // What we write, we read back.
  const back = parsePeople(
    toCsv([
      ['name', 'company', 'interests'],
      ['Lopez, Ana', 'Acme "Labs"', 'AI; Climate'],
    ]),
  );
  assert.deepEqual(back.people, [{ name: 'Lopez, Ana', company: 'Acme "Labs"', interests: ['AI', 'Climate'] }]);
});

test('file names from titles', () => {
  assert.equal(fileSlug('Climate Tech Night — Café'), 'climate-tech-night-cafe');
  assert.equal(fileSlug('***'), 'export');
});

test('rotation per person and per spot from a planner result', () => {
  const people = [{ name: 'A' }, { name: 'B', company: 'X' }, { name: 'C' }, { name: 'D' }];
  const result = {
    rounds: [
      [
        [0, 1],
        [2, 3],
      ],
      [
        [0, 2],
        [1, 3],
      ],
    ],
    spots: ['Table 1', 'Table 2'],
  };
  const persons = byPerson(people, result);
  assert.deepEqual(persons[1], { index: 1, name: 'B', company: 'X', seats: ['Table 1', 'Table 2'] });
  assert.deepEqual(persons[2]!.seats, ['Table 2', 'Table 1']);
  const spots = bySpot(people, result);
  assert.deepEqual(
    spots[0]!.rounds.map((r) => r.people.map((p) => p.name)),
    [
      ['A', 'B'],
      ['A', 'C'],
    ],
  );
  assert.deepEqual(personCsvRows(persons, 2)[0], ['name', 'company', 'Round 1', 'Round 2']);
  assert.deepEqual(spotCsvRows(spots)[1], ['Table 1', '1', 'A; B']);
});
