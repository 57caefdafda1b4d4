/**
 * One-round solver: greedy construction, targeted repair of hard violations, then simulated
 * annealing with swap moves between groups. Group sizes are fixed by construction (swaps keep them).
 */
import { helpValue, type Model } from './model';
import type { PairTable } from './pair-table';
import { Rng } from './rng';

function popc(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Groups either side searched first when repairing a person's group. */
const NEAR = 24;
/** Up to this many people repair tries every swap partner. */
const FULL_SCAN = 600;

export interface RoundSolveOptions {
  sizes: number[];
  rng: Rng;
  /** Absolute time (Date.now()) after which the search stops. */
  deadline: number;
  /** Annealing moves per person (deterministic budget). */
  effort?: number;
}

export class RoundSolver {
  readonly k: number;
  readonly grp: Int32Array;
  readonly members: Int32Array;
  readonly gStart: Int32Array;
  readonly gSize: Int32Array;
  readonly slotOf: Int32Array;
  private readonly hasPen: boolean;
  private readonly similar: boolean;
  /** Cost per shared interest of a pair: negative in 'similar' mode, positive in 'diverse', 0 without interests. */
  private readonly perShared: number;
  private readonly colleague: number;
  private readonly n: number;
  private readonly words: number;
  private readonly bits: Uint32Array;
  private readonly company: Int32Array;
  private readonly pairs: PairTable;
  private readonly separate: boolean;
  private readonly sig: Uint32Array;
  /** Cost per unit of help value (gives meeting asks): negative in both modes, 0 when nobody's gives meet an ask. */
  private readonly perHelp: number;
  private readonly giver: Uint8Array;

  constructor(
    private readonly m: Model,
    private readonly sizes: number[],
    private readonly rng: Rng,
  ) {
    const n = m.n;
    this.n = n;
    this.words = m.words;
    this.bits = m.bits;
    this.company = m.company;
    this.pairs = m.pairs;
    this.separate = m.separate;
    this.sig = m.sig;
    this.k = sizes.length;
    this.grp = new Int32Array(n);
    this.members = new Int32Array(n);
    this.slotOf = new Int32Array(n);
    this.gStart = new Int32Array(this.k + 1);
    this.gSize = new Int32Array(this.k);
    sizes.forEach((s, g) => {
      this.gSize[g] = s;
      this.gStart[g + 1] = this.gStart[g] + s;
    });
    this.hasPen = m.pairs.size > 0;
    this.similar = m.useInterests && m.mode === 'similar';
    this.perShared = !m.useInterests ? 0 : this.similar ? -m.w.INTEREST : m.w.INTEREST;
    this.colleague = m.w.COLLEAGUE;
    this.perHelp = m.useHelp ? -m.w.INTEREST : 0;
    this.giver = m.giver;
  }

  /** Interest and help cost of a pair (the soft tier). */
  private soft(i: number, j: number): number {
    let c = 0;
    if (this.perShared !== 0) c += this.perShared * this.shared(i, j);
    if (this.perHelp !== 0 && (this.giver[i] | this.giver[j]) !== 0) c += this.perHelp * helpValue(this.m, i, j);
    return c;
  }

  /** Avoid + repeat + colleague cost of a pair (no interests). */
  base(i: number, j: number): number {
    let c = 0;
    if (this.hasPen) {
      const h = Math.imul(j, 0x9e3779b1) >>> 24; // sigBit(j)
      if ((this.sig[i * 8 + (h >>> 5)] & (1 << (h & 31))) !== 0) c += this.pairs.cost(i < j ? i * this.n + j : j * this.n + i);
    }
    if (this.separate) {
      const ci = this.company[i];
      if (ci >= 0 && ci === this.company[j]) c += this.colleague;
    }
    return c;
  }

  /** Number of shared interests. */
  shared(i: number, j: number): number {
    const w = this.words;
    const b = this.bits;
    if (w === 1) return popc(b[i] & b[j]);
    if (w === 2) return popc(b[2 * i] & b[2 * j]) + popc(b[2 * i + 1] & b[2 * j + 1]);
    let s = 0;
    for (let k = 0, a = i * w, c = j * w; k < w; k++) s += popc(b[a + k] & b[c + k]);
    return s;
  }

  solve(opts: RoundSolveOptions): number[][] {
    if (this.m.useInterests) this.profileInit(!this.similar);
    else this.greedy();
    this.repair(opts.deadline);
    // gives meeting asks are rarer than shared interests: the search looks a little longer for them
    this.anneal(opts.deadline, opts.effort ?? (this.m.useHelp ? 15 : 10));
    this.repair(opts.deadline);
    return this.groups();
  }

  /**
   * People ordered by interest profile (most popular tags first, so alike profiles sit side by side):
   * 'similar' cuts the order into consecutive groups, 'diverse' deals it out round-robin. Repair then
   * separates repeats and colleagues by swaps with nearby groups (alike profiles), keeping interests.
   */
  private profileInit(deal: boolean): void {
    const m = this.m;
    const n = m.n;
    const count = new Int32Array(m.numTags);
    for (let q = 0; q < m.pTags.length; q++) count[m.pTags[q]]++;
    const byPopularity = Array.from({ length: m.numTags }, (_, t) => t).sort((a, b) => count[b] - count[a] || a - b);
    const rank = new Int32Array(m.numTags);
    byPopularity.forEach((t, r) => (rank[t] = r));
    const keys: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      const k = new Int32Array(m.pTagStart[i + 1] - m.pTagStart[i]);
      for (let s = m.pTagStart[i], x = 0; s < m.pTagStart[i + 1]; s++, x++) k[x] = rank[m.pTags[s]];
      keys.push(k.sort());
    }
    // a seeded tie-break keeps runs of equal profiles from following input order (companies join together)
    const tie = new Float64Array(n);
    for (let i = 0; i < n; i++) tie[i] = this.rng.next();
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      const len = Math.min(x.length, y.length);
      for (let q = 0; q < len; q++) if (x[q] !== y[q]) return x[q] - y[q];
      return x.length - y.length || tie[a] - tie[b];
    });
    if (deal) {
      const fill = new Int32Array(this.k);
      order.forEach((p, q) => {
        const g = q % this.k;
        this.place(p, g, this.gStart[g] + fill[g]++);
      });
    } else {
      order.forEach((p, q) => {
        let g = 0;
        while (this.gStart[g + 1] <= q) g++;
        this.place(p, g, q);
      });
    }
  }

  groups(): number[][] {
    const out: number[][] = [];
    for (let g = 0; g < this.k; g++) out.push(Array.from(this.members.subarray(this.gStart[g], this.gStart[g + 1])));
    return out;
  }

  /** Load a given assignment (groups must match sizes). */
  load(groups: number[][]): void {
    groups.forEach((gr, g) => gr.forEach((p, s) => this.place(p, g, this.gStart[g] + s)));
  }

  private place(p: number, g: number, slot: number): void {
    this.members[slot] = p;
    this.slotOf[p] = slot;
    this.grp[p] = g;
  }

  private greedy(): void {
    const m = this.m;
    const n = m.n;
    const rng = this.rng;
    const pool = new Int32Array(n);
    const posInPool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = posInPool[i] = i;
    let poolLen = n;
    const tList = m.tPeople.slice();
    const tagLen = new Int32Array(m.numTags);
    for (let t = 0; t < m.numTags; t++) tagLen[t] = m.tStart[t + 1] - m.tStart[t];
    const posInTag = new Int32Array(m.pTags.length);
    for (let t = 0; t < m.numTags; t++) {
      for (let q = m.tStart[t]; q < m.tStart[t + 1]; q++) {
        const p = tList[q];
        for (let s = m.pTagStart[p]; s < m.pTagStart[p + 1]; s++) if (m.pTags[s] === t) posInTag[s] = q - m.tStart[t];
      }
    }
    const remove = (p: number) => {
      const pp = posInPool[p];
      const last = pool[--poolLen];
      pool[pp] = last;
      posInPool[last] = pp;
      for (let s = m.pTagStart[p]; s < m.pTagStart[p + 1]; s++) {
        const t = m.pTags[s];
        const pos = posInTag[s];
        const ln = --tagLen[t];
        const lastP = tList[m.tStart[t] + ln];
        tList[m.tStart[t] + pos] = lastP;
        for (let s2 = m.pTagStart[lastP]; s2 < m.pTagStart[lastP + 1]; s2++) if (m.pTags[s2] === t) posInTag[s2] = pos;
      }
    };
    const CAND = 16;
    const cur: number[] = [];
    for (let g = 0; g < this.k; g++) {
      cur.length = 0;
      const add = (p: number) => {
        this.place(p, g, this.gStart[g] + cur.length);
        cur.push(p);
        remove(p);
      };
      add(pool[rng.int(poolLen)]);
      while (cur.length < this.gSize[g]) {
        let best = -1;
        let bestScore = Infinity;
        const score = (c: number) => {
          let s = 0;
          for (const x of cur) {
            s += this.base(c, x) + this.soft(c, x);
          }
          if (s < bestScore) {
            bestScore = s;
            best = c;
          }
        };
        if (poolLen <= CAND) {
          for (let q = 0; q < poolLen; q++) score(pool[q]);
        } else {
          for (let c = 0; c < CAND; c++) {
            let cand = -1;
            const tagBased = this.similar && c < CAND - 4;
            if (tagBased) {
              const x = cur[rng.int(cur.length)];
              const nt = m.pTagStart[x + 1] - m.pTagStart[x];
              if (nt > 0) {
                const t = m.pTags[m.pTagStart[x] + rng.int(nt)];
                if (tagLen[t] > 0) cand = tList[m.tStart[t] + rng.int(tagLen[t])];
              }
            }
            if (cand < 0) cand = pool[rng.int(poolLen)];
            score(cand);
          }
        }
        add(best);
      }
    }
  }

  /** Cost change of swapping i and j (different groups). */
  delta(i: number, j: number): number {
    const A = this.grp[i];
    const B = this.grp[j];
    const per = this.perShared !== 0 || this.perHelp !== 0;
    let d = 0;
    for (let s = this.gStart[A], e = this.gStart[A + 1]; s < e; s++) {
      const x = this.members[s];
      if (x === i) continue;
      d += this.base(j, x) - this.base(i, x);
      if (per) d += this.soft(j, x) - this.soft(i, x);
    }
    for (let s = this.gStart[B], e = this.gStart[B + 1]; s < e; s++) {
      const y = this.members[s];
      if (y === j) continue;
      d += this.base(i, y) - this.base(j, y);
      if (per) d += this.soft(i, y) - this.soft(j, y);
    }
    return d;
  }

  /** Swaps i and j (different groups). */
  apply(i: number, j: number): void {
    const A = this.grp[i];
    const B = this.grp[j];
    const si = this.slotOf[i];
    const sj = this.slotOf[j];
    this.place(j, A, si);
    this.place(i, B, sj);
  }

  /** People sharing a group with someone at positive base cost (avoid, repeat, colleague). */
  private badPeople(): number[] {
    const out: number[] = [];
    for (let g = 0; g < this.k; g++) {
      const a = this.gStart[g];
      const b = this.gStart[g + 1];
      for (let x = a; x < b; x++) {
        const p = this.members[x];
        for (let y = a; y < b; y++) {
          if (y !== x && this.base(p, this.members[y]) > 0) {
            out.push(p);
            break;
          }
        }
      }
    }
    return out;
  }

  /** Best-improvement swaps for people in violating pairs; exhaustive for small n, sampled for large. */
  private repair(deadline: number): void {
    const n = this.m.n;
    if (this.k < 2) return;
    const SAMPLE = 600;
    for (let pass = 0; pass < 40; pass++) {
      // large rooms: few candidates first (most violations have many fixes nearby), more when some stay
      const sample = Math.min(SAMPLE, 64 << Math.min(pass, 4));
      const bad = this.badPeople();
      if (bad.length === 0) return;
      let improved = false;
      for (const i of bad) {
        if (Date.now() > deadline) return;
        let bestD = -1e-9;
        let bestJ = -1;
        const tryJ = (j: number) => {
          if (this.grp[j] === this.grp[i]) return;
          const d = this.delta(i, j);
          if (d < bestD) {
            bestD = d;
            bestJ = j;
          }
        };
        if (n <= FULL_SCAN) for (let j = 0; j < n; j++) tryJ(j);
        else {
          // half from nearby groups (alike profiles after profileInit), half anywhere
          const G = this.grp[i];
          for (let c = 0; c < sample; c++) {
            if (c & 1) tryJ(this.rng.int(n));
            else {
              const H = G + this.rng.int(2 * NEAR + 1) - NEAR;
              if (H >= 0 && H < this.k) tryJ(this.members[this.gStart[H] + this.rng.int(this.gSize[H])]);
            }
          }
        }
        if (bestJ >= 0) {
          this.apply(i, bestJ);
          improved = true;
        }
      }
      if (!improved && (n <= FULL_SCAN || sample >= SAMPLE)) return;
    }
  }

  private anneal(deadline: number, effort: number): void {
    const m = this.m;
    const n = m.n;
    if (this.k < 2 || (!m.useInterests && !m.useHelp)) return;
    const rng = this.rng;
    const iters = Math.max(2000, Math.round(effort * n));
    // temperatures in interest units: a higher rule is never traded (its weight dwarfs T)
    const T0 = 1.2 * m.w.INTEREST;
    const T1 = 0.03 * m.w.INTEREST;
    let T = T0;
    for (let it = 0; it < iters; it++) {
      if ((it & 1023) === 0) {
        if (Date.now() > deadline) return;
        T = T0 * Math.pow(T1 / T0, it / iters);
      }
      const i = rng.int(n);
      let j: number;
      const nt = m.pTagStart[i + 1] - m.pTagStart[i];
      const giver = m.useHelp && rng.next() < 0.3 ? this.giverFor(i) : -1;
      if (giver >= 0) {
        // seat i with someone who gives what i asks for
        const G = this.grp[giver];
        if (G === this.grp[i]) continue;
        // of two members, the one whose leave costs less
        j = this.members[this.gStart[G] + rng.int(this.gSize[G])];
        const other = this.members[this.gStart[G] + rng.int(this.gSize[G])];
        if (j === giver || (other !== giver && other !== j && this.delta(i, other) < this.delta(i, j))) j = other;
        if (j === giver) continue;
      } else if (this.similar && nt > 0 && rng.next() < 0.6) {
        const t = m.pTags[m.pTagStart[i] + rng.int(nt)];
        const p = m.tPeople[m.tStart[t] + rng.int(m.tStart[t + 1] - m.tStart[t])];
        const G = this.grp[p];
        if (G === this.grp[i]) continue;
        j = this.members[this.gStart[G] + rng.int(this.gSize[G])];
        if (j === p) continue;
      } else {
        j = rng.int(n);
        if (this.grp[j] === this.grp[i]) continue;
      }
      const d = this.delta(i, j);
      if (d <= 0 || rng.next() < Math.exp(-d / T)) this.apply(i, j);
    }
  }

  /** A random giver of one of i's asks not met yet, or -1. */
  private giverFor(i: number): number {
    const m = this.m;
    const w = m.hWords;
    let k = this.rng.int(w);
    for (let tries = 0; tries < w; tries++, k = (k + 1) % w) {
      const open = m.open[i * w + k];
      if (open === 0) continue;
      // a random set bit of the open asks
      let bits = open;
      let pick = this.rng.int(popc(open));
      while (pick-- > 0) bits &= bits - 1;
      const t = k * 32 + (31 - Math.clz32(bits & -bits));
      const count = m.giverStart[t + 1] - m.giverStart[t];
      if (count === 0) return -1;
      const g = m.givers[m.giverStart[t] + this.rng.int(count)];
      return g === i ? -1 : g;
    }
    return -1;
  }
}
