import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import type { LogInBody, OrganizerView, SignUpBody } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { ApiError } from '../common/api-error';
import { newToken, tokenHash } from '../common/tokens';
import { Organizer } from './organizer.entity';
import { Session } from './session.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export const SESSION_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export const toOrganizerView = (o: Organizer): OrganizerView => ({ id: o.id, email: o.email, name: o.name });

@Injectable()
export class OrganizersService {
  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async signUp(body: SignUpBody): Promise<{ organizer: Organizer; token: string }> {
    const organizers = this.db.getRepository(Organizer);
    if (!this.config.allowSignup && (await organizers.count()) > 0)
      throw new ApiError(403, 'signup_closed', 'Sign-up is closed on this server. Ask its administrator for an account.');
    if (await organizers.existsBy({ email: body.email }))
      throw new ApiError(409, 'email_taken', 'An account with this email already exists', { email: 'An account with this email already exists' });
    const organizer = organizers.create({
      id: randomUUID(),
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      createdAt: Date.now(),
    });
    try {
      await organizers.insert(organizer);
    } catch {
      throw new ApiError(409, 'email_taken', 'An account with this email already exists', { email: 'An account with this email already exists' });
    }
    return { organizer, token: await this.openSession(organizer.id) };
  }

  async logIn(body: LogInBody): Promise<{ organizer: Organizer; token: string }> {
    const organizer = await this.db.getRepository(Organizer).findOneBy({ email: body.email });
    const ok = await verifyPassword(body.password, organizer?.passwordHash ?? DUMMY_HASH);
    if (!organizer || !ok) throw new ApiError(401, 'bad_credentials', 'Email or password is wrong');
    return { organizer, token: await this.openSession(organizer.id) };
  }

  async logOut(token: string): Promise<void> {
    await this.db.getRepository(Session).delete({ tokenHash: tokenHash(this.config.sessionSecret, token) });
  }

  /** The organizer behind a session cookie, or null when it is unknown or expired. */
  async bySessionToken(token: string | undefined): Promise<Organizer | null> {
    if (!token || token.length > 100) return null;
    const session = await this.db.getRepository(Session).findOneBy({ tokenHash: tokenHash(this.config.sessionSecret, token) });
    if (!session || session.expiresAt < Date.now()) return null;
    return this.db.getRepository(Organizer).findOneBy({ id: session.organizerId });
  }

  private async openSession(organizerId: string): Promise<string> {
    const token = newToken();
    const now = Date.now();
    const sessions = this.db.getRepository(Session);
    await sessions.delete({ organizerId, expiresAt: LessThan(now) });
    await sessions.insert({ tokenHash: tokenHash(this.config.sessionSecret, token), organizerId, createdAt: now, expiresAt: now + SESSION_DAYS * DAY });
    return token;
  }
}
