import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { RoomCounts } from '@mingle/shared';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';

/**
 * Phones show two counts in the lobby; a join storm need not move them four times a second to
 * every phone (that traffic grows with the square of the room). One update per window, the latest.
 */
export const PHONE_COUNTS_WINDOW_MS = 2000;
/** Past this many online, the window grows with the room: each update costs a frame per phone. */
export const PHONES_PER_WINDOW = 1000;

/** 2 s up to 1,000 phones online, 10 s at 5,000: the updates cost the server the same per second however big the room. */
export const phoneCountsWindowMs = (online: number) => PHONE_COUNTS_WINDOW_MS * Math.max(1, Math.ceil(online / PHONES_PER_WINDOW));

@Injectable()
export class PhoneCounts implements OnModuleDestroy {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; latest: RoomCounts | null }>();
  /** closing: news still raised (a start's news drained on close) arms no timer */
  private closed = false;

  constructor(private readonly broadcaster: Broadcaster) {}

  tell(eventId: string, { joined, online }: RoomCounts): void {
    if (this.closed) return;
    const entry = this.pending.get(eventId);
    if (entry) {
      entry.latest = { joined, online };
      return;
    }
    this.broadcaster.send(rooms.attendees(eventId), 'counts:changed', { joined, online });
    this.pending.set(eventId, { timer: setTimeout(() => this.flush(eventId), phoneCountsWindowMs(online)), latest: null });
  }

  private flush(eventId: string): void {
    const latest = this.pending.get(eventId)?.latest;
    this.pending.delete(eventId);
    if (latest) this.tell(eventId, latest);
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
