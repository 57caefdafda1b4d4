import type { PlannerResult } from '@mingle/shared/planner';
import type { PlannerPerson } from './csv';
import { i18n } from '../../i18n';

/** One person's seat in every round: spot names, or null when not seated that round. */
export interface PersonRotation {
  index: number;
  name: string;
  company: string;
  seats: Array<string | null>;
}

/** One spot: who sits there in each round. */
export interface SpotRotation {
  spot: string;
  rounds: Array<{ round: number; people: PlannerPerson[] }>;
}

function spotName(result: Pick<PlannerResult, 'spots'>, g: number): string {
  return result.spots[g] ?? i18n.global.t('consolePlanner.table', { n: g + 1 });
}

export function byPerson(people: readonly PlannerPerson[], result: Pick<PlannerResult, 'rounds' | 'spots'>): PersonRotation[] {
  const out: PersonRotation[] = people.map((p, index) => ({
    index,
    name: p.name,
    company: p.company ?? '',
    seats: result.rounds.map(() => null),
  }));
  result.rounds.forEach((groups, r) => {
    groups.forEach((group, g) => {
      for (const i of group) {
        const row = out[i];
        if (row) row.seats[r] = spotName(result, g);
      }
    });
  });
  return out;
}

export function bySpot(people: readonly PlannerPerson[], result: Pick<PlannerResult, 'rounds' | 'spots'>): SpotRotation[] {
  const count = Math.max(result.spots.length, ...result.rounds.map((r) => r.length));
  const out: SpotRotation[] = [];
  for (let g = 0; g < count; g++) {
    out.push({
      spot: spotName(result, g),
      rounds: result.rounds.map((groups, r) => ({
        round: r + 1,
        people: (groups[g] ?? []).map((i) => people[i]).filter((p): p is PlannerPerson => !!p),
      })),
    });
  }
  return out;
}

/** name, company, Round 1, Round 2, … (the headers stay English like the server's exports: files for machines) */
export function personCsvRows(rotation: readonly PersonRotation[], rounds: number): string[][] {
  const head = ['name', 'company', ...Array.from({ length: rounds }, (_, r) => `Round ${r + 1}`)]; // i18n-ignore
  return [head, ...rotation.map((p) => [p.name, p.company, ...p.seats.map((s) => s ?? '')])];
}

/** spot, round, people (separated by "; ") */
export function spotCsvRows(spots: readonly SpotRotation[]): string[][] {
  const rows: string[][] = [['spot', 'round', 'people']];
  for (const s of spots) {
    for (const r of s.rounds) rows.push([s.spot, String(r.round), r.people.map((p) => p.name).join('; ')]);
  }
  return rows;
}
