import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { REMOVED_MESSAGE, YOU_ERASED_MESSAGE } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { toMyProfile } from '../attendees/attendee.views';
import { toPublicEvent } from '../events/public-event';
import { EVENT_DELETED_MESSAGE } from '../events/event-news';
import { ConnectionsService } from '../connections/connections.service';
import { RoundStates } from '../mixer/rounds/round-states';
import { toRoundInfo } from '../mixer/rounds/round.views';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { PhoneCounts } from './phone-counts';

/**
 * What each phone hears about itself and its event. News every role shows alike (the round's clock,
 * a deleted event) goes once to the event's room, encoded once.
 */
@Injectable()
export class AttendeeNews implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly broadcaster: Broadcaster,
    private readonly states: RoundStates,
    private readonly connections: ConnectionsService,
    private readonly counts: PhoneCounts,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    const { bus, broadcaster: out } = this;
    // A start's round goes with the groups (GroupNews).
    bus.on('round.ended', async ({ eventId, round }) => {
      const ended = round ?? (await this.states.latestRound(eventId));
      const nextRoundAt = await this.states.nextRoundAt(eventId);
      out.send(rooms.event(eventId), 'round:changed', { round: ended && toRoundInfo(ended), nextRoundAt });
    });
    bus.on('round.extended', ({ eventId, round }) =>
      out.send(rooms.event(eventId), 'round:changed', { round: toRoundInfo(round), nextRoundAt: null }),
    );
    // Between rounds everyone sees when the next one starts by itself.
    bus.on('autopilot.changed', async ({ eventId }) => {
      const round = await this.states.latestRound(eventId);
      if (round?.state === 'running') return;
      const nextRoundAt = await this.states.nextRoundAt(eventId);
      out.send(rooms.event(eventId), 'round:changed', { round: round && toRoundInfo(round), nextRoundAt });
    });
    // The console and the screen show the tags; a phone only the two counts.
    bus.on('presence.counted', ({ eventId, presence }) => {
      out.send(rooms.console(eventId), 'presence:changed', presence);
      out.send(rooms.screen(eventId), 'presence:changed', presence);
      this.counts.tell(eventId, presence);
    });
    bus.on('attendee.updated', ({ attendee }) => out.send(rooms.attendee(attendee.id), 'me:changed', toMyProfile(attendee)));
    bus.on('attendee.removed', ({ attendeeId }) =>
      out.dismiss(rooms.attendee(attendeeId), 'me:removed', { reason: 'removed', message: REMOVED_MESSAGE }),
    );
    bus.on('attendee.erased', ({ attendeeId }) =>
      out.dismiss(rooms.attendee(attendeeId), 'me:removed', { reason: 'erased', message: YOU_ERASED_MESSAGE }),
    );
    bus.on('event.changed', ({ event }) =>
      out.send(rooms.attendees(event.id), 'event:changed', toPublicEvent(event, this.config.contactRetentionDays)),
    );
    bus.on('event.deleted', ({ eventId }) =>
      out.dismiss(rooms.event(eventId), 'connection:closed', { reason: 'event_deleted', message: EVENT_DELETED_MESSAGE }),
    );
    // Each side of a match sees the other through the match serializer (their shared card only).
    bus.on('match.made', async ({ a, b, meetings }) => {
      const [seenByA, seenByB] = await this.connections.eachOther(a, b, meetings);
      out.send(rooms.attendee(a.id), 'match:made', { person: seenByA });
      out.send(rooms.attendee(b.id), 'match:made', { person: seenByB });
    });
    bus.on('match.changed', async ({ viewer, sharer, meetings }) =>
      out.send(rooms.attendee(viewer.id), 'match:changed', { person: await this.connections.describe(viewer, sharer, meetings) }),
    );
  }
}
