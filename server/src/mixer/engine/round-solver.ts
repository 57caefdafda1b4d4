/**
 * One-round solver: greedy construction, targeted repair of hard violations, then simulated
 * annealing with swap moves between groups. Group sizes are fixed by construction (swaps keep them).
 */
import { Model, W } from './model';
import type { PairTable } from './pair-table';
import { Rng } from './rng';

// Local copies: module getters (as emitted by some transpilers) are slow in hot loops.
const COLLEAGUE = W.COLLEAGUE;
const INTEREST = W.INTEREST;
const NO_SHARED = W.NO_SHARED;

function popc(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

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
  private readonly gShared: Int32Array;
  private readonly tagCnt: Uint16Array | null;
  private readonly hasPen: boolean;
  private readonly similar: boolean;
  private readonly diverse: boolean;
  private dsa = 0;
  private dsb = 0;
  private readonly n: number;
  private readonly words: number;
  private readonly bits: Uint32Array;
  private readonly company: Int32Array;
  private readonly pairs: PairTable;
  private readonly separate: boolean;
  private readonly sig: Uint32Array;

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
    this.gShared = new Int32Array(this.k);
    this.hasPen = m.pairs.size > 0;
    this.similar = m.useInterests && m.mode === 'similar';
    this.diverse = m.useInterests && m.mode === 'diverse';
    this.tagCnt = this.diverse ? new Uint16Array(this.k * m.numTags) : null;
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
      if (ci >= 0 && ci === this.company[j]) c += COLLEAGUE;
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

  private hasTag(p: number, t: number): boolean {
    return (this.m.bits[p * this.m.words + (t >>> 5)] & (1 << (t & 31))) !== 0;
  }

  solve(opts: RoundSolveOptions): number[][] {
    this.greedy();
    this.initGroupStats();
    this.repair(opts.deadline);
    this.anneal(opts.deadline, opts.effort ?? 10);
    this.repair(opts.deadline);
    return this.groups();
  }

  groups(): number[][] {
    const out: number[][] = [];
    for (let g = 0; g < this.k; g++) out.push(Array.from(this.members.subarray(this.gStart[g], this.gStart[g + 1])));
    return out;
  }

  /** Load a given assignment (groups must match sizes). */
  load(groups: number[][]): void {
    groups.forEach((gr, g) => gr.forEach((p, s) => this.place(p, g, this.gStart[g] + s)));
    this.initGroupStats();
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
    const words = m.words;
    const union = new Uint32Array(words);
    const CAND = 16;
    const cur: number[] = [];
    for (let g = 0; g < this.k; g++) {
      cur.length = 0;
      union.fill(0);
      const add = (p: number) => {
        this.place(p, g, this.gStart[g] + cur.length);
        cur.push(p);
        for (let w = 0; w < words; w++) union[w] |= m.bits[p * words + w];
        remove(p);
      };
      add(pool[rng.int(poolLen)]);
      while (cur.length < this.gSize[g]) {
        let best = -1;
        let bestScore = Infinity;
        const score = (c: number) => {
          let s = 0;
          for (const x of cur) {
            s += this.base(c, x);
            if (this.similar) s -= INTEREST * this.shared(c, x);
          }
          if (this.diverse) {
            let fresh = 0;
            for (let w = 0; w < words; w++) fresh += popc(m.bits[c * words + w] & ~union[w]);
            s -= INTEREST * fresh;
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
            const tagBased = m.useInterests && (this.similar ? c < CAND - 4 : c % 2 === 0);
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

  private initGroupStats(): void {
    const m = this.m;
    if (!m.useInterests) return;
    this.gShared.fill(0);
    if (this.tagCnt) this.tagCnt.fill(0);
    for (let g = 0; g < this.k; g++) {
      const a = this.gStart[g];
      const b = this.gStart[g + 1];
      let sh = 0;
      for (let x = a; x < b; x++) {
        const p = this.members[x];
        for (let y = x + 1; y < b; y++) if (this.shared(p, this.members[y]) > 0) sh++;
        if (this.tagCnt) for (let s = m.pTagStart[p]; s < m.pTagStart[p + 1]; s++) this.tagCnt[g * m.numTags + m.pTags[s]]++;
      }
      this.gShared[g] = sh;
    }
  }

  private unionDelta(g: number, out: number, inn: number): number {
    const m = this.m;
    const cnt = this.tagCnt!;
    const off = g * m.numTags;
    let du = 0;
    for (let s = m.pTagStart[out]; s < m.pTagStart[out + 1]; s++) {
      const t = m.pTags[s];
      if (cnt[off + t] === 1 && !this.hasTag(inn, t)) du--;
    }
    for (let s = m.pTagStart[inn]; s < m.pTagStart[inn + 1]; s++) {
      const t = m.pTags[s];
      if (cnt[off + t] === 0 && !this.hasTag(out, t)) du++;
    }
    return du;
  }

  /** Cost change of swapping i and j (different groups). Must be followed by apply() to commit. */
  delta(i: number, j: number): number {
    const m = this.m;
    const A = this.grp[i];
    const B = this.grp[j];
    const useI = m.useInterests;
    let d = 0;
    let dsa = 0;
    let dsb = 0;
    for (let s = this.gStart[A], e = this.gStart[A + 1]; s < e; s++) {
      const x = this.members[s];
      if (x === i) continue;
      d += this.base(j, x) - this.base(i, x);
      if (useI) {
        const shj = this.shared(j, x);
        const shi = this.shared(i, x);
        if (this.similar) d -= INTEREST * (shj - shi);
        dsa += (shj > 0 ? 1 : 0) - (shi > 0 ? 1 : 0);
      }
    }
    for (let s = this.gStart[B], e = this.gStart[B + 1]; s < e; s++) {
      const y = this.members[s];
      if (y === j) continue;
      d += this.base(i, y) - this.base(j, y);
      if (useI) {
        const shi = this.shared(i, y);
        const shj = this.shared(j, y);
        if (this.similar) d -= INTEREST * (shi - shj);
        dsb += (shi > 0 ? 1 : 0) - (shj > 0 ? 1 : 0);
      }
    }
    if (useI) {
      const sa = this.gShared[A];
      const sb = this.gShared[B];
      d += NO_SHARED * ((sa + dsa === 0 ? 1 : 0) - (sa === 0 ? 1 : 0) + (sb + dsb === 0 ? 1 : 0) - (sb === 0 ? 1 : 0));
      if (this.diverse) d -= INTEREST * (this.unionDelta(A, i, j) + this.unionDelta(B, j, i));
    }
    this.dsa = dsa;
    this.dsb = dsb;
    return d;
  }

  apply(i: number, j: number): void {
    const m = this.m;
    const A = this.grp[i];
    const B = this.grp[j];
    const si = this.slotOf[i];
    const sj = this.slotOf[j];
    this.place(j, A, si);
    this.place(i, B, sj);
    this.gShared[A] += this.dsa;
    this.gShared[B] += this.dsb;
    const cnt = this.tagCnt;
    if (cnt) {
      const T = m.numTags;
      for (let s = m.pTagStart[i]; s < m.pTagStart[i + 1]; s++) {
        cnt[A * T + m.pTags[s]]--;
        cnt[B * T + m.pTags[s]]++;
      }
      for (let s = m.pTagStart[j]; s < m.pTagStart[j + 1]; s++) {
        cnt[B * T + m.pTags[s]]--;
        cnt[A * T + m.pTags[s]]++;
      }
    }
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
    for (let pass = 0; pass < 4; pass++) {
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
        if (n <= SAMPLE) for (let j = 0; j < n; j++) tryJ(j);
        else for (let c = 0; c < SAMPLE; c++) tryJ(this.rng.int(n));
        if (bestJ >= 0) {
          this.delta(i, bestJ);
          this.apply(i, bestJ);
          improved = true;
        }
      }
      if (!improved) return;
    }
  }

  private anneal(deadline: number, effort: number): void {
    const m = this.m;
    const n = m.n;
    if (this.k < 2 || !m.useInterests) return;
    const rng = this.rng;
    const iters = Math.max(2000, Math.round(effort * n));
    const T0 = 12;
    const T1 = 0.3;
    let T = T0;
    for (let it = 0; it < iters; it++) {
      if ((it & 1023) === 0) {
        if (Date.now() > deadline) return;
        T = T0 * Math.pow(T1 / T0, it / iters);
      }
      const i = rng.int(n);
      let j: number;
      const nt = m.pTagStart[i + 1] - m.pTagStart[i];
      if (this.similar && nt > 0 && rng.next() < 0.6) {
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
}
