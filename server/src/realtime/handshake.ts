import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { handshakeAuth, type HandshakeRefusal } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { ApiError } from '../common/api-error';
import { isServiceUnavailable } from '../database/unavailable';
import { AttendeesService } from '../attendees/attendees.service';
import { EventsRepository } from '../events/events.repository';
import { OrganizersService } from '../organizers/organizers.service';
import { TeamService } from '../events/team.service';
import { SESSION_COOKIE } from '../organizers/session.cookie';
import { HandshakeLimit } from './handshake-limit';
import type { SocketData } from '../broadcast/rooms';
import type { Attendee } from '../attendees/attendee.entity';

/** Who a socket is; for an attendee, also their row as just read (the snapshot need not read it again). */
export interface Identified {
  who: SocketData;
  attendee: Attendee | null;
}

export class Refused extends Error {
  constructor(readonly refusal: HandshakeRefusal) {
    super(refusal.code);
  }
}

interface Handshake {
  auth: unknown;
  address: string;
  headers: { cookie?: string; origin?: string; host?: string; 'x-forwarded-for'?: string | string[] };
}

/** Decides who a socket is: exactly one role, or a refusal with a reason and no event data. */
@Injectable()
export class HandshakeAuthenticator {
  constructor(
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesService,
    private readonly organizers: OrganizersService,
    private readonly team: TeamService,
    private readonly limit: HandshakeLimit,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A database outage is a retryable refusal: the client tries again by itself, it is not logged out. */
  async authenticate(handshake: Handshake): Promise<Identified> {
    const overLimit = await this.limit.admit(handshake);
    if (overLimit) throw new Refused(overLimit);
    try {
      return await this.identify(handshake);
    } catch (error) {
      if (isServiceUnavailable(error))
        throw new Refused({ code: 'unavailable', message: 'The server cannot reach its database. Reconnecting…' });
      throw error;
    }
  }

  private async identify(handshake: Handshake): Promise<Identified> {
    const parsed = handshakeAuth.safeParse(handshake.auth);
    if (!parsed.success)
      throw new Refused({ code: 'bad_request', message: 'Say who you are: attendee token, organizer event, or screen key' });
    const auth = parsed.data;

    if (auth.role === 'attendee') {
      try {
        const attendee = await this.attendees.byToken(auth.token);
        return { who: { role: 'attendee', eventId: attendee.eventId, attendeeId: attendee.id }, attendee };
      } catch (error) {
        if (error instanceof ApiError && error.getStatus() === 403) throw new Refused({ code: 'removed', message: error.message });
        if (isServiceUnavailable(error)) throw error;
        throw new Refused({ code: 'unauthorized', message: 'This join link is no longer valid', params: { variant: 'joinLink' } });
      }
    }

    const event = await this.events.byId(auth.eventId);
    if (auth.role === 'screen') {
      if (!event || !sameSecret(event.screenKey, auth.key))
        throw new Refused({
          code: 'unauthorized',
          message: 'This screen link is not valid (it may have been replaced)',
          params: { variant: 'screenLink' },
        });
      return { who: { role: 'screen', eventId: event.id }, attendee: null };
    }

    // Organizer: the session cookie, from our own origin only (no cross-site socket hijacking).
    if (!this.fromUs(handshake.headers))
      throw new Refused({ code: 'unauthorized', message: 'Cross-site connection refused', params: { variant: 'crossSite' } });
    const session = await this.organizers.session(readCookie(handshake.headers.cookie, SESSION_COOKIE));
    if (!session) throw new Refused({ code: 'unauthorized', message: 'Log in to continue' });
    // Any member of the event's team watches its live page; what they may change is decided per HTTP route.
    const member = event ? await this.team.roleIn(session.organizer.id, event.id) : null;
    if (!event || !member) throw new Refused({ code: 'not_found', message: 'Event not found', params: { variant: 'event' } });
    return {
      who: { role: 'organizer', eventId: event.id, organizerId: session.organizer.id, sessionId: session.sessionId, teamRole: member.role },
      attendee: null,
    };
  }

  private fromUs(headers: Handshake['headers']): boolean {
    const origin = headers.origin;
    if (!origin) return true;
    try {
      return origin === new URL(this.config.publicUrl).origin || new URL(origin).host === headers.host;
    } catch {
      return false;
    }
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
