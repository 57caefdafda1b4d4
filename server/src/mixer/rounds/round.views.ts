import type { BoardEntry, ConsoleGroup, Groupmate, MyGroup, RoundInfo } from '@mingle/shared';
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

/** What a groupmate sees of another: name, headline, company, interests. Never a contact field. */
function toGroupmate(viewer: Attendee, seat: Table['seats'][number]): Groupmate {
  const a = seat.attendee;
  return {
    id: a.id,
    name: historyName(a),
    headline: a.headline,
    company: a.company,
    interests: a.interests,
    shared: a.interests.filter((t) => viewer.interests.includes(t)),
    arrived: seat.member.arrivedAt !== null,
    left: seat.member.leftAt !== null,
  };
}

export function toMyGroup(picture: RoundPicture, attendeeId: string): MyGroup | null {
  const table = tableOf(picture, attendeeId);
  return table ? groupFor(picture, table, attendeeId) : null;
}

/** Every seated person's view of their group, in one pass over the round. */
export function myGroups(picture: RoundPicture): Map<string, MyGroup> {
  const views = new Map<string, MyGroup>();
  for (const table of picture.tables) for (const s of seated(table)) views.set(s.attendee.id, groupFor(picture, table, s.attendee.id));
  return views;
}

function groupFor(picture: RoundPicture, table: Table, attendeeId: string): MyGroup {
  const mine = table.seats.find((s) => s.attendee.id === attendeeId && s.member.leftAt === null)!;
  return {
    roundId: picture.round.id,
    groupId: table.group.id,
    spot: table.group.spot,
    icebreaker: table.group.icebreaker,
    sharedInterests: sharedInterests(seated(table).map((s) => s.attendee)),
    members: table.seats.filter((s) => s !== mine).map((s) => toGroupmate(mine.attendee, s)),
    moved: mine.member.moved,
    arrived: mine.member.arrivedAt !== null,
  };
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
