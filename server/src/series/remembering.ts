import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EarlierMatch, Remembered } from '@mingle/shared';
import { CONFIG, type Config } from '../config/config';
import { newToken, tokenHash } from '../common/tokens';
import { Transactions } from '../database/store';
import type { Attendee } from '../attendees/attendee.entity';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { EventsRepository } from '../events/events.repository';
import { ConnectionsRepository } from '../connections/connections.repository';
import { sharedCard } from '../connections/connection.views';
import { SeriesRepository } from './series.repository';
import { unknownSeries } from './series.service';

/** Emails compare without case, outer spaces or Unicode look-alike forms. */
export const normalEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

/**
 * The attendee's side: "Remember me for this series". A phone that ticks it gets a series token (only
 * its keyed hash is stored); with an email, also a keyed hash of it, so a new phone is recognised.
 * Recognition by email only keeps people apart and counts them as returning: earlier contacts are shown
 * only to the phone holding the token, so typing someone's email reveals nothing of theirs.
 */
@Injectable()
export class Remembering {
  constructor(
    private readonly series: SeriesRepository,
    private readonly attendees: AttendeesRepository,
    private readonly events: EventsRepository,
    private readonly connections: ConnectionsRepository,
    private readonly transactions: Transactions,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private hash(kind: 'token' | 'email', seriesId: string, value: string): string {
    return tokenHash(this.config.sessionSecret, `series-${kind}:${seriesId}:${value}`);
  }

  async remember(me: Attendee, body: { token?: string; email?: string }): Promise<Remembered> {
    const series = await this.series.seriesOfEvent(me.eventId);
    if (!series) throw unknownSeries();
    const emailHash = body.email ? this.hash('email', series.id, normalEmail(body.email)) : null;
    return this.transactions.run(async () => {
      const kept = body.token ? await this.series.personByToken(series.id, this.hash('token', series.id, body.token)) : null;
      if (kept) {
        if (emailHash && !kept.emailHash) await this.series.setEmail(kept.id, emailHash);
        await this.series.link({ attendeeId: me.id, personId: kept.id, seriesId: series.id, eventId: me.eventId, by: 'token' });
        return { token: null, by: 'token' as const };
      }
      const byEmail = emailHash ? await this.series.personByEmail(series.id, emailHash) : null;
      if (byEmail) {
        await this.series.link({ attendeeId: me.id, personId: byEmail.id, seriesId: series.id, eventId: me.eventId, by: 'email' });
        return { token: null, by: 'email' as const };
      }
      const token = newToken();
      const person = {
        id: randomUUID(),
        seriesId: series.id,
        tokenHash: this.hash('token', series.id, token),
        emailHash,
        createdAt: Date.now(),
      };
      await this.series.addPerson(person);
      await this.series.link({ attendeeId: me.id, personId: person.id, seriesId: series.id, eventId: me.eventId, by: 'token' });
      return { token, by: 'new' as const };
    });
  }

  /**
   * Mutual matches of my earlier events in the series, for a phone recognised by its token, from
   * attendee rows that were themselves recognised by the token. A purged event's matches are gone.
   */
  async earlierMatches(me: Attendee): Promise<EarlierMatch[]> {
    const mine = await this.series.linkOf(me.id);
    if (mine?.by !== 'token') return [];
    const rows = (await this.series.linksOfPerson(mine.personId)).filter((l) => l.by === 'token' && l.attendeeId !== me.id);
    const out: EarlierMatch[] = [];
    for (const row of rows) {
      const [self] = await this.attendees.byIds([row.attendeeId]);
      const event = await this.events.byId(row.eventId);
      if (!self || self.status === 'erased' || !event || event.contactsPurgedAt) continue;
      const { matches } = await this.connections.ownedBy(row.attendeeId);
      const others = await this.attendees.byIds(matches.map((m) => (m.a === row.attendeeId ? m.b : m.a)));
      const byId = new Map(others.map((o) => [o.id, o]));
      for (const m of matches) {
        const otherIsA = m.a !== row.attendeeId;
        const other = byId.get(otherIsA ? m.a : m.b);
        if (!other || other.status === 'erased' || other.status === 'removed') continue;
        out.push({
          name: other.name,
          headline: other.headline,
          company: other.company,
          eventName: event.name,
          matchedAt: new Date(m.matchedAt).toISOString(),
          card: sharedCard(other.card, otherIsA ? m.aFields : m.bFields),
        });
      }
    }
    return out.sort((a, b) => b.matchedAt.localeCompare(a.matchedAt));
  }

  /**
   * Erasing me: a phone recognised by its token erases the person across the series (their other
   * attendee rows are returned to be erased too, and the hashes are forgotten); one recognised by
   * email only is unlinked, nothing more (typing an email must not erase someone else).
   */
  async forget(me: Attendee): Promise<string[]> {
    const mine = await this.series.linkOf(me.id);
    if (!mine) return [];
    if (mine.by !== 'token') {
      await this.series.unlink(me.id);
      return [];
    }
    const rows = await this.series.linksOfPerson(mine.personId);
    await this.series.forgetPerson(mine.personId);
    return rows.map((r) => r.attendeeId).filter((id) => id !== me.id);
  }
}
