import { Inject, Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { ScreenEvent } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import type { MingleEvent } from './event.entity';
import { joinUrl, toOrganizerEventView } from './event.views';
import { toPublicEvent } from './public-event';

export const SCREEN_REVOKED_MESSAGE = 'This screen link was replaced. Open the new link from the console.';
export const EVENT_DELETED_MESSAGE = 'The organizer deleted this event and everything in it.';

export function toScreenEvent(e: MingleEvent, publicUrl: string): ScreenEvent {
  return { id: e.id, name: e.name, state: e.state, joinCode: e.joinCode, joinUrl: joinUrl(publicUrl, e) };
}

/** Tells each role of an event its own view of a change to the event. */
@Injectable()
export class EventNews {
  /** Event ids that just ended: rounds listen, to close what is still running. */
  readonly ended = new Subject<string>();

  constructor(
    private readonly broadcaster: Broadcaster,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  changed(e: MingleEvent): void {
    if (e.state === 'ended') this.ended.next(e.id);
    this.broadcaster.send(rooms.attendees(e.id), 'event:changed', toPublicEvent(e, this.config.contactRetentionDays));
    this.broadcaster.send(rooms.screen(e.id), 'screen:event-changed', toScreenEvent(e, this.config.publicUrl));
    this.broadcaster.send(rooms.console(e.id), 'console:event-changed', toOrganizerEventView(e, this.config.publicUrl));
  }

  /** Every socket of the event, on every node: phones, consoles and screens. */
  async deleted(eventId: string): Promise<void> {
    await this.broadcaster.dismiss(rooms.event(eventId), 'connection:closed', { reason: 'event_deleted', message: EVENT_DELETED_MESSAGE });
  }

  async screensRevoked(eventId: string): Promise<void> {
    await this.broadcaster.dismiss(rooms.screen(eventId), 'screen:revoked', { message: SCREEN_REVOKED_MESSAGE });
  }
}
