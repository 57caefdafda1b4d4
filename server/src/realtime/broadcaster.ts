import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@mingle/shared';
import type { SocketData } from './rooms';

export type MingleServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type News = keyof ServerToClientEvents;

/**
 * How services tell clients the news without knowing the gateway. Emits reach every node through
 * the socket.io adapter (Redis in production).
 */
@Injectable()
export class Broadcaster {
  private server: MingleServer | null = null;

  attach(server: MingleServer): void {
    this.server = server;
  }

  send<E extends News>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    this.server?.to(room).emit(event, ...args);
  }

  /** Tells a room why, then drops its sockets on every node. */
  async dismiss<E extends News>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): Promise<void> {
    if (!this.server) return;
    this.server.to(room).emit(event, ...args);
    // Let the goodbye leave before the close frame.
    await new Promise((r) => setTimeout(r, 50));
    this.server.in(room).disconnectSockets(true);
  }

  /** Attendee ids with at least one live socket in the room, across every node. */
  async onlineIn(room: string): Promise<Set<string>> {
    const online = new Set<string>();
    if (!this.server) return online;
    for (const s of await this.server.in(room).fetchSockets()) if (s.data.role === 'attendee') online.add(s.data.attendeeId);
    return online;
  }
}
