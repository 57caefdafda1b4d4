import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { Store } from '../database/store';
import { Series, SeriesAttendee, SeriesEvent, SeriesPerson } from './series.entities';

/** Every query of series, their events, the people who chose to be remembered and their attendee rows. */
@Injectable()
export class SeriesRepository {
  constructor(private readonly store: Store) {}

  private get series() {
    return this.store.table(Series);
  }
  private get events() {
    return this.store.table(SeriesEvent);
  }
  private get people() {
    return this.store.table(SeriesPerson);
  }
  private get links() {
    return this.store.table(SeriesAttendee);
  }

  ofOrganizer(organizerId: string): Promise<Series[]> {
    return this.series.find({ where: { organizerId }, order: { createdAt: 'ASC' } });
  }

  owned(organizerId: string, id: string): Promise<Series | null> {
    return this.series.findOneBy({ id, organizerId });
  }

  byId(id: string): Promise<Series | null> {
    return this.series.findOneBy({ id });
  }

  async add(series: Series): Promise<void> {
    await this.series.insert(series);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.series.update({ id }, { name });
  }

  /** How many events each series holds. */
  async eventCounts(seriesIds: string[]): Promise<Map<string, number>> {
    if (!seriesIds.length) return new Map();
    const rows = await this.events.findBy({ seriesId: In(seriesIds) });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.seriesId, (counts.get(r.seriesId) ?? 0) + 1);
    return counts;
  }

  async seriesOfEvent(eventId: string): Promise<Series | null> {
    const link = await this.events.findOneBy({ eventId });
    return link ? this.series.findOneBy({ id: link.seriesId }) : null;
  }

  async setEventSeries(eventId: string, seriesId: string | null): Promise<void> {
    await this.events.delete({ eventId });
    if (seriesId) await this.events.insert({ eventId, seriesId });
  }

  /** The other events of the series. */
  async otherEvents(seriesId: string, eventId: string): Promise<string[]> {
    const rows = await this.events.findBy({ seriesId, eventId: Not(eventId) });
    return rows.map((r) => r.eventId);
  }

  personByToken(seriesId: string, tokenHash: string): Promise<SeriesPerson | null> {
    return this.people.findOneBy({ seriesId, tokenHash });
  }

  personByEmail(seriesId: string, emailHash: string): Promise<SeriesPerson | null> {
    return this.people.findOneBy({ seriesId, emailHash });
  }

  async addPerson(person: SeriesPerson): Promise<void> {
    await this.people.insert(person);
  }

  async setEmail(personId: string, emailHash: string): Promise<void> {
    await this.people.update({ id: personId }, { emailHash });
  }

  /** Links an attendee row to a series person (once: a second choice replaces the first). */
  async link(link: SeriesAttendee): Promise<void> {
    await this.links.delete({ attendeeId: link.attendeeId });
    await this.links.insert(link);
  }

  linkOf(attendeeId: string): Promise<SeriesAttendee | null> {
    return this.links.findOneBy({ attendeeId });
  }

  /** Every attendee row of a person, in any event of the series. */
  linksOfPerson(personId: string): Promise<SeriesAttendee[]> {
    return this.links.findBy({ personId });
  }

  /** The recognised attendee rows of some events. */
  linksIn(eventIds: string[]): Promise<SeriesAttendee[]> {
    return eventIds.length ? this.links.findBy({ eventId: In(eventIds) }) : Promise.resolve([]);
  }

  async unlink(attendeeId: string): Promise<void> {
    await this.links.delete({ attendeeId });
  }

  /** Forgets a person: their hashes and every link of theirs. */
  async forgetPerson(personId: string): Promise<void> {
    await this.links.delete({ personId });
    await this.people.delete({ id: personId });
  }
}
