import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Presence } from '@mingle/shared';
import { Broadcaster } from '../broadcast/broadcaster';
import { DomainEventBus } from '../outbox/domain-event-bus';
import type { MingleEvent } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { AttendeesRepository } from './attendees.repository';
import { SEEN_REFRESH_MS } from './presence-rule';

/** Bursts are coalesced: at most one presence update per event per window, however many joins. */
export const PRESENCE_WINDOW_MS = 250;

/** A snapshot may reuse presence this fresh: a burst of connections does not recount the room each time. */
const SNAPSHOT_PRESENCE_MAX_AGE_MS = PRESENCE_WINDOW_MS;

/** Presence as counted at `at`, with who was online then. */
interface Counted {
  at: number;
  presence: Presence;
  online: Set<string>;
}

interface Pending {
  attendeeIds: Set<string>;
  timer: NodeJS.Timeout;
}

@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly pending = new Map<string, Pending>();
  private readonly recent = new Map<string, Counted>();
  /** the count under way for a snapshot, per event */
  private readonly counting = new Map<string, Promise<Counted>>();
  private readonly log = new Logger('Presence');
  private seenTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly events: EventsRepository,
    private readonly broadcaster: Broadcaster,
    private readonly bus: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.seenTimer = setInterval(() => void this.refreshSeen(), SEEN_REFRESH_MS);
    this.seenTimer.unref();
  }

  /**
   * Keeps last_seen_at fresh for everyone connected to this node, so it stays right even when a
   * node dies without recording its disconnects: one write a minute, not one per socket.
   */
  async refreshSeen(): Promise<void> {
    try {
      await this.attendees.markSeen(this.broadcaster.localAttendees(), Date.now());
    } catch (error) {
      this.log.warn(`refreshing last seen failed: ${(error as Error).message}`);
    }
  }

  /** Something about who is here changed; the console also gets the named attendees' rows. */
  changed(eventId: string, ...attendeeIds: string[]): void {
    // closing: work drained on close arms no timer
    if (this.closed) return;
    let entry = this.pending.get(eventId);
    if (!entry) {
      entry = { attendeeIds: new Set(), timer: setTimeout(() => void this.flush(eventId), PRESENCE_WINDOW_MS) };
      this.pending.set(eventId, entry);
    }
    for (const id of attendeeIds) entry.attendeeIds.add(id);
  }

  /**
   * Presence and who is online, for a snapshot. Within one coalescing window the last count is
   * reused; any change since is followed by a presence:changed after the snapshot anyway.
   */
  async forSnapshot(event: Pick<MingleEvent, 'id' | 'interests'>): Promise<Counted> {
    const hit = this.recent.get(event.id);
    if (hit && Date.now() - hit.at < SNAPSHOT_PRESENCE_MAX_AGE_MS) return hit;
    // Snapshots that come while the room is being counted wait for that count: when a node dies and its
    // 5,000 phones reconnect here at once, each recounting 10,000 people itself buried the survivor.
    let counting = this.counting.get(event.id);
    if (!counting) {
      counting = this.recount(event).finally(() => this.counting.delete(event.id));
      this.counting.set(event.id, counting);
    }
    return counting;
  }

  private async recount(event: Pick<MingleEvent, 'id' | 'interests'>): Promise<Counted> {
    const online = this.broadcaster.onlineIn(event.id);
    const fresh = { at: Date.now(), presence: await this.presence(event.id, event.interests, online), online };
    this.recent.set(event.id, fresh);
    return fresh;
  }

  /** Who is here and online, and how many picked each of the event's interest tags. */
  private async presence(eventId: string, tags: string[], online: Set<string>): Promise<Presence> {
    const attendees = await this.attendees.counted(eventId);
    const counts = new Map(tags.map((t) => [t, 0]));
    for (const a of attendees) for (const t of a.interests) if (counts.has(t)) counts.set(t, counts.get(t)! + 1);
    return {
      joined: attendees.length,
      online: attendees.filter((a) => online.has(a.id)).length,
      interests: [...counts].map(([tag, count]) => ({ tag, count })),
    };
  }

  private async flush(eventId: string): Promise<void> {
    const entry = this.pending.get(eventId);
    this.pending.delete(eventId);
    if (!entry) return;
    try {
      const online = this.broadcaster.onlineIn(eventId);
      const event = await this.events.byId(eventId);
      const presence = await this.presence(eventId, event?.interests ?? [], online);
      this.recent.set(eventId, { at: Date.now(), presence, online });
      const changed = entry.attendeeIds.size ? await this.attendees.byIds([...entry.attendeeIds]) : [];
      await this.bus.publish('presence.counted', { eventId, presence, online, changed });
    } catch (error) {
      this.log.warn(`presence update for ${eventId} failed: ${(error as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.closed = true;
    if (this.seenTimer) clearInterval(this.seenTimer);
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.recent.clear();
  }
}
