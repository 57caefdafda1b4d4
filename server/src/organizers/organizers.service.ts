import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, QueryFailedError } from 'typeorm';
import type { LogInBody, OrganizerView, SignUpBody } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { ApiError } from '../common/api-error';
import { newToken, tokenHash } from '../common/tokens';
import { Organizer } from './organizer.entity';
import { Session } from './session.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { DomainEventBus } from '../outbox/domain-event-bus';

export const SESSION_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export const toOrganizerView = (o: Organizer): OrganizerView => ({ id: o.id, email: o.email, name: o.name });

/** A live log-in: who, and the session's id (its token hash), which names its sockets' room. */
export interface OpenSession {
  organizer: Organizer;
  sessionId: string;
}

const signupClosed = () => new ApiError(403, 'signup_closed', 'Sign-up is closed on this server. Ask its administrator for an account.');
const emailTaken = () =>
  new ApiError(409, 'email_taken', 'An account with this email already exists', { email: 'An account with this email already exists' });

@Injectable()
export class OrganizersService {
  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly bus: DomainEventBus,
  ) {}

  async signUp(body: SignUpBody): Promise<{ organizer: Organizer; token: string }> {
    const organizers = this.db.getRepository(Organizer);
    if (!this.config.allowSignup && (await organizers.count()) > 0) throw signupClosed();
    if (await organizers.existsBy({ email: body.email })) throw emailTaken();
    const organizer = organizers.create({
      id: randomUUID(),
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      createdAt: Date.now(),
      signupSlot: null,
    });
    if (this.config.allowSignup) {
      try {
        await organizers.insert(organizer);
      } catch {
        throw emailTaken();
      }
    } else {
      await this.insertFirst(organizer);
    }
    return { organizer, token: await this.openSession(organizer.id) };
  }

  /**
   * Sign-up is closed: the organizer gets in only as the very first one, decided by the database in
   * one statement. SQLite runs it alone; on PostgreSQL racing inserts all see an empty table, but
   * only one can hold the unique signup slot 'first' and the others fail on it.
   */
  private async insertFirst(organizer: Organizer): Promise<void> {
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `INSERT INTO organizers (id, email, name, password_hash, created_at, signup_slot)
       SELECT :id, :email, :name, :passwordHash, CAST(:createdAt AS bigint), 'first'
       WHERE NOT EXISTS (SELECT 1 FROM organizers)
       RETURNING id`,
      { ...organizer },
    );
    let inserted: unknown[];
    try {
      inserted = await this.db.query(sql, params);
    } catch (error) {
      if (error instanceof QueryFailedError) throw signupClosed();
      throw error;
    }
    if (!inserted.length) throw signupClosed();
    organizer.signupSlot = 'first';
  }

  async logIn(body: LogInBody): Promise<{ organizer: Organizer; token: string }> {
    const organizer = await this.db.getRepository(Organizer).findOneBy({ email: body.email });
    const ok = await verifyPassword(body.password, organizer?.passwordHash ?? DUMMY_HASH);
    if (!organizer || !ok) throw new ApiError(401, 'bad_credentials', 'Email or password is wrong');
    return { organizer, token: await this.openSession(organizer.id) };
  }

  /** Ends the session and, at once, every socket opened with it on any node. */
  async logOut(token: string): Promise<void> {
    const sessionId = tokenHash(this.config.sessionSecret, token);
    await this.db.getRepository(Session).delete({ tokenHash: sessionId });
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
    const session = await this.db.getRepository(Session).findOneBy({ tokenHash: sessionId });
    if (!session || session.expiresAt <= Date.now()) return null;
    const organizer = await this.db.getRepository(Organizer).findOneBy({ id: session.organizerId });
    return organizer ? { organizer, sessionId } : null;
  }

  /** When a session ends, or null when it is over already (expired or logged out). */
  async sessionEnds(sessionId: string): Promise<number | null> {
    const session = await this.db.getRepository(Session).findOneBy({ tokenHash: sessionId });
    return session && session.expiresAt > Date.now() ? session.expiresAt : null;
  }

  private async openSession(organizerId: string): Promise<string> {
    const token = newToken();
    const now = Date.now();
    const sessions = this.db.getRepository(Session);
    await sessions.delete({ organizerId, expiresAt: LessThan(now) });
    await sessions.insert({
      tokenHash: tokenHash(this.config.sessionSecret, token),
      organizerId,
      createdAt: now,
      expiresAt: now + SESSION_DAYS * DAY,
    });
    return token;
  }
}
