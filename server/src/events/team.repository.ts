import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import type { MemberRole } from '@mingle/shared';
import { Store } from '../database/store';
import { Organizer } from '../organizers/organizer.entity';
import { MingleEvent } from './event.entity';
import { EventMember, LiveActionRecord, TeamInvite } from './team.entities';

/** Every query of an event's team: members, invite links and the log of live actions. */
@Injectable()
export class TeamRepository {
  constructor(private readonly store: Store) {}

  private get members() {
    return this.store.table(EventMember);
  }

  private get invites() {
    return this.store.table(TeamInvite);
  }

  private get actions() {
    return this.store.table(LiveActionRecord);
  }

  member(eventId: string, organizerId: string): Promise<EventMember | null> {
    return this.members.findOneBy({ eventId, organizerId });
  }

  /** The event's hosts and viewers with their accounts, oldest member first. */
  async ofEvent(eventId: string): Promise<{ member: EventMember; organizer: Organizer }[]> {
    const rows = await this.members.find({ where: { eventId }, order: { createdAt: 'ASC' } });
    if (!rows.length) return [];
    const organizers = await this.store.table(Organizer).findBy(rows.map((r) => ({ id: r.organizerId })));
    const byId = new Map(organizers.map((o) => [o.id, o]));
    return rows.flatMap((member) => (byId.has(member.organizerId) ? [{ member, organizer: byId.get(member.organizerId)! }] : []));
  }

  /** The events this organizer is a host or viewer of, newest first, with the role. */
  async eventsOf(organizerId: string): Promise<{ event: MingleEvent; role: MemberRole }[]> {
    const rows = await this.members.findBy({ organizerId });
    if (!rows.length) return [];
    const events = await this.store.table(MingleEvent).find({
      where: rows.map((r) => ({ id: r.eventId })),
      order: { createdAt: 'DESC' },
    });
    const roleOf = new Map(rows.map((r) => [r.eventId, r.role]));
    return events.map((event) => ({ event, role: roleOf.get(event.id)! }));
  }

  /** Adds or changes a membership. */
  async put(member: EventMember): Promise<void> {
    await this.members.upsert(member, ['eventId', 'organizerId']);
  }

  async setRole(eventId: string, organizerId: string, role: MemberRole): Promise<boolean> {
    return ((await this.members.update({ eventId, organizerId }, { role })).affected ?? 0) > 0;
  }

  async remove(eventId: string, organizerId: string): Promise<boolean> {
    return ((await this.members.delete({ eventId, organizerId })).affected ?? 0) > 0;
  }

  /** Moves the event to a new owner, only while `from` still owns it (a conditional write). */
  async changeOwner(eventId: string, from: string, to: string, at: number): Promise<boolean> {
    const result = await this.store.table(MingleEvent).update({ id: eventId, organizerId: from }, { organizerId: to, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async insertInvite(invite: TeamInvite): Promise<void> {
    await this.invites.insert(invite);
  }

  invite(tokenHash: string): Promise<TeamInvite | null> {
    return this.invites.findOneBy({ tokenHash });
  }

  /** The event's invite links that are neither used nor expired, newest first. */
  openInvites(eventId: string, at: number): Promise<TeamInvite[]> {
    return this.invites.find({ where: { eventId, usedAt: IsNull(), expiresAt: MoreThan(at) }, order: { createdAt: 'DESC' } });
  }

  /** Deletes an unused invite of the event: its link then leads nowhere. False when there was none. */
  async revokeInvite(eventId: string, tokenHash: string): Promise<boolean> {
    return ((await this.invites.delete({ eventId, tokenHash, usedAt: IsNull() })).affected ?? 0) > 0;
  }

  /** Uses the invite up, only if it is unused and unexpired: of two racing accepts, one wins. */
  async useInvite(tokenHash: string, at: number): Promise<boolean> {
    const result = await this.invites.update({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(at) }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async record(action: LiveActionRecord): Promise<void> {
    await this.actions.insert(action);
  }

  actionsOf(eventId: string): Promise<LiveActionRecord[]> {
    return this.actions.find({ where: { eventId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
