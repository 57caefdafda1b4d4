import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mingle/shared';
import type { SocketData } from './rooms';
import { OnlinePeople, type InterNodeEvents } from './online-people';

type News = keyof ServerToClientEvents;
/** One piece of news of many: the rooms it goes to, and what they hear. */
type Piece<E extends News> = [rooms: string | string[], news: Parameters<ServerToClientEvents[E]>[0]];
/** News for the rest of a room: its sockets in none of the pieces' rooms. */
export interface Rest<E extends News = News> {
  room: string;
  event: E;
  news: Parameters<ServerToClientEvents[E]>[0];
}

/** What nodes tell each other: who is online, and many pieces of news that each node sends to its own sockets. */
export interface NodeEvents extends InterNodeEvents {
  'news:many': (event: News, pieces: Array<Piece<News>>, rest: Rest | null) => void;
}
export type MingleServer = Server<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;

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
    if (!this.shared) return;
    this.online.share(server, this.shared);
    server.on('news:many', (event, pieces, rest) => this.sendHere(event, pieces, rest));
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

  /**
   * Many pieces of news at once, each to its own rooms (a round's groups): every node sends them to its
   * own sockets. The other nodes get them all in one message, which leaves before this node's own sends
   * begin (Redis writes go out when this node next yields), so every node's phones hear at once; sent
   * one by one, thousands of broadcasts reached the other nodes only after this node had sent all of its
   * own. Then `rest`, if given, goes to the sockets of its room that are in none of the pieces' rooms.
   * Never throws, like `send`.
   */
  async sendMany<E extends News>(event: E, pieces: Array<Piece<E>>, rest: Rest | null = null): Promise<void> {
    if (this.shared && this.server) {
      try {
        this.server.serverSideEmit('news:many', event, pieces, rest);
      } catch (error) {
        this.log.warn(`could not send ${event} to the other nodes: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.sendHere(event, pieces, rest);
  }

  /** Sends each piece, then the rest, to this node's own sockets in their rooms. */
  private sendHere(event: News, pieces: Array<Piece<News>>, rest: Rest | null): void {
    for (const [room, news] of pieces)
      try {
        (this.server?.local.to(room).emit as (event: News, news: unknown) => boolean)(event, news);
      } catch (error) {
        this.log.warn(`could not send ${event} to ${room}: ${(error as Error).message}`);
      }
    if (!rest) return;
    try {
      const told = pieces.flatMap(([room]) => room);
      (this.server?.local.to(rest.room).except(told).emit as (event: News, news: unknown) => boolean)(rest.event, rest.news);
    } catch (error) {
      this.log.warn(`could not send ${rest.event} to ${rest.room}: ${(error as Error).message}`);
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
