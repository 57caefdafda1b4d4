/**
 * Multi-round schedule search (social-golfer style constraint-based local search).
 * State: R rounds over the same group layout; move = swap two players of different groups in one round.
 * Phase "hard": avoid + repeat costs only, tabu search focused on conflicting players, perturbation when stuck.
 * Phase "full": adds colleague/interest pair costs and group terms; relabeling (swap two players in all
 * rounds) and swap hill-climbing that never trade a hard cost for a soft one (costs are tiered).
 */
import { W } from './model';
import { Rng } from './rng';

const AVOID = W.AVOID;
const REPEAT = W.REPEAT;
const REPEAT_COUNT = W.REPEAT_COUNT;
const RECENCY = W.RECENCY;
/** Tolerances for float noise when comparing cost changes (hard costs reach 1e12, recency steps stay ≥ ~1). */
const HARD_EPS = 1e-3;
const SOFT_EPS = 1e-9;

export interface GolferProblem {
  n: number;
  rounds: number;
  /** Group sizes (same layout every round). */
  sizes: number[];
  /** n*n history meeting counts and last recency in [0,1]. */
  hist: Uint16Array;
  rec: Float32Array;
  /** n*n 1 = never together. */
  avoid: Uint8Array;
  /** n*n soft cost per meeting (colleague + pairwise interest), used in the full phase. */
  lin: Float64Array;
  /** Soft cost of a group (members[start..end)), used in the full phase; null = none. */
  groupTerm: ((members: Int32Array, start: number, end: number) => number) | null;
  /** Help over the whole schedule, concave per (asker, topic), used in the full phase; absent = none. */
  spread?: SpreadTerm | null;
  /** Soft costs with gives and asks (schedule.ts withHelp): the pair costs and the spread; null = nobody's gives meet asks. */
  help?: { lin: Float64Array; spread: SpreadTerm } | null;
}

/**
 * Soft cost of asks met over the schedule: an ask (asker x topic, an entry) costs `askCost` (negative)
 * once the asker meets a giver of the topic in at least one round, whatever the number of rounds, so
 * a first meeting is worth its full value and a later one nothing here (its pair cost in `lin` stays);
 * `askEarly` on top when that first round is the first of the plan, less for later ones, none in the
 * last (the plan is used from the front: asks are met early, seconds come after).
 */
export interface SpreadTerm {
  /** Words per person of the topic bitsets. */
  words: number;
  /** n*words: topics each person gives (only topics with an entry). */
  gives: Uint32Array;
  /** Entries per person (CSR: askStart[x]..askStart[x+1]): topic and cost once met. */
  askStart: Int32Array;
  askTopic: Int32Array;
  askCost: Float64Array;
  askEarly: Float64Array;
}

export class Golfer {
  readonly n: number;
  readonly R: number;
  readonly k: number;
  readonly gStart: Int32Array;
  readonly groupOfSlot: Int32Array;
  /** slot[r*n + s] = player, pos[r*n + p] = slot. */
  readonly slot: Int32Array;
  readonly pos: Int32Array;
  readonly meet: Uint16Array;
  private full = false;
  /** Hard cost (avoid + repeat), soft cost, number of repeat meetings, avoid meetings. */
  hard = 0;
  soft = 0;
  repeats = 0;
  avoids = 0;
  private dHard = 0;
  private dSoft = 0;
  private dRep = 0;
  private dAv = 0;
  private readonly tmp: Int32Array;
  /** Spread state (full phase): givers of each topic per (round, group), rounds in which each entry met a giver. */
  private readonly spread: SpreadTerm | null;
  private readonly topics: number;
  private readonly gCount: Int32Array;
  private readonly askMet: Int32Array;
  /** Rounds (bits, the first 32) in which each entry met a giver, and the share of askEarly per round. */
  private readonly askRounds: Uint32Array;
  private readonly early: Float64Array;

  constructor(
    readonly p: GolferProblem,
    private readonly rng: Rng,
  ) {
    this.n = p.n;
    this.R = p.rounds;
    this.k = p.sizes.length;
    this.gStart = new Int32Array(this.k + 1);
    this.groupOfSlot = new Int32Array(this.n);
    p.sizes.forEach((s, g) => {
      this.gStart[g + 1] = this.gStart[g] + s;
      for (let x = this.gStart[g]; x < this.gStart[g + 1]; x++) this.groupOfSlot[x] = g;
    });
    this.slot = new Int32Array(this.R * this.n);
    this.pos = new Int32Array(this.R * this.n);
    this.meet = new Uint16Array(this.n * this.n);
    this.tmp = new Int32Array(Math.max(...p.sizes, 2));
    this.spread = p.spread ?? null;
    this.topics = this.spread ? this.spread.words * 32 : 0;
    this.gCount = new Int32Array(this.spread ? this.R * this.k * this.topics : 0);
    this.askMet = new Int32Array(this.spread ? this.spread.askTopic.length : 0);
    this.askRounds = new Uint32Array(this.askMet.length);
    this.early = Float64Array.from({ length: 33 }, (_, r) => (r < this.R - 1 ? (this.R - 1 - r) / (this.R - 1) : 0));
  }

  /** Loads rounds (each a list of groups matching the size layout). */
  load(rounds: number[][][]): void {
    const n = this.n;
    this.meet.fill(0);
    rounds.forEach((groups, r) => {
      // match groups to layout slots by size (sizes differ by at most one)
      const order = groups.map((g, i) => i).sort((a, b) => groups[b].length - groups[a].length);
      order.forEach((gi, g) => groups[gi].forEach((pl, x) => this.put(r, this.gStart[g] + x, pl)));
    });
    for (let r = 0; r < this.R; r++)
      for (let g = 0; g < this.k; g++)
        for (let x = this.gStart[g]; x < this.gStart[g + 1]; x++)
          for (let y = x + 1; y < this.gStart[g + 1]; y++) {
            const a = this.slot[r * n + x];
            const b = this.slot[r * n + y];
            this.meet[a * n + b]++;
            this.meet[b * n + a]++;
          }
    this.recompute();
  }

  rounds(): number[][][] {
    const out: number[][][] = [];
    for (let r = 0; r < this.R; r++) {
      const groups: number[][] = [];
      for (let g = 0; g < this.k; g++)
        groups.push(Array.from(this.slot.subarray(r * this.n + this.gStart[g], r * this.n + this.gStart[g + 1])));
      out.push(groups);
    }
    return out;
  }

  private put(r: number, s: number, pl: number): void {
    this.slot[r * this.n + s] = pl;
    this.pos[r * this.n + pl] = s;
  }

  setFull(full: boolean): void {
    this.full = full;
    this.recompute();
  }

  /** Recomputes all totals from scratch. */
  recompute(): void {
    const n = this.n;
    const p = this.p;
    let hard = 0;
    let soft = 0;
    let repeats = 0;
    let avoids = 0;
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        const k = a * n + b;
        const m = this.meet[k];
        for (let t = 0; t < m; t++) hard += this.incHard(k, t);
        if (m) {
          repeats += p.hist[k] > 0 ? m : m - 1;
          if (p.avoid[k]) avoids += m;
          soft += m * p.lin[k];
        }
      }
    if (p.groupTerm)
      for (let r = 0; r < this.R; r++)
        for (let g = 0; g < this.k; g++) soft += p.groupTerm(this.slot, r * n + this.gStart[g], r * n + this.gStart[g + 1]);
    if (this.full && this.spread) soft += this.recountSpread();
    this.hard = hard;
    this.soft = this.full ? soft : 0;
    this.repeats = repeats;
    this.avoids = avoids;
  }

  /** Rebuilds the spread state from the slots; returns its cost. */
  private recountSpread(): number {
    const sp = this.spread!;
    const n = this.n;
    const T = this.topics;
    this.gCount.fill(0);
    this.askMet.fill(0);
    this.askRounds.fill(0);
    for (let r = 0; r < this.R; r++)
      for (let g = 0; g < this.k; g++) {
        const at = (r * this.k + g) * T;
        for (let s = this.gStart[g]; s < this.gStart[g + 1]; s++) {
          const x = this.slot[r * n + s];
          for (let w = 0; w < sp.words; w++)
            for (let bits = sp.gives[x * sp.words + w]; bits !== 0; bits &= bits - 1)
              this.gCount[at + w * 32 + (31 - Math.clz32(bits & -bits))]++;
        }
        for (let s = this.gStart[g]; s < this.gStart[g + 1]; s++) {
          const x = this.slot[r * n + s];
          for (let e = sp.askStart[x]; e < sp.askStart[x + 1]; e++) {
            const t = sp.askTopic[e];
            if (this.gCount[at + t] - this.givesBit(x, t) > 0) {
              this.askMet[e]++;
              if (r < 32) this.askRounds[e] |= 1 << r;
            }
          }
        }
      }
    let cost = 0;
    for (let e = 0; e < this.askMet.length; e++) cost += this.askValue(e, this.askMet[e], this.askRounds[e]);
    return cost;
  }

  /** Cost of entry e met in `count` rounds, `mask` the first 32 of them. */
  private askValue(e: number, count: number, mask: number): number {
    if (count === 0) return 0;
    const sp = this.spread!;
    const first = mask === 0 ? 32 : 31 - Math.clz32(mask & -mask);
    return sp.askCost[e] + sp.askEarly[e] * this.early[first];
  }

  private givesBit(x: number, t: number): number {
    const sp = this.spread!;
    return (sp.gives[x * sp.words + (t >>> 5)] >>> (t & 31)) & 1;
  }

  /**
   * Spread cost change of swapping a (group A) and b (group B) in round r; with `commit` also updates
   * the entries' meeting counts (the group counts are updated by apply). Only askers in A and B change.
   */
  private spreadDelta(r: number, a: number, b: number, A: number, B: number, commit: boolean): number {
    const sp = this.spread!;
    const n = this.n;
    const T = this.topics;
    const atA = (r * this.k + A) * T;
    const atB = (r * this.k + B) * T;
    let same = true;
    for (let w = 0; w < sp.words && same; w++) if (sp.gives[a * sp.words + w] !== sp.gives[b * sp.words + w]) same = false;
    // people who stay keep their givers when a and b give the same topics: then only a and b can change
    if (same && sp.askStart[a] === sp.askStart[a + 1] && sp.askStart[b] === sp.askStart[b + 1]) return 0;
    let d = 0;
    for (let pass = 0; pass < 2; pass++) {
      const G = pass === 0 ? A : B;
      for (let s = same ? 0 : this.gStart[G], end = same ? 1 : this.gStart[G + 1]; s < end; s++) {
        const x = same ? (pass === 0 ? a : b) : this.slot[r * n + s];
        const e0 = sp.askStart[x];
        const e1 = sp.askStart[x + 1];
        if (e0 === e1) continue;
        for (let e = e0; e < e1; e++) {
          const t = sp.askTopic[e];
          const gx = this.givesBit(x, t);
          const ga = this.givesBit(a, t);
          const gb = this.givesBit(b, t);
          const before = (G === A ? this.gCount[atA + t] : this.gCount[atB + t]) - gx > 0;
          // x's group after the swap: a moves to B, b to A, the others stay
          const toA = x === b || (x !== a && G === A);
          const after = (toA ? this.gCount[atA + t] - ga + gb : this.gCount[atB + t] - gb + ga) - gx > 0;
          if (before === after) continue;
          const k = this.askMet[e];
          const k2 = after ? k + 1 : k - 1;
          const mask = this.askRounds[e];
          const mask2 = r < 32 ? mask ^ (1 << r) : mask;
          d += this.askValue(e, k2, mask2) - this.askValue(e, k, mask);
          if (commit) {
            this.askMet[e] = k2;
            this.askRounds[e] = mask2;
          }
        }
      }
    }
    return d;
  }

  /** Moves a's gives from group A to B and b's from B to A in the group counts of round r. */
  private moveGives(r: number, a: number, b: number, A: number, B: number): void {
    const sp = this.spread!;
    const T = this.topics;
    const atA = (r * this.k + A) * T;
    const atB = (r * this.k + B) * T;
    for (let w = 0; w < sp.words; w++) {
      for (let bits = sp.gives[a * sp.words + w]; bits !== 0; bits &= bits - 1) {
        const t = w * 32 + (31 - Math.clz32(bits & -bits));
        this.gCount[atA + t]--;
        this.gCount[atB + t]++;
      }
      for (let bits = sp.gives[b * sp.words + w]; bits !== 0; bits &= bits - 1) {
        const t = w * 32 + (31 - Math.clz32(bits & -bits));
        this.gCount[atB + t]--;
        this.gCount[atA + t]++;
      }
    }
  }

  /** Hard cost of the (m+1)-th planned meeting of pair key k. */
  private incHard(k: number, m: number): number {
    const p = this.p;
    let c = p.avoid[k] ? AVOID : 0;
    const prior = p.hist[k] + m;
    if (prior > 0) c += REPEAT + REPEAT_COUNT * (prior - 1) + RECENCY * (m > 0 ? 1 : p.rec[k]);
    return c;
  }

  /** Cost change of swapping players a and b (different groups) in round r; sets pending deltas. */
  delta(r: number, a: number, b: number): number {
    const n = this.n;
    const p = this.p;
    const base = r * n;
    const sa = this.pos[base + a];
    const sb = this.pos[base + b];
    const A = this.groupOfSlot[sa];
    const B = this.groupOfSlot[sb];
    let dh = 0;
    let ds = 0;
    let dr = 0;
    let dv = 0;
    for (let pass = 0; pass < 2; pass++) {
      const G = pass === 0 ? A : B;
      const out = pass === 0 ? a : b;
      const inn = pass === 0 ? b : a;
      for (let s = this.gStart[G], e = this.gStart[G + 1]; s < e; s++) {
        const x = this.slot[base + s];
        if (x === out) continue;
        const ko = out * n + x;
        const ki = inn * n + x;
        const mo = this.meet[ko] - 1;
        const mi = this.meet[ki];
        dh += this.incHard(ki, mi) - this.incHard(ko, mo);
        if (p.hist[ko] > 0 || mo > 0) dr--;
        if (p.hist[ki] > 0 || mi > 0) dr++;
        if (p.avoid[ko]) dv--;
        if (p.avoid[ki]) dv++;
        if (this.full) ds += p.lin[ki] - p.lin[ko];
      }
    }
    if (this.full && p.groupTerm) {
      const t = this.tmp;
      for (let pass = 0; pass < 2; pass++) {
        const G = pass === 0 ? A : B;
        const out = pass === 0 ? a : b;
        const inn = pass === 0 ? b : a;
        const s0 = base + this.gStart[G];
        const len = this.gStart[G + 1] - this.gStart[G];
        ds -= p.groupTerm(this.slot, s0, s0 + len);
        for (let x = 0; x < len; x++) {
          const v = this.slot[s0 + x];
          t[x] = v === out ? inn : v;
        }
        ds += p.groupTerm(t, 0, len);
      }
    }
    if (this.full && this.spread) ds += this.spreadDelta(r, a, b, A, B, false);
    this.dHard = dh;
    this.dSoft = ds;
    this.dRep = dr;
    this.dAv = dv;
    return dh + ds;
  }

  /** Applies the swap last evaluated with delta(). */
  apply(r: number, a: number, b: number): void {
    const n = this.n;
    const base = r * n;
    const sa = this.pos[base + a];
    const sb = this.pos[base + b];
    if (this.full && this.spread) {
      const A = this.groupOfSlot[sa];
      const B = this.groupOfSlot[sb];
      this.spreadDelta(r, a, b, A, B, true);
      this.moveGives(r, a, b, A, B);
    }
    for (let pass = 0; pass < 2; pass++) {
      const G = this.groupOfSlot[pass === 0 ? sa : sb];
      const out = pass === 0 ? a : b;
      const inn = pass === 0 ? b : a;
      for (let s = this.gStart[G], e = this.gStart[G + 1]; s < e; s++) {
        const x = this.slot[base + s];
        if (x === out) continue;
        this.meet[out * n + x]--;
        this.meet[x * n + out]--;
        this.meet[inn * n + x]++;
        this.meet[x * n + inn]++;
      }
    }
    this.put(r, sa, b);
    this.put(r, sb, a);
    this.hard += this.dHard;
    this.soft += this.dSoft;
    this.repeats += this.dRep;
    this.avoids += this.dAv;
  }

  private sameGroup(r: number, a: number, b: number): boolean {
    const base = r * this.n;
    return this.groupOfSlot[this.pos[base + a]] === this.groupOfSlot[this.pos[base + b]];
  }

  /** Players of round r in a conflicting pair (avoid, or met before). */
  private conflicted(r: number, out: number[]): void {
    out.length = 0;
    const n = this.n;
    const p = this.p;
    const base = r * n;
    for (let g = 0; g < this.k; g++) {
      const s0 = this.gStart[g];
      const s1 = this.gStart[g + 1];
      for (let x = s0; x < s1; x++) {
        const a = this.slot[base + x];
        for (let y = s0; y < s1; y++) {
          if (y === x) continue;
          const k = a * n + this.slot[base + y];
          if (p.avoid[k] || p.hist[k] + this.meet[k] > 1) {
            out.push(a);
            break;
          }
        }
      }
    }
  }

  /** Swap evaluations made by searchHard so far: the step budget counts these (about equal time each). */
  steps = 0;

  /**
   * Tabu search on the hard cost until repeats ≤ minRepeats with no avoid meeting, or `budget` swap
   * evaluations (which decides the result for a seed); the deadline is only a safety cap.
   * Returns true if the target was reached. Ends in the best state found.
   */
  searchHard(deadline: number, minRepeats: number, budget: number): boolean {
    const n = this.n;
    const R = this.R;
    const rng = this.rng;
    const done = () => this.avoids === 0 && this.repeats <= minRepeats;
    if (done() || this.k < 2) return done();
    const tabu = new Int32Array(R * n);
    let best = this.hard;
    let bestSlots = this.slot.slice();
    let stall = 0;
    const conf: number[] = [];
    const maxStall = 200 + 10 * n;
    const stop = this.steps + budget;
    for (let it = 1; this.steps < stop; it++) {
      if ((it & 63) === 0 && Date.now() > deadline) break;
      // best non-tabu swap of a conflicting player, over all rounds (ties broken at random)
      let bestD = Infinity;
      let ba = -1;
      let bb = -1;
      let br = -1;
      let ties = 0;
      let any = false;
      for (let r = 0; r < R; r++) {
        this.conflicted(r, conf);
        if (!conf.length) continue;
        any = true;
        const base = r * n;
        this.steps += conf.length * n;
        for (const a of conf) {
          for (let b = 0; b < n; b++) {
            if (this.sameGroup(r, a, b)) continue;
            const d = this.delta(r, a, b);
            if (d > bestD) continue;
            const isTabu = tabu[base + a] > it || tabu[base + b] > it;
            if (isTabu && this.hard + d >= best) continue;
            if (d < bestD) {
              bestD = d;
              ba = a;
              bb = b;
              br = r;
              ties = 1;
            } else if (rng.int(++ties) === 0) {
              ba = a;
              bb = b;
              br = r;
            }
          }
        }
      }
      if (!any) break;
      if (ba < 0) continue;
      this.delta(br, ba, bb);
      this.apply(br, ba, bb);
      const tenure = 4 + rng.int(8);
      tabu[br * n + ba] = it + tenure;
      tabu[br * n + bb] = it + tenure;
      if (this.hard < best) {
        best = this.hard;
        bestSlots = this.slot.slice();
        stall = 0;
        if (done()) return true;
      } else if (++stall > maxStall) {
        stall = 0;
        if (rng.next() < 0.5) this.restore(bestSlots);
        const kicks = 1 + rng.int(Math.max(2, Math.round(R / 3)));
        for (let q = 0; q < kicks; q++) {
          const rr = rng.int(R);
          const a = rng.int(n);
          const b = rng.int(n);
          if (this.sameGroup(rr, a, b)) continue;
          this.delta(rr, a, b);
          this.apply(rr, a, b);
        }
        tabu.fill(0);
      }
    }
    if (this.hard > best) this.restore(bestSlots);
    return done();
  }

  private restore(slots: Int32Array): void {
    const rounds: number[][][] = [];
    for (let r = 0; r < this.R; r++) {
      const groups: number[][] = [];
      for (let g = 0; g < this.k; g++)
        groups.push(Array.from(slots.subarray(r * this.n + this.gStart[g], r * this.n + this.gStart[g + 1])));
      rounds.push(groups);
    }
    this.load(rounds);
  }

  /**
   * True if the change last evaluated with delta() (or the given totals) improves the cost in tier order:
   * a lower hard cost (avoid, repeats) always wins, the soft cost only decides between equal hard costs.
   */
  private improves(dh = this.dHard, ds = this.dSoft): boolean {
    if (dh < -HARD_EPS) return true;
    return dh <= HARD_EPS && ds < -SOFT_EPS;
  }

  /** Swaps players a and b in every round (relabeling); keeps it if it improves the tiered cost, else reverts. */
  relabel(a: number, b: number): boolean {
    let dh = 0;
    let ds = 0;
    const done: number[] = [];
    for (let r = 0; r < this.R; r++) {
      if (this.sameGroup(r, a, b)) continue;
      this.delta(r, a, b);
      dh += this.dHard;
      ds += this.dSoft;
      this.apply(r, a, b);
      done.push(r);
    }
    if (this.improves(dh, ds)) return true;
    for (let i = done.length - 1; i >= 0; i--) {
      this.delta(done[i], a, b);
      this.apply(done[i], a, b);
    }
    return false;
  }

  /**
   * Hill climbing on the tiered cost (hard first, then soft in the full phase): relabelings, then
   * single-round swaps (with `focus`: only those moving someone in it, relabelings in the first two passes), until no gain or deadline. Never trades a hard cost (avoid, repeats, history)
   * for a soft one (colleagues, interests).
   */
  polish(deadline: number, focus?: Uint8Array): void {
    const n = this.n;
    for (let pass = 0; pass < 20; pass++) {
      let improved = false;
      for (let a = 0; a < n; a++) {
        if (Date.now() > deadline) return;
        for (let b = a + 1; b < n; b++) {
          if (focus && ((!focus[a] && !focus[b]) || pass > 1)) continue;
          if (this.relabel(a, b)) improved = true;
        }
      }
      for (let r = 0; r < this.R; r++) {
        if (Date.now() > deadline) return;
        for (let a = 0; a < n; a++)
          for (let b = a + 1; b < n; b++) {
            if (focus && !focus[a] && !focus[b]) continue;
            if (this.sameGroup(r, a, b)) continue;
            this.delta(r, a, b);
            if (this.improves()) {
              this.apply(r, a, b);
              improved = true;
            }
          }
      }
      if (!improved) return;
    }
  }
}
