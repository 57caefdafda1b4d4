import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { RoundStates } from '../mixer/rounds/round-states';
import { remaining } from '../mixer/rounds/round-picture';
import { toGroupNews, toMyGroup, toRoundInfo } from '../mixer/rounds/round.views';
import { DomainEventBus } from '../outbox/domain-event-bus';

/**
 * What a group's phones hear. A group's news is the same for each member, so it goes once to all of
 * them (socket.io encodes it once); each phone makes its own view from it.
 */
@Injectable()
export class GroupNews implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly broadcaster: Broadcaster,
    private readonly states: RoundStates,
  ) {}

  onModuleInit(): void {
    this.bus.on('presence.counted', ({ eventId, online, changed }) =>
      this.presenceChanged(
        eventId,
        online,
        changed.map((a) => a.id),
      ),
    );

    // A start is one message per phone: its group with the round. Everyone else in the event's room (the
    // console, the screen, phones in no group) hears the round alone.
    this.bus.on('round.started', async ({ eventId, roundId, picture }) => {
      const started = picture ?? (await this.states.roundPicture(roundId));
      if (!started) return;
      const round = toRoundInfo(started.round);
      await this.broadcaster.sendMany(
        'group:changed',
        started.groups.map((group) => [
          this.phonesOf(remaining(group).map((m) => m.attendee.id)),
          { ...toGroupNews(started.round, group), round },
        ]),
        { room: rooms.event(eventId), event: 'round:changed', news: { round, nextRoundAt: null } },
      );
    });

    // A new name, headline or interests reach the groupmates' phones (the organizer may rename too).
    this.bus.on('attendee.updated', ({ attendee }) => this.memberChanged(attendee.eventId, attendee.id));
    this.bus.on('attendee.moderated', ({ eventId, attendee }) => this.memberChanged(eventId, attendee.id));

    this.bus.on('group.changed', async ({ groupId, attendeeId, change, memberIds }) => {
      if (change === 'arrival' && memberIds)
        return this.broadcaster.send(this.phonesOf(memberIds), 'group:arrived', { groupId, attendeeId });
      // Someone who left no longer shows a group.
      if (change === 'leaving')
        this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', { round: null, group: null, nextRoundAt: null });
      const picture = await this.states.groupPicture(groupId);
      const group = picture?.groups[0];
      if (!picture || !group) return;
      // Someone placed on their own gets their whole assignment; the others, their group again.
      const placed = change === 'placement' ? toMyGroup(picture, attendeeId) : null;
      if (placed)
        this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', {
          round: toRoundInfo(picture.round),
          group: placed,
          nextRoundAt: null,
        });
      const others = remaining(group)
        .map((m) => m.attendee.id)
        .filter((id) => !placed || id !== attendeeId);
      if (others.length) this.broadcaster.send(this.phonesOf(others), 'group:changed', toGroupNews(picture.round, group));
    });
  }

  /**
   * A phone dropped or came back: each group of the running round with someone whose presence
   * changed hears, once, who of its members is offline now. Presence is already coalesced (one count
   * per event per window), so a burst of drops makes one message per group.
   */
  private async presenceChanged(eventId: string, online: Set<string>, changedIds: string[]): Promise<void> {
    if (!changedIds.length) return;
    const picture = await this.states.groupsOfPeople(eventId, changedIds);
    for (const group of picture?.groups ?? []) {
      const ids = remaining(group).map((m) => m.attendee.id);
      this.broadcaster.send(this.phonesOf(ids), 'group:presence', { groupId: group.id, offline: ids.filter((id) => !online.has(id)) });
    }
  }

  /** The group of the running round that `attendeeId` is in hears it again, as it is now. */
  private async memberChanged(eventId: string, attendeeId: string): Promise<void> {
    const picture = await this.states.groupsOfPeople(eventId, [attendeeId]);
    const group = picture?.groups[0];
    if (!picture || !group) return;
    this.broadcaster.send(this.phonesOf(remaining(group).map((m) => m.attendee.id)), 'group:changed', toGroupNews(picture.round, group));
  }

  private phonesOf(attendeeIds: string[]): string[] {
    return attendeeIds.map(rooms.attendee);
  }
}
