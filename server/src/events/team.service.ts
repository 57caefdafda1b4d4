import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  atLeast,
  INVITE_DAYS,
  type ActionKind,
  type InviteAccepted,
  type InviteCreated,
  type InviteView,
  type LiveAction,
  type MemberRole,
  type ParsedBody,
  type TeamRole,
  type TeamView,
} from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { ApiError, notFound } from '../common/api-error';
import { newToken, tokenHash } from '../common/tokens';
import { Transactions } from '../database/store';
import type { Organizer } from '../organizers/organizer.entity';
import { OrganizersRepository } from '../organizers/organizers.repository';
import { SignupPasses } from '../organizers/signup-passes';
import { DomainEventBus } from '../outbox/domain-event-bus';
import type { MingleEvent } from './event.entity';
import { EventsRepository } from './events.repository';
import { TeamRepository } from './team.repository';
import type { LiveActionRecord } from './team.entities';

const DAY = 24 * 60 * 60 * 1000;

const notAMember = () => new ApiError(404, 'not_a_member', 'This person is not a host or viewer of this event');
const inviteGone = () => notFound('Invite');

export const toLiveAction = (a: LiveActionRecord): LiveAction => ({ kind: a.kind, by: a.byName, at: a.at, count: a.count });

/**
 * An event's team: who may do what (owner > host > viewer), invites, role changes, removal,
 * transfer of ownership, and the log of who did which live action.
 */
@Injectable()
export class TeamService implements OnModuleInit {
  constructor(
    private readonly team: TeamRepository,
    private readonly events: EventsRepository,
    private readonly organizers: OrganizersRepository,
    private readonly transactions: Transactions,
    private readonly bus: DomainEventBus,
    @Inject(CONFIG) private readonly config: Config,
    private readonly signupPasses: SignupPasses,
  ) {}

  onModuleInit(): void {
    this.signupPasses.register((token) =>
      this.showInvite(token).then(
        () => true,
        () => false,
      ),
    );
  }

  /** The organizer's role in the event, or null when they are not on its team (or it does not exist). */
  async roleIn(organizerId: string, eventId: string): Promise<{ event: MingleEvent; role: TeamRole } | null> {
    const event = await this.events.byId(eventId);
    if (!event) return null;
    if (event.organizerId === organizerId) return { event, role: 'owner' };
    const member = await this.team.member(eventId, organizerId);
    return member ? { event, role: member.role } : null;
  }

  /** 404 for anyone not on the team, 403 for a member whose role is below `least`. */
  async atLeast(organizerId: string, eventId: string, least: TeamRole): Promise<{ event: MingleEvent; role: TeamRole }> {
    const found = await this.roleIn(organizerId, eventId);
    if (!found) throw notFound('Event');
    if (!atLeast(found.role, least))
      throw new ApiError(403, 'forbidden', `Only the event's ${least === 'owner' ? 'owner' : 'owner or hosts'} may do this`, {
        params: { variant: least === 'owner' ? 'owner' : 'host' },
      });
    return found;
  }

  /** The events I own and those I am on the team of, newest first, with my role. */
  async eventsOf(organizerId: string): Promise<{ event: MingleEvent; role: TeamRole }[]> {
    const owned = (await this.events.ofOrganizer(organizerId)).map((event) => ({ event, role: 'owner' as TeamRole }));
    const member = await this.team.eventsOf(organizerId);
    return [...owned, ...member].sort((a, b) => b.event.createdAt - a.event.createdAt);
  }

  async view(event: MingleEvent, me: string, myRole: TeamRole): Promise<TeamView> {
    const owner = await this.organizers.byId(event.organizerId);
    const members = await this.team.ofEvent(event.id);
    const invites = myRole === 'owner' ? await this.team.openInvites(event.id, Date.now()) : [];
    return {
      me,
      myRole,
      invites: invites.map((i) => ({
        id: i.tokenHash,
        role: i.role,
        allEvents: i.allEvents,
        createdAt: new Date(i.createdAt).toISOString(),
        expiresAt: new Date(i.expiresAt).toISOString(),
      })),
      members: [
        ...(owner ? [{ organizerId: owner.id, name: owner.name, email: owner.email, role: 'owner' as TeamRole }] : []),
        ...members.map(({ member, organizer }) => ({
          organizerId: organizer.id,
          name: organizer.name,
          email: organizer.email,
          role: member.role,
        })),
      ],
    };
  }

  async invite(event: MingleEvent, by: Organizer, body: ParsedBody<'POST /api/events/:id/team/invites'>): Promise<InviteCreated> {
    const token = newToken();
    const now = Date.now();
    const expiresAt = now + INVITE_DAYS * DAY;
    const allEvents = body.allEvents ?? false;
    const hash = tokenHash(this.config.sessionSecret, token);
    await this.team.insertInvite({
      tokenHash: hash,
      eventId: event.id,
      role: body.role,
      allEvents,
      createdBy: by.id,
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    return {
      id: hash,
      url: `${this.config.publicUrl}/console/invite/${token}`,
      role: body.role,
      allEvents,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** The owner takes back an open invite link: it then answers 404 like a link we never gave. */
  async revokeInvite(event: MingleEvent, me: string, inviteId: string): Promise<TeamView> {
    if (!(await this.team.revokeInvite(event.id, inviteId))) throw inviteGone();
    return this.view(event, me, 'owner');
  }

  /** What an invite offers: 404 for a token we never gave, 410 once used or expired. */
  async showInvite(token: string): Promise<InviteView> {
    const invite = await this.team.invite(tokenHash(this.config.sessionSecret, token));
    if (!invite) throw inviteGone();
    if (invite.usedAt !== null) throw new ApiError(410, 'invite_used', 'This invite link has been used already. Ask for a new one.');
    if (invite.expiresAt <= Date.now()) throw new ApiError(410, 'invite_expired', 'This invite link has expired. Ask for a new one.');
    const event = await this.events.byId(invite.eventId);
    const owner = event && (await this.organizers.byId(event.organizerId));
    if (!event || !owner) throw inviteGone();
    return {
      eventId: event.id,
      eventName: event.name,
      ownerName: owner.name,
      role: invite.role,
      allEvents: invite.allEvents,
      expiresAt: new Date(invite.expiresAt).toISOString(),
    };
  }

  /**
   * Joins the team with the invite's role (of its event, or of every event its owner has now);
   * the link is used up in the same transaction, so of two racing accepts only one gets in.
   */
  async accept(token: string, me: Organizer): Promise<InviteAccepted> {
    const shown = await this.showInvite(token);
    const found = await this.roleIn(me.id, shown.eventId);
    if (found)
      throw new ApiError(409, 'already_on_team', `You are already the ${found.role} of this event`, { params: { variant: found.role } });
    const hash = tokenHash(this.config.sessionSecret, token);
    const now = Date.now();
    await this.transactions.run(async () => {
      if (!(await this.team.useInvite(hash, now)))
        throw new ApiError(410, 'invite_used', 'This invite link has been used already. Ask for a new one.');
      const event = (await this.events.byId(shown.eventId))!;
      const eventIds = shown.allEvents ? (await this.events.ofOrganizer(event.organizerId)).map((e) => e.id) : [event.id];
      for (const eventId of eventIds) {
        if (eventId !== event.id && (await this.roleIn(me.id, eventId))) continue;
        await this.team.put({ eventId, organizerId: me.id, role: shown.role, createdAt: now });
      }
    });
    return { eventId: shown.eventId, role: shown.role };
  }

  async setRole(event: MingleEvent, me: string, organizerId: string, role: MemberRole): Promise<TeamView> {
    if (!(await this.team.setRole(event.id, organizerId, role))) throw notAMember();
    await this.bus.publish('team.changed', { eventId: event.id, organizerId });
    return this.view(event, me, 'owner');
  }

  async remove(event: MingleEvent, me: string, organizerId: string): Promise<TeamView> {
    if (!(await this.team.remove(event.id, organizerId))) throw notAMember();
    await this.bus.publish('team.changed', { eventId: event.id, organizerId });
    return this.view(event, me, 'owner');
  }

  /** The owner hands the event to a host or viewer and stays on as a host: there is always exactly one owner. */
  async transfer(event: MingleEvent, me: string, to: string): Promise<TeamView> {
    const now = Date.now();
    await this.transactions.run(async () => {
      if (!(await this.team.remove(event.id, to))) throw notAMember();
      if (!(await this.team.changeOwner(event.id, me, to, now)))
        throw new ApiError(409, 'conflict', 'The team changed meanwhile; reload and try again', { params: { variant: 'team' } });
      await this.team.put({ eventId: event.id, organizerId: me, role: 'host', createdAt: now });
    });
    await this.bus.publish('team.changed', { eventId: event.id, organizerId: to });
    return this.view({ ...event, organizerId: to }, me, 'host');
  }

  /** Records who did a live action and tells the event's consoles. */
  async record(eventId: string, by: Organizer, kind: ActionKind, count: number | null): Promise<void> {
    const action: LiveActionRecord = { id: randomUUID(), eventId, organizerId: by.id, byName: by.name, kind, count, at: Date.now() };
    await this.team.record(action);
    await this.bus.publish('action.recorded', { eventId, action: toLiveAction(action) });
  }

  async actions(eventId: string): Promise<LiveAction[]> {
    return (await this.team.actionsOf(eventId)).map(toLiveAction);
  }
}
