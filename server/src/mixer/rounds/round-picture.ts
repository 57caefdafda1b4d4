import { Injectable } from '@nestjs/common';
import type { SeatedAttendee } from '../../attendees/attendee.entity';
import { AttendeesRepository } from '../../attendees/attendees.repository';
import type { Group, GroupMember, Round } from './round.entity';
import { RoundsRepository } from './rounds.repository';

/** A person in a group of a round: the membership, with who they are. */
export interface Member extends GroupMember {
  attendee: SeatedAttendee;
}
/** A group of a round, with its members (those who left included, `leftAt` set). */
export interface RoundGroup extends Group {
  members: Member[];
}
/** One round as stored: its groups, and who is in which. */
export interface RoundPicture {
  round: Round;
  groups: RoundGroup[];
}

/** Loads pictures of rounds: the whole round, or the part one phone needs. */
@Injectable()
export class RoundPictures {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly attendees: AttendeesRepository,
  ) {}

  async of(round: Round): Promise<RoundPicture> {
    const [groups, members] = [await this.rounds.groupsOf(round.id), await this.rounds.membersOf(round.id)];
    return this.assemble(round, groups, members);
  }

  /** The running round's picture, or null between rounds. */
  async running(eventId: string): Promise<RoundPicture | null> {
    const round = await this.rounds.running(eventId);
    return round ? this.of(round) : null;
  }

  /** One attendee's part of a round: the round, and their group if they are in one. */
  async ofAttendee(round: Round, attendeeId: string): Promise<RoundPicture> {
    const { groups, members } = await this.rounds.seatsTogether(round.id, attendeeId);
    const people = await this.attendees.byIdsTogether([...new Set(members.map((m) => m.attendeeId))]);
    return pictureOf(round, groups, members, new Map(people.map((a) => [a.id, a])));
  }

  /** Only the named groups of a round: what their phones and the console's group rows need. */
  async ofGroups(round: Round, groupIds: string[]): Promise<RoundPicture> {
    const [groups, members] = [await this.rounds.groupsByIds(round.id, groupIds), await this.rounds.membersOfGroups(round.id, groupIds)];
    return this.assemble(round, groups, members);
  }

  private async assemble(round: Round, groups: Group[], members: GroupMember[]): Promise<RoundPicture> {
    const people = new Map((await this.attendees.byIds([...new Set(members.map((m) => m.attendeeId))])).map((a) => [a.id, a]));
    return pictureOf(round, groups, members, people);
  }
}

/** A round's picture from its rows and the people in it (a member not among `people` is left out). */
export function pictureOf(round: Round, groups: Group[], members: GroupMember[], people: Map<string, SeatedAttendee>): RoundPicture {
  const byGroup = new Map<string, Member[]>(groups.map((g) => [g.id, []]));
  for (const m of members) {
    const attendee = people.get(m.attendeeId);
    if (attendee) byGroup.get(m.groupId)?.push({ ...m, attendee });
  }
  return { round, groups: groups.map((g) => ({ ...g, members: byGroup.get(g.id)!.sort(byJoinOrder) })) };
}

/** The members who have not left the group. */
export const remaining = (group: RoundGroup) => group.members.filter((m) => m.leftAt === null);

/** Members in a stable order: who came first, then by name, so every reader lists a group alike. */
export const byJoinOrder = (x: Member, y: Member) =>
  x.joinedAt - y.joinedAt || x.attendee.name.localeCompare(y.attendee.name) || x.attendee.id.localeCompare(y.attendee.id);

/** The group the attendee is in now (not one they left), if any. */
export function groupOf(picture: RoundPicture, attendeeId: string): RoundGroup | undefined {
  return picture.groups.find((g) => g.members.some((m) => m.attendee.id === attendeeId && m.leftAt === null));
}
