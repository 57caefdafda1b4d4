import {
  myGroupFrom,
  type BoardEntry,
  type ConsoleGroup,
  type GroupNews,
  type GroupSeat,
  type MyGroup,
  type RoundInfo,
} from '@mingle/shared';
import type { Attendee } from '../../attendees/attendee.entity';
import { historyName } from '../../attendees/attendee.views';
import type { Round } from './round.entity';
import { seated, tableOf, type RoundPicture, type Table } from './round-picture';

export function toRoundInfo(r: Round): RoundInfo {
  return { id: r.id, number: r.number, state: r.state, startedAt: r.startedAt, endsAt: r.endsAt, endedAt: r.endedAt };
}

/** Interests the whole group shares; failing that, those at least two members share, most common first. */
export function sharedInterests(people: Array<Pick<Attendee, 'interests'>>): string[] {
  const counts = new Map<string, number>();
  for (const p of people) for (const t of new Set(p.interests)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const all = [...counts].filter(([, n]) => n === people.length && people.length > 1).map(([t]) => t);
  if (all.length) return all;
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .map(([t]) => t);
}

/** What a groupmate sees of another (name, headline, company, interests), never a contact field; the same for every member. */
function toSeat(seat: Table['seats'][number]): GroupSeat {
  const a = seat.attendee;
  return {
    id: a.id,
    name: historyName(a),
    headline: a.headline,
    company: a.company,
    interests: a.interests,
    arrived: seat.member.arrivedAt !== null,
    left: seat.member.leftAt !== null,
    moved: seat.member.moved,
  };
}

/** A group as every one of its phones gets it, once for all of them. */
export function toGroupNews(round: Round, table: Table): GroupNews {
  return {
    roundId: round.id,
    groupId: table.group.id,
    spot: table.group.spot,
    icebreaker: table.group.icebreaker,
    sharedInterests: sharedInterests(seated(table).map((s) => s.attendee)),
    seats: table.seats.map(toSeat),
  };
}

/** One member's view, made from the group's news exactly as their phone makes it. */
export function toMyGroup(picture: RoundPicture, attendeeId: string): MyGroup | null {
  const table = tableOf(picture, attendeeId);
  return table ? myGroupFrom(toGroupNews(picture.round, table), attendeeId) : null;
}

/** "Ana Lima" → "Ana L.": the room can find its table without full names. */
export function boardName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return last ? `${parts[0]} ${last[0]!.toUpperCase()}.` : parts[0]!;
}

export function toBoard(picture: RoundPicture | null): BoardEntry[] {
  if (!picture) return [];
  return picture.tables
    .flatMap((t) => seated(t).map((s) => ({ name: boardName(s.attendee.name), spot: t.group.spot })))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function toConsoleGroups(picture: RoundPicture | null): ConsoleGroup[] {
  if (!picture) return [];
  return picture.tables.map((t) => {
    const members = t.seats.map((s) => ({
      id: s.attendee.id,
      name: historyName(s.attendee),
      company: s.attendee.company,
      arrived: s.member.arrivedAt !== null,
      left: s.member.leftAt !== null,
    }));
    return {
      id: t.group.id,
      spot: t.group.spot,
      icebreaker: t.group.icebreaker,
      members,
      missing: members.filter((m) => !m.arrived && !m.left).length,
    };
  });
}
