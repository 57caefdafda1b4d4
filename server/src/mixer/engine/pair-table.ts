/** Open-addressing hash table from a non-negative int32 pair key to a count, a recency and a cost. */
export class PairTable {
  private keys: Int32Array;
  private counts: Uint16Array;
  private recs: Float32Array;
  private costs: Float64Array;
  private mask: number;
  size = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.keys = new Int32Array(cap).fill(-1);
    this.counts = new Uint16Array(cap);
    this.recs = new Float32Array(cap);
    this.costs = new Float64Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    const keys = this.keys;
    while (true) {
      const k = keys[h];
      if (k === key || k === -1) return h;
      h = (h + 1) & this.mask;
    }
  }

  private insertSlot(key: number): number {
    const found = this.slot(key);
    if (this.keys[found] === key) return found;
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const s = this.slot(key);
    if (this.keys[s] === -1) {
      this.keys[s] = key;
      this.size++;
    }
    return s;
  }

  private grow(): void {
    const { keys, counts, recs, costs } = this;
    const cap = keys.length * 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.counts = new Uint16Array(cap);
    this.recs = new Float32Array(cap);
    this.costs = new Float64Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      const s = this.slot(keys[i]);
      this.keys[s] = keys[i];
      this.counts[s] = counts[i];
      this.recs[s] = recs[i];
      this.costs[s] = costs[i];
    }
  }

  /** Adds one meeting with recency rec. */
  addMeeting(key: number, rec: number): void {
    const s = this.insertSlot(key);
    if (this.counts[s] < 65535) this.counts[s]++;
    this.recs[s] = rec;
  }

  addCost(key: number, cost: number): void {
    // the slot first: inserting may grow (replace) the arrays
    const s = this.insertSlot(key);
    this.costs[s] += cost;
  }

  count(key: number): number {
    const s = this.slot(key);
    return this.keys[s] === key ? this.counts[s] : 0;
  }

  rec(key: number): number {
    const s = this.slot(key);
    return this.keys[s] === key ? this.recs[s] : 0;
  }

  cost(key: number): number {
    const s = this.slot(key);
    return this.keys[s] === key ? this.costs[s] : 0;
  }

  /** Calls fn for every stored key. */
  forEach(fn: (key: number, count: number, rec: number, cost: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== -1) fn(this.keys[i], this.counts[i], this.recs[i], this.costs[i]);
  }
}
