import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { RoundStates } from '../mixer/rounds/round-states';
import { seated } from '../mixer/rounds/round-picture';
import { myGroups, toMyGroup, toRoundInfo } from '../mixer/rounds/round.views';
import { DomainEventBus } from '../outbox/domain-event-bus';

/** What a group's phones hear: their group at a start, and who is there as people arrive, leave or are placed. */
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
      if (!started) return;
      const round = toRoundInfo(started.round);
      for (const [attendeeId, group] of myGroups(started))
        this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', { round, group, nextRoundAt: null });
    });

    this.bus.on('group.changed', async ({ groupId, attendeeId, change }) => {
      // Someone who left no longer shows a group.
      if (change === 'leaving')
        this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', { round: null, group: null, nextRoundAt: null });
      const picture = await this.states.groupPicture(groupId);
      const table = picture?.tables[0];
      if (!picture || !table) return;
      for (const s of seated(table)) {
        const mine = toMyGroup(picture, s.attendee.id);
        if (!mine) continue;
        if (change === 'placement' && s.attendee.id === attendeeId)
          this.broadcaster.send(rooms.attendee(attendeeId), 'round:assigned', {
            round: toRoundInfo(picture.round),
            group: mine,
            nextRoundAt: null,
          });
        else this.broadcaster.send(rooms.attendee(s.attendee.id), 'group:changed', mine);
      }
    });
  }
}
