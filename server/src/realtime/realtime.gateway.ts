import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  arriveBody,
  clockSyncBody,
  MAX_SOCKET_PAYLOAD,
  SOCKET_PATH,
  type Ack,
  type ClientToServerEvents,
  type MyGroup,
  type ServerToClientEvents,
} from '@mingle/shared';
import { AttendeesService } from '../attendees/attendees.service';
import type { Attendee } from '../attendees/attendee.entity';
import { ApiError } from '../common/api-error';
import { RoundsService } from '../mixer/rounds/rounds.service';
import { PresenceService } from '../attendees/presence.service';
import { Broadcaster, type MingleServer, type NodeEvents } from '../broadcast/broadcaster';
import { HandshakeAuthenticator, Refused } from './handshake';
import { rooms, type SocketData } from '../broadcast/rooms';
import { ConnectionGate } from './connection-gate';
import { SessionExpiry } from './session-expiry';
import { Snapshots } from './snapshots';

/** Enough to keep a node's database busy; a burst of reconnections beyond it waits in line. */
const CONNECTIONS_AT_ONCE = 32;
/** A client that gave up while its handshake waited: nothing is checked for it. */
const gone = () => new Refused({ code: 'unavailable', message: 'Reconnecting…' });

type MingleSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeEvents, SocketData>;

/**
 * Thin on purpose: authenticate the handshake, put the socket in its rooms, send the snapshot.
 * Commands go over HTTP; news goes out through the news mappers (server/src/news).
 */
@WebSocketGateway({
  path: SOCKET_PATH,
  transports: ['websocket', 'polling'],
  maxHttpBufferSize: MAX_SOCKET_PAYLOAD,
  pingInterval: 10_000,
  pingTimeout: 8_000,
  cors: false,
})
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly log = new Logger('Realtime');
  /** an attendee's row as the handshake read it, until their snapshot is sent */
  private readonly handshakeRows = new WeakMap<object, Attendee>();
  /** connections checked and given their snapshot at a time (see ConnectionGate) */
  private readonly gate = new ConnectionGate(CONNECTIONS_AT_ONCE);

  constructor(
    private readonly authenticator: HandshakeAuthenticator,
    private readonly snapshots: Snapshots,
    private readonly broadcaster: Broadcaster,
    private readonly presence: PresenceService,
    private readonly attendees: AttendeesService,
    private readonly rounds: RoundsService,
    private readonly sessionExpiry: SessionExpiry,
  ) {}

  afterInit(server: MingleServer): void {
    this.broadcaster.attach(server);
    server.use((socket, next) => {
      this.gate
        .through(() => (socket.conn.readyState === 'open' ? this.authenticator.authenticate(socket.handshake) : Promise.reject(gone())))
        .then(
          ({ who, attendee }) => {
            socket.data = who;
            if (attendee) this.handshakeRows.set(socket, attendee);
            next();
          },
          (error: unknown) => {
            // An unexpected failure is no verdict on who this is: the client may try again.
            const refusal =
              error instanceof Refused
                ? error.refusal
                : { code: 'unavailable' as const, message: 'Could not check who you are. Reconnecting…' };
            if (!(error instanceof Refused)) this.log.warn(`handshake failed: ${(error as Error).message}`);
            next(Object.assign(new Error(refusal.code), { data: refusal }));
          },
        );
    });
  }

  async handleConnection(socket: MingleSocket): Promise<void> {
    const who = socket.data;
    if (!who?.role) return;
    // Who this is was decided at the handshake; neither the first HTTP request (with its socket and
    // parser) nor its headers need to live as long as the connection: at 5,000 phones that is memory
    // per phone for nothing (socket.io's own memory advice).
    (socket.conn as { request: unknown }).request = null;
    socket.handshake.headers = {};
    socket.handshake.query = {};
    // counted at once, so a socket that closes while its snapshot is read is uncounted once
    if (who.role === 'attendee') this.broadcaster.online.opened(who.eventId, who.attendeeId);
    const row = this.handshakeRows.get(socket);
    this.handshakeRows.delete(socket);
    try {
      await this.gate.through(async () => {
        // gone while waiting: its disconnect was handled already
        if (!socket.connected) return;
        await socket.join(this.roomsOf(who));
        if (who.role === 'organizer') this.sessionExpiry.watch(socket, who.sessionId);
        socket.emit('snapshot', await this.snapshots.for(who, row));
        if (who.role === 'attendee') {
          await this.attendees.connected(who.eventId, who.attendeeId, row ? row.connectedAt !== null : undefined);
          this.presence.changed(who.eventId, who.attendeeId);
        }
      });
    } catch (error) {
      this.log.warn(`snapshot failed: ${(error as Error).message}`);
      // Closing the transport (not the socket) lets the client reconnect by itself for a fresh try.
      socket.conn.close();
    }
  }

  async handleDisconnect(socket: MingleSocket): Promise<void> {
    const who = socket.data;
    if (who?.role !== 'attendee') return;
    this.broadcaster.online.closed(who.eventId, who.attendeeId);
    try {
      await this.attendees.seen([who.attendeeId]);
    } catch {
      // The database may be gone during shutdown; presence catches up on the next change.
    }
    this.presence.changed(who.eventId, who.attendeeId);
  }

  /** Lets a client learn its clock offset, so every device shows the same countdown. */
  @SubscribeMessage('clock:sync')
  clockSync(@MessageBody() body: unknown): Ack<{ clientTime: number; serverTime: number }> {
    const parsed = clockSyncBody.safeParse(body);
    if (!parsed.success) return { error: { code: 'invalid_request', message: 'clock:sync needs { clientTime: number }' } };
    return { data: { clientTime: parsed.data.clientTime, serverTime: Date.now() } };
  }

  /** "I'm here" at the spot: the group and the console see the arrival. */
  @SubscribeMessage('group:arrive')
  async arrive(@ConnectedSocket() socket: MingleSocket, @MessageBody() body: unknown): Promise<Ack<MyGroup>> {
    const who = socket.data;
    if (who?.role !== 'attendee') return { error: { code: 'forbidden', message: 'Only attendees arrive at a spot' } };
    const parsed = arriveBody.safeParse(body);
    if (!parsed.success) return { error: { code: 'invalid_request', message: 'group:arrive needs { groupId }' } };
    try {
      return { data: await this.rounds.arrive(who.attendeeId, parsed.data.groupId) };
    } catch (error) {
      if (error instanceof ApiError)
        return { error: { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) } };
      this.log.warn(`arrive failed: ${(error as Error).message}`);
      return { error: { code: 'internal', message: 'Something went wrong on our side' } };
    }
  }

  private roomsOf(who: SocketData): string[] {
    const all = [rooms.event(who.eventId)];
    if (who.role === 'attendee') return [...all, rooms.attendees(who.eventId), rooms.attendee(who.attendeeId)];
    if (who.role === 'organizer') {
      const keys = who.teamRole === 'viewer' ? rooms.consoleViewers(who.eventId) : rooms.consoleKeys(who.eventId);
      return [...all, rooms.console(who.eventId), keys, rooms.session(who.sessionId), rooms.member(who.eventId, who.organizerId)];
    }
    return [...all, rooms.screen(who.eventId)];
  }
}
