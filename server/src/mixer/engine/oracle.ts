/**
 * Small rooms and an exhaustive oracle for the rules in their order (avoid pairs, repeat pairs,
 * colleague pairs with company names compared case- and space-insensitively, earlier meetings of
 * repeated pairs, interests): seeded random rooms of up to 12 people, and the best tuple over every
 * grouping. Written apart from the engine on purpose; used by rules.spec.ts and the mixer bench.
 */
import { groupSizes, sizesForK } from './sizes';
import { Rng } from './rng';
import type { Mode, Pair, Person } from './types';

export interface Room {
  people: Person[];
  groupSize: number;
  mode: Mode;
  separate: boolean;
  history: Pair[];
  avoid: Pair[];
}

export type Tuple = [avoid: number, repeat: number, colleague: number, extra: number, interest: number];

const COMPANY_SPELLINGS = [['SunGrid', 'sungrid', ' SUN GRID ', 'Sun  Grid'], ['Acme', 'ACME', ' acme'], ['Blue Fin', 'bluefin'], ['Solo']];

export function randomRoom(rng: Rng): Room {
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
export function oracle(room: Room) {
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

export function less(a: Tuple, b: Tuple): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** Every grouping of ids into groups of these sizes (in any order): group labels in first-seen order. */
export function groupings(ids: string[], sizes: number[], visit: (groups: string[][]) => void) {
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
