import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';
import type { Attendee } from '../attendees/attendee.entity';
import { AttendeesService } from '../attendees/attendees.service';
import { toOrganizerAttendee } from '../attendees/attendee.views';
import { EventsRepository } from '../events/events.repository';
import { toOrganizerEventView } from '../events/event.views';
import { sessionEnded } from '../organizers/session-news';
import { RoundStates } from '../mixer/rounds/round-states';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { ConnectionsService } from '../connections/connections.service';

const CONSOLE_WINDOW_MS = 250;
/** A room swapping at the end of a round asks many times a second: the counts go out at most this often. */
const CONNECTIONS_WINDOW_MS = 500;

/** What changed for one event's consoles within a window: the whole round picture, or only some groups of a round. */
interface Pending {
  whole: boolean;
  roundId: string | null;
  groups: Set<string>;
  timer: NodeJS.Timeout;
}

/**
 * What the organizer's console hears. Round news is coalesced: a room full of "I'm here" taps makes
 * a few small group updates a second, and the whole round picture only when more than arrivals changed.
 */
@Injectable()
export class ConsoleNews implements OnModuleInit, OnModuleDestroy {
  private readonly pending = new Map<string, Pending>();
  /** events whose swap counts changed within the window, with the timer that sends them */
  private readonly pendingCounts = new Map<string, NodeJS.Timeout>();
  /** closing: news still raised (a start's news drained on close) arms no timer */
  private closed = false;

  constructor(
    private readonly bus: DomainEventBus,
    private readonly broadcaster: Broadcaster,
    private readonly states: RoundStates,
    private readonly connections: ConnectionsService,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    // A start is told at once from its own picture; the organizer's reply is built from the same picture.
    this.bus.on('round.started', async ({ eventId, picture }) =>
      this.broadcaster.send(rooms.console(eventId), 'console:rounds-changed', await this.states.consoleState(eventId, picture)),
    );
    this.bus.on('round.ended', ({ eventId }) => this.roundsChanged(eventId));
    this.bus.on('round.extended', ({ eventId }) => this.roundsChanged(eventId));
    this.bus.on('autopilot.changed', ({ eventId }) => this.roundsChanged(eventId));
    this.bus.on('group.changed', ({ eventId, roundId, groupId, change }) =>
      change === 'arrival' ? this.groupChanged(eventId, roundId, groupId) : this.roundsChanged(eventId),
    );
    this.bus.on('presence.counted', async ({ eventId, online, changed }) => {
      if (changed.length) await this.attendeesChanged(eventId, changed, online);
    });
    // New blocked words flag other names: the whole table again.
    this.bus.on('event.blocked-words-changed', async ({ eventId }) =>
      this.attendeesChanged(eventId, await this.attendees.listForEvent(eventId), this.broadcaster.onlineIn(eventId)),
    );
    // Owner and hosts get the screen key; viewers the same view without it.
    this.bus.on('event.changed', ({ event }) => {
      this.broadcaster.send(
        rooms.consoleKeys(event.id),
        'console:event-changed',
        toOrganizerEventView(event, this.config.publicUrl, 'host'),
      );
      this.broadcaster.send(
        rooms.consoleViewers(event.id),
        'console:event-changed',
        toOrganizerEventView(event, this.config.publicUrl, 'viewer'),
      );
    });
    this.bus.on('swaps.changed', ({ eventId }) => this.countsChanged(eventId));
    this.bus.on('match.made', ({ eventId }) => this.countsChanged(eventId));
    this.bus.on('action.recorded', ({ eventId, action }) => this.broadcaster.send(rooms.console(eventId), 'console:action', action));
    // A member whose role changed or who left the team reconnects to get what their role may see now.
    this.bus.on('team.changed', ({ eventId, organizerId }) =>
      this.broadcaster.dismiss(rooms.member(eventId, organizerId), 'connection:closed', {
        reason: 'team_changed',
        message: "Your place in this event's team changed. Reload the page to continue.",
      }),
    );
    this.bus.on('session.ended', ({ sessionId, reason }) =>
      this.broadcaster.dismiss(rooms.session(sessionId), 'connection:closed', sessionEnded(reason)),
    );
  }

  private countsChanged(eventId: string): void {
    if (this.closed || this.pendingCounts.has(eventId)) return;
    const send = async () => {
      this.pendingCounts.delete(eventId);
      try {
        this.broadcaster.send(rooms.console(eventId), 'console:connections-changed', await this.connections.stats(eventId));
      } catch {
        // The next swap, round or reconnect brings the counts.
      }
    };
    this.pendingCounts.set(
      eventId,
      setTimeout(() => void send(), CONNECTIONS_WINDOW_MS),
    );
  }

  private async attendeesChanged(eventId: string, changed: Attendee[], online: ReadonlySet<string>): Promise<void> {
    const words = (await this.events.byId(eventId))?.screenBlockedWords ?? [];
    const gone = (status: string) => status === 'removed' || status === 'erased';
    this.broadcaster.send(rooms.console(eventId), 'attendees:changed', {
      upserted: changed.filter((a) => !gone(a.status)).map((a) => toOrganizerAttendee(a, online.has(a.id), words)),
      removed: changed.filter((a) => gone(a.status)).map((a) => a.id),
    });
  }

  private roundsChanged(eventId: string): void {
    if (this.closed) return;
    this.pendingFor(eventId).whole = true;
  }

  private groupChanged(eventId: string, roundId: string, groupId: string): void {
    if (this.closed) return;
    const entry = this.pendingFor(eventId);
    // Groups of another round than the one pending are stale by the time they would go out: send the whole picture.
    if (entry.roundId && entry.roundId !== roundId) entry.whole = true;
    entry.roundId = roundId;
    entry.groups.add(groupId);
  }

  private pendingFor(eventId: string): Pending {
    let entry = this.pending.get(eventId);
    if (!entry) {
      entry = { whole: false, roundId: null, groups: new Set(), timer: setTimeout(() => void this.flush(eventId), CONSOLE_WINDOW_MS) };
      this.pending.set(eventId, entry);
    }
    return entry;
  }

  private async flush(eventId: string): Promise<void> {
    const entry = this.pending.get(eventId);
    this.pending.delete(eventId);
    if (!entry) return;
    try {
      if (entry.whole) {
        this.broadcaster.send(rooms.console(eventId), 'console:rounds-changed', await this.states.consoleState(eventId));
        return;
      }
      for (const group of await this.states.consoleGroups(entry.roundId!, [...entry.groups]))
        this.broadcaster.send(rooms.console(eventId), 'console:group-changed', group);
    } catch {
      // The next change or a reconnect's snapshot brings the console up to date.
    }
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const timer of this.pendingCounts.values()) clearTimeout(timer);
    this.pendingCounts.clear();
  }
}
