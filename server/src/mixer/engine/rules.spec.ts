/**
 * The rules hold in their order, exactly, for every room of up to 12 people: avoid pairs, then repeat
 * pairs, then colleague pairs (company names compared case- and space-insensitively), then the number
 * of earlier meetings of repeated pairs, then interests. An independent oracle enumerates every
 * grouping of seeded random rooms and the engine must reach its best tuple. No clocks: the small-room
 * search is exhaustive, the random rooms come from a seeded generator.
 */
import { planRound } from './round';
import { planSchedule } from './schedule';
import { groupSizes, sizesForK } from './sizes';
import { Rng } from './rng';
import { historyOf } from './test-util';
import type { Mode, Pair, Person } from './types';

interface Room {
  people: Person[];
  groupSize: number;
  mode: Mode;
  separate: boolean;
  history: Pair[];
  avoid: Pair[];
}

type Tuple = [avoid: number, repeat: number, colleague: number, extra: number, interest: number];

const COMPANY_SPELLINGS = [['SunGrid', 'sungrid', ' SUN GRID ', 'Sun  Grid'], ['Acme', 'ACME', ' acme'], ['Blue Fin', 'bluefin'], ['Solo']];

function randomRoom(rng: Rng): Room {
  const n = 2 + rng.int(11);
  const tags = ['ai', 'web', 'art', 'bio', 'ops', 'law'];
  const people: Person[] = Array.from({ length: n }, (_, i) => {
    const interests = tags.filter(() => rng.next() < 0.35);
    const pick = rng.int(COMPANY_SPELLINGS.length + 1);
    const company = pick < COMPANY_SPELLINGS.length ? COMPANY_SPELLINGS[pick][rng.int(COMPANY_SPELLINGS[pick].length)] : '';
    return { id: `p${i}`, interests, company };
  });
  const groupSize = 2 + rng.int(4);
  const history: Pair[] = [];
  const rounds = rng.int(4);
  for (let r = 0; r < rounds; r++) {
    const ids = rng.shuffle(people.map((p) => p.id));
    const g = 2 + rng.int(3);
    for (let s = 0; s + 1 < ids.length; s += g) {
      const grp = ids.slice(s, s + g);
      for (let a = 0; a < grp.length; a++) for (let b = a + 1; b < grp.length; b++) history.push([grp[a], grp[b]]);
    }
  }
  const avoid: Pair[] = [];
  const avoids = n >= 4 ? rng.int(3) : 0;
  for (let a = 0; a < avoids; a++) {
    const x = rng.int(n);
    const y = rng.int(n);
    if (x !== y) avoid.push([people[x].id, people[y].id]);
  }
  return { people, groupSize, mode: rng.next() < 0.75 ? 'similar' : 'diverse', separate: rng.next() < 0.85, history, avoid };
}

/** The oracle's own reading of the rules (written apart from the engine on purpose). */
function oracle(room: Room) {
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const met = new Map<string, number>();
  for (const [a, b] of room.history) met.set(key(a, b), (met.get(key(a, b)) ?? 0) + 1);
  const avoid = new Set(room.avoid.map(([a, b]) => key(a, b)));
  const byId = new Map(room.people.map((p) => [p.id, p]));
  const company = (p: Person) => (p.company ?? '').toLowerCase().replace(/\s/g, '');
  const tuple = (groups: string[][]): Tuple => {
    const t: Tuple = [0, 0, 0, 0, 0];
    for (const g of groups)
      for (let x = 0; x < g.length; x++)
        for (let y = x + 1; y < g.length; y++) {
          const a = byId.get(g[x])!;
          const b = byId.get(g[y])!;
          const k = key(a.id, b.id);
          const times = met.get(k) ?? 0;
          if (avoid.has(k)) t[0]++;
          if (times > 0) t[1]++;
          if (room.separate && company(a) !== '' && company(a) === company(b)) t[2]++;
          if (times > 1) t[3] += times - 1;
          const shared = (a.interests ?? []).filter((i) => (b.interests ?? []).includes(i)).length;
          t[4] += room.mode === 'similar' ? -shared : shared;
        }
    return t;
  };
  const every = (sizes: number[], visit: (groups: string[][]) => void) =>
    groupings(
      room.people.map((p) => p.id),
      sizes,
      visit,
    );
  const n = room.people.length;
  let best: Tuple | null = null;
  for (let k = groupSizes(n, room.groupSize).length; k <= Math.floor(n / 2); k++) {
    every(sizesForK(n, k), (groups) => {
      const t = tuple(groups);
      if (!best || less(t, best)) best = t;
    });
    if (best && best[0] === 0) break;
    if (room.avoid.length === 0) break;
  }
  return { best: best as Tuple | null, tuple };
}

function less(a: Tuple, b: Tuple): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

describe('the rules hold in their order for rooms of up to 12 people', () => {
  it('a round planned alone reaches the exhaustive optimum in rule order (300 seeded rooms)', () => {
    const rng = new Rng(20261130);
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const room = randomRoom(rng);
      const res = planRound({
        people: room.people,
        settings: { groupSize: room.groupSize, mode: room.mode, separateColleagues: room.separate, seed: run, timeLimitMs: 600_000 },
        history: room.history,
        avoid: room.avoid,
      });
      const { best, tuple } = oracle(room);
      if (room.people.length < 2) continue;
      if (!best || best[0] > 0) {
        expect(res.groups).toEqual([]);
        continue;
      }
      expect(res.groups.flat().sort()).toEqual(room.people.map((p) => p.id).sort());
      expect({ run, tiers: tuple(res.groups) }).toEqual({ run, tiers: best });
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('colleagues written "SunGrid", " sun grid" and "SUNGRID" are kept apart when the room allows it', () => {
    const spellings = ['SunGrid', ' sun grid', 'SUNGRID', 'Sun  Grid'];
    const people = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      interests: i < 4 ? ['ai', 'web'] : ['art'],
      company: i < 4 ? spellings[i] : `c${i}`,
    }));
    const res = planRound({ people, settings: { groupSize: 3, separateColleagues: true, mode: 'similar' } });
    expect(res.stats.colleaguePairs).toBe(0);
    expect(res.stats.colleagueNote).toBeUndefined();
  });

  it('a colleague pair is never traded for shared interests, nor a repeat for a colleague pair', () => {
    // p0 and p1 (same company) share everything; p2, p3 share nothing with anyone
    const people: Person[] = [
      { id: 'p0', company: 'Acme', interests: ['a', 'b', 'c'] },
      { id: 'p1', company: 'acme', interests: ['a', 'b', 'c'] },
      { id: 'p2', company: 'X' },
      { id: 'p3', company: 'Y' },
    ];
    const res = planRound({ people, settings: { groupSize: 2, separateColleagues: true } });
    expect(res.stats.colleaguePairs).toBe(0);
    // p0-p2 and p1-p3 met before: a colleague pair now beats two repeats
    const again = planRound({
      people,
      settings: { groupSize: 2, separateColleagues: true },
      history: [
        ['p0', 'p2'],
        ['p1', 'p3'],
        ['p0', 'p3'],
        ['p1', 'p2'],
      ],
    });
    expect(again.stats.repeatPairs).toBe(0);
    expect(again.stats.colleaguePairs).toBe(1);
  });

  it('when a company has more people than groups, the stats say why', () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, company: i < 5 ? 'SunGrid' : `c${i}` }));
    const res = planRound({ people, settings: { groupSize: 3, separateColleagues: true } });
    expect(res.stats.colleaguePairs).toBe(1);
    expect(res.stats.colleagueNote).toBe('1 colleague pair: SunGrid has 5 people for 4 groups');
    const off = planRound({ people, settings: { groupSize: 3, separateColleagues: false } });
    expect(off.stats.colleagueNote).toBeUndefined();
  });

  it('every round of a small schedule is optimal in rule order against the history and its other rounds', () => {
    const rng = new Rng(77);
    for (let run = 0; run < 40; run++) {
      const room = randomRoom(rng);
      if (room.people.length < 4) continue;
      const R = 2 + rng.int(3);
      const res = planSchedule({
        people: room.people,
        settings: {
          groupSize: room.groupSize,
          mode: room.mode,
          separateColleagues: room.separate,
          seed: run,
          searchSteps: 200_000,
          timeLimitMs: 600_000,
        },
        rounds: R,
        history: room.history,
        avoid: room.avoid,
      });
      if (!res.rounds.length) {
        expect(oracle(room).best?.[0] ?? 1).toBeGreaterThan(0);
        continue;
      }
      res.rounds.forEach((groups, r) => {
        const others = res.rounds.filter((_, q) => q !== r);
        const { tuple } = oracle({ ...room, history: [...room.history, ...historyOf(others)] });
        const sizes = groups.map((g) => g.length).sort((a, b) => b - a);
        let best: Tuple | null = null;
        groupings(
          room.people.map((p) => p.id),
          sizes,
          (g) => {
            const t = tuple(g);
            if (!best || less(t, best)) best = t;
          },
        );
        expect({ run, r, tiers: tuple(groups).slice(0, 3) }).toEqual({ run, r, tiers: best!.slice(0, 3) });
      });
    }
  });
});

/** Every grouping of ids into groups of these sizes (in any order): group labels in first-seen order. */
function groupings(ids: string[], sizes: number[], visit: (groups: string[][]) => void) {
  const cap = Math.max(...sizes);
  const want = sizes
    .slice()
    .sort((a, b) => a - b)
    .join(',');
  const groups: string[][] = [];
  const step = (i: number) => {
    if (i === ids.length) {
      if (
        groups
          .map((g) => g.length)
          .sort((a, b) => a - b)
          .join(',') === want
      )
        visit(groups);
      return;
    }
    for (const g of groups) {
      if (g.length >= cap) continue;
      g.push(ids[i]);
      step(i + 1);
      g.pop();
    }
    if (groups.length < sizes.length) {
      groups.push([ids[i]]);
      step(i + 1);
      groups.pop();
    }
  };
  step(0);
}
