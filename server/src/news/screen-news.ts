import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import { SCREEN_REVOKED_MESSAGE, toScreenEvent } from '../events/event-news';
import { RoundStates } from '../mixer/rounds/round-states';
import { DomainEventBus } from '../outbox/domain-event-bus';

/** What the projector hears: the event, and the find-your-table board only when someone's place changes. */
@Injectable()
export class ScreenNews implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly broadcaster: Broadcaster,
    private readonly states: RoundStates,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    this.bus.on('round.started', async ({ roundId, eventId, picture }) => {
      const started = picture ?? (await this.states.roundPicture(roundId));
      if (started) this.broadcaster.send(rooms.screen(eventId), 'board:changed', await this.states.board(eventId, started));
    });
    this.bus.on('round.ended', ({ eventId }) => this.broadcaster.send(rooms.screen(eventId), 'board:changed', []));
    // An arrival changes nobody's place: the board stays as it is.
    this.bus.on('group.changed', async ({ eventId, change }) => {
      if (change !== 'arrival') await this.sendBoard(eventId);
    });
    // A rename, someone hidden or shown again: the board as it is now.
    this.bus.on('attendee.moderated', ({ eventId }) => this.sendBoard(eventId));
    this.bus.on('event.changed', ({ event }) =>
      this.broadcaster.send(rooms.screen(event.id), 'screen:event-changed', toScreenEvent(event, this.config.publicUrl)),
    );
    this.bus.on('event.blocked-words-changed', ({ eventId }) => this.sendBoard(eventId));
    this.bus.on('screens.revoked', ({ eventId }) =>
      this.broadcaster.dismiss(rooms.screen(eventId), 'screen:revoked', { message: SCREEN_REVOKED_MESSAGE }),
    );
  }

  /** The running round's board, if a round runs (between rounds the screen shows no board). */
  private async sendBoard(eventId: string): Promise<void> {
    const picture = await this.states.runningPicture(eventId);
    if (picture) this.broadcaster.send(rooms.screen(eventId), 'board:changed', await this.states.board(eventId, picture));
  }
}
