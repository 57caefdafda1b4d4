import { DataSource, In } from 'typeorm';
import { Attendee } from '../../attendees/attendee.entity';
import { Group, GroupMember, Round } from './round.entity';

export interface Seat {
  member: GroupMember;
  attendee: Attendee;
}
export interface Table {
  group: Group;
  seats: Seat[];
}
/** One round as stored: its groups, and who sits where. */
export interface RoundPicture {
  round: Round;
  tables: Table[];
}

export async function latestRound(db: DataSource, eventId: string): Promise<Round | null> {
  return db.getRepository(Round).findOne({ where: { eventId }, order: { number: 'DESC' } });
}

/** The whole round, or only the groups named (a phone needs just its own). */
export async function loadPicture(db: DataSource, round: Round, groupIds?: string[]): Promise<RoundPicture> {
  const groups = await db
    .getRepository(Group)
    .find({ where: { roundId: round.id, ...(groupIds ? { id: In(groupIds) } : {}) }, order: { position: 'ASC' } });
  const members = await db
    .getRepository(GroupMember)
    .find({ where: { roundId: round.id, ...(groupIds ? { groupId: In(groupIds) } : {}) }, order: { joinedAt: 'ASC' } });
  const ids = [...new Set(members.map((m) => m.attendeeId))];
  const attendees = new Map<string, Attendee>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const a of await db.getRepository(Attendee).findBy({ id: In(ids.slice(i, i + 500)) })) attendees.set(a.id, a);
  }
  const tables = groups.map((group) => ({
    group,
    seats: members
      .filter((m) => m.groupId === group.id && attendees.has(m.attendeeId))
      .map((member) => ({ member, attendee: attendees.get(member.attendeeId)! }))
      .sort(bySeatOrder),
  }));
  return { round, tables };
}

/** One attendee's part of the running round: the round, and their group if they sit in one. */
export async function seatPicture(db: DataSource, eventId: string, attendeeId: string): Promise<RoundPicture | null> {
  const round = await db.getRepository(Round).findOne({ where: { eventId, state: 'running' } });
  if (!round) return null;
  const seats = await db.getRepository(GroupMember).find({ select: { groupId: true }, where: { roundId: round.id, attendeeId } });
  return loadPicture(
    db,
    round,
    seats.map((s) => s.groupId),
  );
}

/** The running round's picture, or null between rounds. */
export async function runningPicture(db: DataSource, eventId: string): Promise<RoundPicture | null> {
  const round = await db.getRepository(Round).findOne({ where: { eventId, state: 'running' } });
  return round ? loadPicture(db, round) : null;
}

export const seated = (t: Table) => t.seats.filter((s) => s.member.leftAt === null);

/** Seats in a stable order: who came first, then by name, so every reader lists a group alike. */
export const bySeatOrder = (x: Seat, y: Seat) =>
  x.member.joinedAt - y.member.joinedAt || x.attendee.name.localeCompare(y.attendee.name) || x.attendee.id.localeCompare(y.attendee.id);

export function tableOf(picture: RoundPicture, attendeeId: string): Table | undefined {
  return picture.tables.find((t) => t.seats.some((s) => s.attendee.id === attendeeId && s.member.leftAt === null));
}
