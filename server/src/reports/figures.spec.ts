import type { Evening } from './evening';
import { figuresOf } from './figures';
import { meetingsCsv, seatingCsv } from './report-csv';

const MIN = 60_000;

/** An evening from seat lists: rounds of groups of person ids, each round 10 minutes, 2 apart. */
function eveningOf(rounds: string[][][], people: Evening['people'], extra: Partial<Evening> = {}): Evening {
  const e: Evening = { rounds: [], groups: [], seats: [], meetings: [], people, asks: [], matches: [], eventInterests: [], ...extra };
  rounds.forEach((groups, r) => {
    const roundId = `r${r + 1}`;
    e.rounds.push({ id: roundId, number: r + 1, startedAt: r * 12 * MIN, endedAt: r * 12 * MIN + 10 * MIN });
    groups.forEach((ids, g) => {
      const groupId = `${roundId}g${g}`;
      e.groups.push({ id: groupId, roundId, position: g, spot: `Table ${g + 1}` });
      ids.forEach((id) => e.seats.push({ groupId, roundId, attendeeId: id }));
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const [a, b] = [ids[i]!, ids[j]!].sort() as [string, string];
          e.meetings.push({ a, b, roundNumber: r + 1, groupId });
        }
    });
  });
  return e;
}

const person = (id: string, more: Partial<Evening['people'][number]> = {}): Evening['people'][number] => ({
  id,
  name: `Name ${id}`,
  company: '',
  interests: [],
  status: 'active',
  connectedAt: 1,
  ...more,
});

describe('the report figures', () => {
  it('holds together for 400 people over 10 rounds in groups of 4', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    // Round r: person i sits at table floor(((i * k) mod 400) / 4), k prime to 400: a different mix each round.
    const rounds = [1, 3, 7, 9, 11, 13, 17, 19, 21, 23].map((k) => {
      const tables: string[][] = Array.from({ length: 100 }, () => []);
      ids.forEach((id, i) => tables[Math.floor(((i * k) % 400) / 4)]!.push(id));
      return tables;
    });
    const people = ids.map((id, i) => person(id, { company: `Co ${i % 50}`, interests: [['AI', 'Rust', 'Hiking'][i % 3]!] }));
    const f = figuresOf(eveningOf(rounds, people), 0);
    expect(f.rounds).toHaveLength(10);
    for (const r of f.rounds) expect([r.present, r.groups, r.meetings]).toEqual([400, 100, 600]);
    expect(f.totals.meetings).toBe(6000);
    // Every meeting is either a pair's first or a repeat.
    expect(f.rounds.reduce((n, r) => n + r.repeatPairs, 0)).toBe(f.totals.meetings - f.totals.pairsMet);
    expect(f.rounds[0]!.repeatPairs).toBe(0);
    // Shared interests: one interest each, so a pair shares 1 exactly when they chose the same.
    const sameInterest = f.interests.reduce((n, i) => n + i.pairs, 0);
    expect(sameInterest).toBeGreaterThan(0);
    expect(f.interests.map((i) => i.interest).sort()).toEqual(['AI', 'Hiking', 'Rust']);
  });

  it('counts an ask in the round the pair last met before it, and one made before any start in their first round', () => {
    const e = eveningOf(
      [[['a', 'b']], [['a', 'c']], [['a', 'b']]],
      ['a', 'b', 'c'].map((id) => person(id)),
      {
        asks: [
          { a: 'a', b: 'b', at: 15 * MIN }, // during round 2: a and b last met in round 1
          { a: 'a', b: 'b', at: 30 * MIN }, // during round 3
          { a: 'a', b: 'c', at: -5 * MIN }, // a clock behind: their first round
        ],
      },
    );
    expect(figuresOf(e, 0).rounds.map((r) => r.swapsAsked)).toEqual([1, 1, 1]);
  });

  it('compares interests without case or spaces and spells them as the organizer did', () => {
    const e = eveningOf([[['a', 'b']]], [person('a', { interests: [' climate '] }), person('b', { interests: ['CLIMATE', 'AI'] })], {
      eventInterests: ['Climate', 'AI'],
      matches: [{ a: 'a', b: 'b' }],
    });
    const f = figuresOf(e, 0);
    expect(f.interests).toEqual([{ interest: 'Climate', pairs: 1, matches: 1, matchRate: 1 }]);
    expect(f.rounds[0]!.meanSharedInterests).toBe(1);
  });

  it('gives a running round the minutes so far', () => {
    const e = eveningOf([[['a', 'b']]], [person('a'), person('b')]);
    e.rounds[0]!.endedAt = null;
    expect(figuresOf(e, 4.5 * MIN).rounds[0]).toMatchObject({ minutes: 4.5, endedAt: null });
  });
});

describe('the name-only downloads', () => {
  it('name an erased person "(erased)" and list every round', () => {
    const e = eveningOf([[['a', 'b']], [['a', 'b']]], [person('a', { name: 'Ana' }), person('b', { name: '', status: 'erased' })]);
    expect(seatingCsv(e)).toBe('\uFEFFround,spot,name\r\n1,Table 1,(erased)\r\n1,Table 1,Ana\r\n2,Table 1,(erased)\r\n2,Table 1,Ana\r\n');
    expect(meetingsCsv(e)).toBe('\uFEFFround,spot,name,met\r\n1,Table 1,(erased),Ana\r\n2,Table 1,(erased),Ana\r\n');
  });
});
