import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrganizerAttendee } from '@mingle/shared';
import { csvCell, toCsv } from '../src/console/planner/csv';
import { attendeesCsv } from '../src/console/live/attendees-export';
import { speak } from './i18n';

speak('en');

test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const value of ['=1+1', '+SUM(A1:A2)', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0"]) {
    const cell = csvCell(value);
    assert.ok(cell.replace(/^"/, '').startsWith("'"), `${JSON.stringify(value)} → ${cell}`);
  }
});

test('whitespace before =, +, - or @ does not get past the guard', () => {
  assert.equal(csvCell(' =1+1'), "' =1+1");
  assert.equal(csvCell('   @SUM(A1)'), "'   @SUM(A1)");
  assert.equal(csvCell('\u00a0+A1'), "'\u00a0+A1");
  assert.equal(csvCell('\n=1'), `"'\n=1"`);
  assert.equal(csvCell('\t-1'), "'\t-1");
});

test('a plain phone number stays as it is', () => {
  assert.equal(csvCell('+1 555 0100'), '+1 555 0100');
  assert.equal(csvCell('+44 (20) 7946-0958'), '+44 (20) 7946-0958');
  assert.equal(csvCell('-1'), '-1');
  assert.equal(csvCell('+1 555 0100 x HYPERLINK'), "'+1 555 0100 x HYPERLINK");
  assert.equal(csvCell('+'), "'+");
});

test('quotes, delimiters and line breaks are quoted; ordinary text is left alone', () => {
  assert.equal(csvCell('Ana Lopez'), 'Ana Lopez');
  assert.equal(csvCell('a-b = c'), 'a-b = c');
  assert.equal(csvCell('Lopez, Ana'), '"Lopez, Ana"');
  assert.equal(csvCell('AI; Climate'), '"AI; Climate"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
  assert.equal(csvCell('one\r\ntwo'), '"one\r\ntwo"');
  assert.equal(csvCell(-3), '-3');
  assert.equal(
    toCsv([
      ['=a', 'b'],
      ['c', 1],
    ]),
    "'=a,b\r\nc,1\r\n",
  );
});

test('the attendees export guards every cell an attendee wrote', () => {
  const a: OrganizerAttendee = {
    id: 'a1',
    name: ' =HYPERLINK("http://evil.example","x")',
    company: '@corp',
    headline: '+cmd',
    interests: ['-AI', 'Rust'],
    status: 'active',
    online: true,
    neverConnected: false,
    offlineSince: null,
    joinedAt: '2026-11-30T10:00:00.000Z',
  };
  const row = attendeesCsv([a], 'UTC').split('\r\n')[1]!;
  assert.equal(row, `"' =HYPERLINK(""http://evil.example"",""x"")",'@corp,'+cmd,"'-AI; Rust",here,yes,,2026-11-30 10:00:00`);
});

test("the attendees export says who was connected at the end, with times in the event's zone", () => {
  const base = { company: '', headline: '', interests: [], status: 'active', joinedAt: '2026-11-30T17:05:09.000Z' } as const;
  const people: OrganizerAttendee[] = [
    { ...base, id: '1', name: 'Ana', online: true, neverConnected: false, offlineSince: null },
    { ...base, id: '2', name: 'Ben', online: false, neverConnected: false, offlineSince: '2026-11-30T19:40:00.000Z' },
    { ...base, id: '3', name: 'Cleo', online: false, neverConnected: true, offlineSince: null },
  ];
  const [head, ...rows] = attendeesCsv(people, 'Europe/Berlin').trimEnd().split('\r\n');
  assert.equal(head, 'name,company,headline,interests,status,connected,offline since (Europe/Berlin),joined (Europe/Berlin)');
  assert.deepEqual(rows, [
    'Ana,,,,here,yes,,2026-11-30 18:05:09',
    'Ben,,,,here,no,2026-11-30 20:40:00,2026-11-30 18:05:09',
    'Cleo,,,,here,never,,2026-11-30 18:05:09',
  ]);
});

test('a guest list line with a control character is reported before it is sent', async () => {
  const { parsePeople } = await import('../src/console/planner/csv');
  const r = parsePeople('name,company,interests\nAna\u0000,Acme,AI\nBen,Ac\u0007me,AI\nCleo,Acme,A\u001bI\nDan,Acme,AI\n');
  assert.deepEqual(r.people, [{ name: 'Dan', company: 'Acme', interests: ['AI'] }]);
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [2, 3, 4],
  );
  assert.match(r.errors[0]!.text, /^Line 2: remove the control character/);
});
