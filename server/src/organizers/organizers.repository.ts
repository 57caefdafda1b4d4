import { Injectable } from '@nestjs/common';
import { LessThan, QueryFailedError } from 'typeorm';
import type { EventLanguage } from '@mingle/shared';
import { Store } from '../database/store';
import { Organizer } from './organizer.entity';
import { Session } from './session.entity';

/** Every query of the organizers and sessions tables. */
@Injectable()
export class OrganizersRepository {
  constructor(private readonly store: Store) {}

  private get organizers() {
    return this.store.table(Organizer);
  }

  private get sessions() {
    return this.store.table(Session);
  }

  async any(): Promise<boolean> {
    return (await this.organizers.count()) > 0;
  }

  emailTaken(email: string): Promise<boolean> {
    return this.organizers.existsBy({ email });
  }

  byId(id: string): Promise<Organizer | null> {
    return this.organizers.findOneBy({ id });
  }

  async setLanguage(id: string, language: EventLanguage): Promise<void> {
    await this.organizers.update({ id }, { language });
  }

  byEmail(email: string): Promise<Organizer | null> {
    return this.organizers.findOneBy({ email });
  }

  /** False when the row clashed with an existing one (the email is taken). */
  async insert(organizer: Organizer): Promise<boolean> {
    try {
      await this.organizers.insert(organizer);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Inserts the organizer only while there is none, decided by the database in one statement. SQLite
   * runs it alone; on PostgreSQL racing inserts all see an empty table, but only one can hold the
   * unique signup slot 'first' and the others fail on it. False when this one did not get in.
   */
  async insertFirst(organizer: Organizer): Promise<boolean> {
    const [sql, params] = this.store.manager.connection.driver.escapeQueryWithParameters(
      `INSERT INTO organizers (id, email, name, password_hash, created_at, signup_slot)
       SELECT :id, :email, :name, :passwordHash, CAST(:createdAt AS bigint), 'first'
       WHERE NOT EXISTS (SELECT 1 FROM organizers)
       RETURNING id`,
      { ...organizer },
    );
    try {
      const inserted: unknown[] = await this.store.manager.query(sql, params);
      return inserted.length > 0;
    } catch (error) {
      if (error instanceof QueryFailedError) return false;
      throw error;
    }
  }

  /** The organizer of a live (unexpired) session, in one query. */
  bySession(sessionId: string, now: number): Promise<Organizer | null> {
    return this.organizers
      .createQueryBuilder('o')
      .innerJoin(Session, 's', 's.organizer_id = o.id')
      .where('s.token_hash = :sessionId AND s.expires_at > :now', { sessionId, now })
      .getOne();
  }

  async sessionExpiresAt(sessionId: string): Promise<number | null> {
    return (await this.sessions.findOneBy({ tokenHash: sessionId }))?.expiresAt ?? null;
  }

  /** A new session; the organizer's expired ones are cleared on the way. */
  async openSession(session: Session): Promise<void> {
    await this.sessions.delete({ organizerId: session.organizerId, expiresAt: LessThan(session.createdAt) });
    await this.sessions.insert(session);
  }

  async closeSession(sessionId: string): Promise<void> {
    await this.sessions.delete({ tokenHash: sessionId });
  }
}
