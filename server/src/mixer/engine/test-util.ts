/** Helpers shared by the engine specs and the benchmark (synthetic events). */
import { pairsOf } from './model';
import { Rng } from './rng';
import type { Pair, Person } from './types';

/** n people with 3-5 of `tags` interests and companies of 5-20 people. */
export function syntheticPeople(n: number, seed = 1, tags = 40): Person[] {
  const r = new Rng(seed);
  const people: Person[] = [];
  let company = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (left === 0) {
      company++;
      left = 5 + r.int(16);
    }
    left--;
    const k = 3 + r.int(3);
    const s = new Set<string>();
    while (s.size < Math.min(k, tags)) s.add('tag' + r.int(tags));
    people.push({ id: 'p' + i, interests: [...s], company: 'Company ' + company });
  }
  return people;
}

/** History of `rounds` random rounds in groups of `g` (one pair per meeting). */
export function randomHistory(people: Person[], rounds: number, g: number, seed = 1): Pair[] {
  const r = new Rng(seed);
  const out: Pair[] = [];
  for (let t = 0; t < rounds; t++) {
    const ids = r.shuffle(people.map((p) => p.id));
    for (let s = 0; s + g <= ids.length; s += g)
      for (let a = s; a < s + g; a++) for (let b = a + 1; b < s + g; b++) out.push([ids[a], ids[b]]);
  }
  return out;
}

/** History entries of planned rounds. */
export function historyOf(rounds: string[][][]): Pair[] {
  return rounds.flatMap(pairsOf);
}

/** Mean shared interests per pair in a random grouping of the same sizes. */
export function randomBaseline(people: Person[], g: number, seed = 1): number {
  const r = new Rng(seed);
  const byId = new Map(people.map((p) => [p.id, new Set(p.interests ?? [])]));
  const ids = r.shuffle(people.map((p) => p.id));
  let pairs = 0;
  let shared = 0;
  for (let s = 0; s + g <= ids.length; s += g)
    for (let a = s; a < s + g; a++)
      for (let b = a + 1; b < s + g; b++) {
        pairs++;
        for (const t of byId.get(ids[a])!) if (byId.get(ids[b])!.has(t)) shared++;
      }
  return pairs ? shared / pairs : 0;
}

/** Index drawn from a Zipf-like law over 0..size-1 (weight 1/(rank+1)^s). */
function zipf(r: Rng, cumulative: number[]): number {
  const x = r.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function zipfTable(size: number, s = 1): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let k = 0; k < size; k++) out.push((acc += 1 / (k + 1) ** s));
  return out;
}

/**
 * A room as real events have it: 3-5 of `tags` interests and companies both drawn Zipf-like (a few
 * popular tags; the largest of 400 companies holds about 15% of the room).
 */
export function skewedPeople(n: number, seed = 1, tags = 40): Person[] {
  const r = new Rng(seed);
  const tagLaw = zipfTable(tags);
  const companyLaw = zipfTable(400);
  return Array.from({ length: n }, (_, i) => {
    const k = 3 + r.int(3);
    const s = new Set<string>();
    while (s.size < Math.min(k, tags)) s.add('tag' + zipf(r, tagLaw));
    return { id: 'p' + i, interests: [...s], company: 'Company ' + zipf(r, companyLaw) };
  });
}

/** People in the largest company. */
export function largestCompany(people: Person[]): number {
  const counts = new Map<string, number>();
  for (const p of people) if (p.company) counts.set(p.company, (counts.get(p.company) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
