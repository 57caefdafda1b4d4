/**
 * Small-room optimality rate for the mixer bench: seeded random rooms of 2 to 12 people (history,
 * avoid pairs, companies written in several spellings, sizes that do not divide evenly, both modes),
 * each round planned alone and compared with the exhaustive oracle in rule order (engine/oracle.ts,
 * the same rooms as rules.spec.ts).
 */
import { less, oracle, randomRoom } from '../src/mixer/engine/oracle';
import { Rng } from '../src/mixer/engine/rng';
import { planRound } from '../src/mixer/engine/round';

export function smallRoomRate(rooms = 300, seed = 20261130): void {
  const rng = new Rng(seed);
  let checked = 0;
  let optimal = 0;
  let engineMs = 0;
  for (let run = 0; run < rooms; run++) {
    const room = randomRoom(rng);
    if (room.people.length < 2) continue;
    const t = performance.now();
    const res = planRound({
      people: room.people,
      settings: { groupSize: room.groupSize, mode: room.mode, separateColleagues: room.separate, seed: run },
      history: room.history,
      avoid: room.avoid,
    });
    engineMs += performance.now() - t;
    const { best, tuple } = oracle(room);
    checked++;
    if (!best || best[0] > 0) {
      // no grouping keeps the avoid pairs apart: the engine must refuse
      if (res.groups.length === 0) optimal++;
      continue;
    }
    const got = tuple(res.groups);
    if (!less(best, got) && !less(got, best)) optimal++;
  }
  console.log(
    `small rooms (2 to 12 people, seed ${seed}): ${optimal} of ${checked} rounds reach the exhaustive optimum in rule order ` +
      `(${((100 * optimal) / checked).toFixed(1)}%), engine ${(engineMs / checked).toFixed(1)} ms per room on average`,
  );
}
