import { Injectable } from '@nestjs/common';
import type { ConnectionClosed } from '@mingle/shared';
import { Broadcaster } from '../broadcast/broadcaster';
import { rooms } from '../broadcast/rooms';

export const SESSION_ENDED_MESSAGES: Record<'logged_out' | 'session_expired', string> = {
  logged_out: 'You logged out. Log in again to see this event live.',
  session_expired: 'Your session expired. Log in again to see this event live.',
};

export const sessionEnded = (reason: 'logged_out' | 'session_expired'): ConnectionClosed => ({
  reason,
  message: SESSION_ENDED_MESSAGES[reason],
});

/** Closes every socket opened with a session, on every node, saying why. */
@Injectable()
export class SessionNews {
  constructor(private readonly broadcaster: Broadcaster) {}

  ended(sessionId: string, reason: 'logged_out' | 'session_expired'): Promise<void> {
    return this.broadcaster.dismiss(rooms.session(sessionId), 'connection:closed', sessionEnded(reason));
  }
}
