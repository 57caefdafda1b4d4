import type { ConnectionClosed } from '@mingle/shared';

export const SESSION_ENDED_MESSAGES: Record<'logged_out' | 'session_expired', string> = {
  logged_out: 'You logged out. Log in again to see this event live.',
  session_expired: 'Your session expired. Log in again to see this event live.',
};

export const sessionEnded = (reason: 'logged_out' | 'session_expired'): ConnectionClosed => ({
  reason,
  message: SESSION_ENDED_MESSAGES[reason],
});
