import type { MetPerson } from '@mingle/shared';
import { foldLine, nameParts, toConnectionsCsv, toVCard, vcardText } from './vcard';

const person = (over: Partial<MetPerson> = {}): MetPerson => ({
  id: 'p1',
  present: true,
  gone: null,
  sharing: [],
  name: 'Finn Berg',
  headline: '',
  company: '',
  interests: [],
  met: [{ round: 2, spot: 'Table 3', shared: [] }],
  asked: true,
  matched: true,
  matchedAt: '2026-11-30T10:00:00.000Z',
  card: { email: 'finn@mail.example' },
  note: '',
  optOut: null,
  ...over,
});

/** Content lines as an importer reads them: CRLF split, folded lines joined again. */
const unfold = (vcf: string) => vcf.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('vCard', () => {
  it('escapes backslash, comma and semicolon in text values', () => {
    expect(vcardText('a\\b, c; d')).toBe('a\\\\b\\, c\\; d');
  });

  it('escapes every line-break form as \\n', () => {
    expect(vcardText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  });

  it('puts family and given names in their own N components', () => {
    const lines = unfold(toVCard(person(), 'Night'));
    expect(lines).toContain('N:Berg;Finn;;;');
    expect(lines).toContain('FN:Finn Berg');
    expect(nameParts('Ana María López')).toEqual({ family: 'López', given: 'Ana María' });
    expect(unfold(toVCard(person({ name: 'Cher' }), 'Night'))).toContain('N:;Cher;;;');
    expect(unfold(toVCard(person({ name: 'Smith, Jr; Al' }), 'Night'))).toContain('N:Al;Smith\\, Jr\\;;;;');
  });

  it('ends every line with CRLF and never has a bare LF or CR', () => {
    const vcf = toVCard(person({ note: 'line one\nline two', company: 'A\rB' }), 'Night');
    expect(vcf.endsWith('END:VCARD\r\n')).toBe(true);
    expect(vcf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(unfold(vcf)).toContain('ORG:A\\nB');
  });

  it('folds lines at 75 octets with a leading space, and unfolds to the same text', () => {
    const long = 'x'.repeat(200);
    const vcf = toVCard(person({ note: long }), 'Night');
    for (const line of vcf.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const note = unfold(vcf).find((l) => l.startsWith('NOTE:'));
    expect(note).toBe(`NOTE:Met at Night (Round 2\\, Table 3)\\n${long}`);
    expect(vcf.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
  });

  it('never splits a multi-byte UTF-8 character when folding', () => {
    // 3-octet (é is 2, 東 is 3) and 4-octet (emoji) characters at every offset.
    for (const text of ['é'.repeat(120), '東'.repeat(90), '😀'.repeat(70), `a${'東😀é'.repeat(40)}`]) {
      const folded = foldLine(`NOTE:${text}`);
      const lines = folded.split('\r\n');
      for (const [i, line] of lines.entries()) {
        const bytes = Buffer.from(line, 'utf8');
        expect(bytes.length).toBeLessThanOrEqual(75);
        expect(bytes.toString('utf8')).toBe(line); // a split character would not survive the round trip
        expect(line).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
        if (i > 0) expect(line.startsWith(' ')).toBe(true);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${text}`);
    }
  });

  it('keeps an escape together when folding', () => {
    const folded = foldLine(`NOTE:${'a'.repeat(69)}\\,b`);
    expect(folded.split('\r\n')[0]).toBe(`NOTE:${'a'.repeat(69)}`);
    expect(folded.split('\r\n')[1]).toBe(' \\,b');
  });

  it('writes URLs unescaped, percent-encoding only what would split them', () => {
    const vcf = toVCard(person({ card: { website: 'https://ana.example/a,b;c' } }), 'Night');
    expect(unfold(vcf)).toContain('URL:https://ana.example/a%2Cb%3Bc');
  });
});

describe('connections CSV', () => {
  it('guards formulas, also after leading whitespace, and leaves a phone number readable', () => {
    const csv = toConnectionsCsv([
      person({
        name: ' =HYPERLINK("http://evil.example")',
        company: '@corp',
        headline: '-x',
        note: 'a, b\nc',
        card: { phone: '+1 555 0100', other: '\t=1' },
      }),
    ]);
    const row = csv.split('\r\n').slice(1).join('\r\n');
    expect(row.startsWith(`"' =HYPERLINK(""http://evil.example"")",'-x,'@corp,,+1 555 0100,,,'\t=1,`)).toBe(true);
    expect(row).toContain('"Round 2, Table 3"');
    expect(row).toContain('"a, b\nc"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
