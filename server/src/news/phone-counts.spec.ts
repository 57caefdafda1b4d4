import { phoneCountsWindowMs } from './phone-counts';

describe('phone counts window', () => {
  it('is 2 s up to 1,000 phones online and grows with the room past that', () => {
    expect([0, 1, 1000].map(phoneCountsWindowMs)).toEqual([2000, 2000, 2000]);
    expect([1001, 2000, 5000, 10_000].map(phoneCountsWindowMs)).toEqual([4000, 4000, 10_000, 20_000]);
  });
});
