import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventLanguage, LogInBody, OrganizerView, SignUpBody } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { ApiError } from '../common/api-error';
import { newToken, tokenHash } from '../common/tokens';
import { Organizer } from './organizer.entity';
import { OrganizersRepository } from './organizers.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { SignupPasses } from './signup-passes';

export const SESSION_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export const toOrganizerView = (o: Organizer): OrganizerView => ({ id: o.id, email: o.email, name: o.name, language: o.language ?? null });

/** A live log-in: who, and the session's id (its token hash), which names its sockets' room. */
export interface OpenSession {
  organizer: Organizer;
  sessionId: string;
}

const signupClosed = () => new ApiError(403, 'signup_closed', 'Sign-up is closed on this server. Ask its administrator for an account.');
const emailTaken = () =>
  new ApiError(409, 'email_taken', 'An account with this email already exists', {
    fields: { email: 'An account with this email already exists' },
  });

@Injectable()
export class OrganizersService {
  constructor(
    private readonly organizers: OrganizersRepository,
    @Inject(CONFIG) private readonly config: Config,
    private readonly bus: DomainEventBus,
    private readonly passes: SignupPasses,
  ) {}

  async signUp(body: SignUpBody): Promise<{ organizer: Organizer; token: string }> {
    // Closed sign-up lets in the very first organizer, and whoever holds an open invite to a team.
    const invited = !this.config.allowSignup && body.invite !== undefined && (await this.passes.admits(body.invite));
    if (!this.config.allowSignup && !invited && (await this.organizers.any())) throw signupClosed();
    if (await this.organizers.emailTaken(body.email)) throw emailTaken();
    const organizer: Organizer = {
      id: randomUUID(),
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      createdAt: Date.now(),
      signupSlot: null,
      language: null,
    };
    if (this.config.allowSignup || invited) {
      if (!(await this.organizers.insert(organizer))) throw emailTaken();
    } else {
      // Sign-up is closed: the organizer gets in only as the very first one.
      if (!(await this.organizers.insertFirst(organizer))) throw signupClosed();
      organizer.signupSlot = 'first';
    }
    return { organizer, token: await this.openSession(organizer.id) };
  }

  async logIn(body: LogInBody): Promise<{ organizer: Organizer; token: string }> {
    const organizer = await this.organizers.byEmail(body.email);
    const ok = await verifyPassword(body.password, organizer?.passwordHash ?? DUMMY_HASH);
    if (!organizer || !ok) throw new ApiError(401, 'bad_credentials', 'Email or password is wrong');
    return { organizer, token: await this.openSession(organizer.id) };
  }

  async setLanguage(organizer: Organizer, language: EventLanguage): Promise<Organizer> {
    await this.organizers.setLanguage(organizer.id, language);
    return { ...organizer, language };
  }

  /** Ends the session and, at once, every socket opened with it on any node. */
  async logOut(token: string): Promise<void> {
    const sessionId = tokenHash(this.config.sessionSecret, token);
    await this.organizers.closeSession(sessionId);
    await this.bus.publish('session.ended', { sessionId, reason: 'logged_out' });
  }

  /** The organizer behind a session cookie, or null when it is unknown or expired. */
  async bySessionToken(token: unknown): Promise<Organizer | null> {
    return (await this.session(token))?.organizer ?? null;
  }

  /** The live session behind a cookie value: only a string of sane length is even looked up. */
  async session(token: unknown): Promise<OpenSession | null> {
    if (typeof token !== 'string' || !token || token.length > 100) return null;
    const sessionId = tokenHash(this.config.sessionSecret, token);
    const organizer = await this.organizers.bySession(sessionId, Date.now());
    return organizer ? { organizer, sessionId } : null;
  }

  /** When a session ends, or null when it is over already (expired or logged out). */
  async sessionEnds(sessionId: string): Promise<number | null> {
    const expiresAt = await this.organizers.sessionExpiresAt(sessionId);
    return expiresAt !== null && expiresAt > Date.now() ? expiresAt : null;
  }

  private async openSession(organizerId: string): Promise<string> {
    const token = newToken();
    const now = Date.now();
    await this.organizers.openSession({
      tokenHash: tokenHash(this.config.sessionSecret, token),
      organizerId,
      createdAt: now,
      expiresAt: now + SESSION_DAYS * DAY,
    });
    return token;
  }
}
