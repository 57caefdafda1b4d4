import { helpByRound } from './help-figures';

describe('helpByRound (the report reads it)', () => {
  it('lists the rounds that used gives and asks, oldest first, counts only', () => {
    const figures = { people: 8, groups: 2, repeatPairs: 0, meanSharedInterests: 1 };
    const rows = helpByRound([
      { number: 3, figures: { ...figures, help: { matches: 1, asksMet: 5, asks: 6 } } },
      { number: 1, figures: { ...figures, help: { matches: 3, asksMet: 3, asks: 6 } } },
      { number: 2, figures },
    ]);
    expect(rows).toEqual([
      { round: 1, matches: 3, asksMet: 3, asks: 6 },
      { round: 3, matches: 1, asksMet: 5, asks: 6 },
    ]);
  });
});
