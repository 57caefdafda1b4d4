import { Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { OrganizersService } from '../organizers/organizers.service';
import { sessionEnded } from '../organizers/session-news';

/** The longest delay setTimeout takes (about 24.8 days); a longer session is looked at again then. */
const MAX_DELAY = 2 ** 31 - 1;
const RETRY_MS = 60_000;

/**
 * Closes a console socket when its session ends. Logging out closes it at once through its session
 * room; this catches expiry, and a log-out that raced the handshake (checked once right away).
 */
@Injectable()
export class SessionExpiry {
  private readonly log = new Logger('SessionExpiry');

  constructor(private readonly organizers: OrganizersService) {}

  watch(socket: Socket, sessionId: string): void {
    let timer: NodeJS.Timeout | undefined;
    const check = async (): Promise<void> => {
      if (socket.disconnected) return;
      let endsAt: number | null;
      try {
        endsAt = await this.organizers.sessionEnds(sessionId);
      } catch (error) {
        this.log.warn(`session check failed: ${(error as Error).message}`);
        return schedule(Date.now() + RETRY_MS);
      }
      if (endsAt !== null) return schedule(endsAt);
      socket.emit('connection:closed', sessionEnded('session_expired'));
      socket.disconnect(true);
    };
    const schedule = (at: number): void => {
      if (socket.disconnected) return;
      timer = setTimeout(() => void check(), Math.min(Math.max(at - Date.now(), 0), MAX_DELAY));
    };
    socket.once('disconnect', () => clearTimeout(timer));
    void check();
  }
}
