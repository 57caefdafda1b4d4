import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mingle/shared';
import type { SocketData } from './rooms';

export type MingleServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type News = keyof ServerToClientEvents;

/** How long a cross-node lookup may wait for the other nodes (through Redis). */
export const ONLINE_LOOKUP_MS = 500;

/**
 * How the news mappers (server/src/news) tell clients, without knowing the gateway. Emits reach every node through
 * the socket.io adapter (Redis in production).
 */
@Injectable()
export class Broadcaster implements OnModuleDestroy {
  private server: MingleServer | null = null;
  private readonly log = new Logger('Broadcaster');

  attach(server: MingleServer): void {
    this.server = server;
  }

  /**
   * Never throws: news that cannot go out (shutting down, Redis away) is logged, not fatal. Several
   * rooms get one message, encoded once.
   */
  send<E extends News>(room: string | string[], event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    try {
      this.server?.to(room).emit(event, ...args);
    } catch (error) {
      this.log.warn(`could not send ${event} to ${room}: ${(error as Error).message}`);
    }
  }

  /** Tells a room why, then drops its sockets on every node. */
  async dismiss<E extends News>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): Promise<void> {
    this.send(room, event, ...args);
    // Let the goodbye leave before the close frame.
    await new Promise((r) => setTimeout(r, 50));
    try {
      this.server?.in(room).disconnectSockets(true);
    } catch (error) {
      this.log.warn(`could not disconnect ${room}: ${(error as Error).message}`);
    }
  }

  /** News raised while the app shuts down (timers, in-flight work) goes nowhere instead of failing. */
  onModuleDestroy(): void {
    this.server = null;
  }

  /** Attendee ids with a live socket on this node only. */
  localAttendees(): string[] {
    const ids = new Set<string>();
    for (const s of this.server?.of('/').sockets.values() ?? []) if (s.data?.role === 'attendee') ids.add(s.data.attendeeId);
    return [...ids];
  }

  /**
   * Attendee ids with at least one live socket in the room, across every node. Never waits on Redis
   * for long: past ONLINE_LOOKUP_MS (Redis away or slow) it answers with this node's own sockets.
   */
  async onlineIn(room: string): Promise<Set<string>> {
    const online = new Set<string>();
    if (!this.server) return online;
    const server = this.server;
    const everywhere = server.in(room).fetchSockets();
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ONLINE_LOOKUP_MS).unref());
    const sockets = await Promise.race([everywhere, late]).catch(() => server.local.in(room).fetchSockets());
    for (const s of sockets) if (s.data.role === 'attendee') online.add(s.data.attendeeId);
    return online;
  }
}
