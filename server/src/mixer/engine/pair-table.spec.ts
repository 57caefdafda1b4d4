import { PairTable } from './pair-table';

describe('PairTable', () => {
  it('keeps every count and cost while it grows (a cost added right after a meeting lands in the live arrays)', () => {
    const t = new PairTable(0);
    const keys: number[] = [];
    for (let q = 0; q < 3000; q++) keys.push(q * 750 + (q % 7));
    for (const k of keys) {
      t.addMeeting(k, 1);
      t.addCost(k, 5);
    }
    expect(t.size).toBe(3000);
    expect(keys.filter((k) => t.count(k) !== 1 || t.cost(k) !== 5)).toEqual([]);
  });
});
