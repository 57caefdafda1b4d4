import type { ConsoleGroup, ConsoleRoundState, OrganizerAttendee } from '@mingle/shared';

/** Where someone sits in the running round: the group's spot and who else is in it. */
export interface Seat {
  spot: string;
  groupId: string;
  /** the others of the group, as the group card names them */
  with: ConsoleGroup['members'];
}

/** Everyone seated in the running round, by attendee id; empty between rounds. */
export function seatsOf(rounds: ConsoleRoundState | null): Map<string, Seat> {
  const seats = new Map<string, Seat>();
  if (rounds?.round?.state !== 'running') return seats;
  for (const g of rounds.groups) {
    for (const m of g.members) {
      if (m.left) continue;
      seats.set(m.id, { spot: g.spot, groupId: g.id, with: g.members.filter((x) => x.id !== m.id && !x.left) });
    }
  }
  return seats;
}

/** Case- and accent-blind: "zoe" finds "Zoë". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** People whose name (or company) holds every typed word; names that start with the query first; at most `limit`. */
export function findPeople(attendees: readonly OrganizerAttendee[], query: string, limit = 8): OrganizerAttendee[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits = attendees.filter((a) => {
    const hay = fold(`${a.name}\n${a.company}`);
    return words.every((w) => hay.includes(w));
  });
  const first = words[0]!;
  const rank = (a: OrganizerAttendee) => (fold(a.name).startsWith(first) ? 0 : fold(a.name).includes(` ${first}`) ? 1 : 2);
  return hits.sort((x, y) => rank(x) - rank(y) || x.name.localeCompare(y.name)).slice(0, limit);
}
