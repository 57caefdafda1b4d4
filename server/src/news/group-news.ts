import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { RoundStates } from '../mixer/rounds/round-states';
import { seated } from '../mixer/rounds/round-picture';
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
    this.bus.on('round.started', async ({ roundId, picture }) => {
      const started = picture ?? (await this.states.roundPicture(roundId));
      for (const table of started?.tables ?? [])
        this.broadcaster.send(this.phonesOf(seated(table).map((s) => s.attendee.id)), 'group:changed', toGroupNews(started!.round, table));
    });

    this.bus.on('group.changed', async ({ groupId, attendeeId, change, seatedIds }) => {
      if (change === 'arrival' && seatedIds)
        return this.broadcaster.send(this.phonesOf(seatedIds), 'group:arrived', { groupId, attendeeId });
      // Someone who left no longer shows a group.
      if (change === 'leaving')
        this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', { round: null, group: null, nextRoundAt: null });
      const picture = await this.states.groupPicture(groupId);
      const table = picture?.tables[0];
      if (!picture || !table) return;
      // Someone placed on their own gets their whole assignment; the others, their group again.
      const placed = change === 'placement' ? toMyGroup(picture, attendeeId) : null;
      if (placed)
        this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', {
          round: toRoundInfo(picture.round),
          group: placed,
          nextRoundAt: null,
        });
      const others = seated(table)
        .map((s) => s.attendee.id)
        .filter((id) => !placed || id !== attendeeId);
      if (others.length) this.broadcaster.send(this.phonesOf(others), 'group:changed', toGroupNews(picture.round, table));
    });
  }

  private phonesOf(attendeeIds: string[]): string[] {
    return attendeeIds.map(rooms.attendee);
  }
}
