import { Inject, Injectable } from '@nestjs/common';
import type { Snapshot } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { AttendeesService } from '../attendees/attendees.service';
import { toMyProfile, toOrganizerAttendee } from '../attendees/attendee.views';
import { PresenceService } from '../attendees/presence.service';
import { EventsRepository } from '../events/events.repository';
import { toScreenEvent } from '../events/event-news';
import { toOrganizerEventView } from '../events/event.views';
import { toPublicEvent } from '../events/public-event';
import type { SocketData } from '../broadcast/rooms';
import type { Attendee } from '../attendees/attendee.entity';
import { RoundStates } from '../mixer/rounds/round-states';

/** The full state a role may see, sent on every (re)connect so a client never replays anything. */
@Injectable()
export class Snapshots {
  constructor(
    private readonly events: EventsRepository,
    private readonly attendeeRows: AttendeesRepository,
    private readonly attendees: AttendeesService,
    private readonly presence: PresenceService,
    private readonly rounds: RoundStates,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** `me`: the attendee's row when the caller has just read it. */
  async for(who: SocketData, me?: Attendee): Promise<Snapshot> {
    const event = await this.events.byIdTogether(who.eventId);
    const { presence, online } = await this.presence.forSnapshot(event);
    const serverTime = Date.now();
    switch (who.role) {
      case 'attendee': {
        me = me?.id === who.attendeeId ? me : await this.attendeeRows.byIdOrFail(who.attendeeId);
        const rounds = await this.rounds.attendeeState(who.eventId, who.attendeeId);
        if (rounds.group?.roundId === rounds.round?.id && rounds.round?.state === 'running')
          rounds.offline = rounds.group!.members.filter((m) => !m.left && !online.has(m.id)).map((m) => m.id);
        return {
          role: 'attendee',
          serverTime,
          event: toPublicEvent(event, this.config.contactRetentionDays),
          me: toMyProfile(me),
          presence: { joined: presence.joined, online: presence.online },
          rounds,
        };
      }
      case 'organizer': {
        const list = await this.attendees.listForEvent(who.eventId);
        return {
          role: 'organizer',
          serverTime,
          event: toOrganizerEventView(event, this.config.publicUrl, who.teamRole),
          attendees: list.map((a) => toOrganizerAttendee(a, online.has(a.id), event.screenBlockedWords)),
          presence,
          rounds: await this.rounds.consoleState(who.eventId),
        };
      }
      case 'screen':
        return {
          role: 'screen',
          serverTime,
          event: toScreenEvent(event, this.config.publicUrl),
          presence,
          rounds: await this.rounds.screenState(who.eventId),
        };
    }
  }
}
