/**
 * The rules hold in their order, exactly, for every room of up to 12 people: avoid pairs, then repeat
 * pairs, then colleague pairs (company names compared case- and space-insensitively), then the number
 * of earlier meetings of repeated pairs, then interests. An independent oracle enumerates every
 * grouping of seeded random rooms and the engine must reach its best tuple. No clocks: the small-room
 * search is exhaustive, the random rooms come from a seeded generator.
 */
import { groupings, less, oracle, randomRoom, Tuple } from './oracle';
import { planRound } from './round';
import { planSchedule } from './schedule';
import { Rng } from './rng';
import { historyOf } from './test-util';
import type { Person } from './types';

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
    expect(res.stats.colleagueNote).toEqual({ pairs: 1, groups: 4, companies: [{ name: 'SunGrid', people: 5 }], more: 0 });
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
