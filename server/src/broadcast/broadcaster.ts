import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mingle/shared';
import type { SocketData } from './rooms';
import { OnlinePeople, type InterNodeEvents } from './online-people';

export type MingleServer = Server<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, SocketData>;
type News = keyof ServerToClientEvents;

/**
 * How the news mappers (server/src/news) tell clients, without knowing the gateway. Emits reach every node through
 * the socket.io adapter (Redis in production).
 */
@Injectable()
export class Broadcaster implements OnModuleDestroy {
  private server: MingleServer | null = null;
  private readonly log = new Logger('Broadcaster');
  /** who is online, on every node (the gateway counts this node's sockets) */
  readonly online = new OnlinePeople();
  private shared: (() => boolean) | null = null;

  attach(server: MingleServer): void {
    this.server = server;
    if (this.shared) this.online.share(server, this.shared);
  }

  /** Several nodes (Redis): who is online is shared with them while `up()` says Redis takes messages. */
  shareOnline(up: () => boolean): void {
    this.shared = up;
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
    this.online.close();
    this.server = null;
  }

  /** Attendee ids with a live socket on this node only. */
  localAttendees(): string[] {
    return this.online.here();
  }

  /** Attendee ids of the event with at least one live socket, on any node; answered from memory. */
  onlineIn(eventId: string): Set<string> {
    return this.online.in(eventId);
  }
}
