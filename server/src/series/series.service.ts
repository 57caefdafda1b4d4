import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventSeriesView, SeriesView } from '@mingle/shared';
import { ApiError } from '../common/api-error';
import type { MingleEvent } from '../events/event.entity';
import { SeriesRepository } from './series.repository';
import { SeriesPairs } from './series-pairs';
import type { Series } from './series.entities';

/** The organizer's side: series, which event is in which, and who comes back. */
@Injectable()
export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly pairs: SeriesPairs,
  ) {}

  async list(organizerId: string): Promise<SeriesView[]> {
    const all = await this.series.ofOrganizer(organizerId);
    const counts = await this.series.eventCounts(all.map((s) => s.id));
    return all.map((s) => toView(s, counts.get(s.id) ?? 0));
  }

  async create(organizerId: string, name: string): Promise<SeriesView> {
    const series: Series = { id: randomUUID(), organizerId, name, createdAt: Date.now() };
    await this.series.add(series);
    return toView(series, 0);
  }

  async rename(organizerId: string, id: string, name: string): Promise<SeriesView> {
    const series = await this.series.owned(organizerId, id);
    if (!series) throw unknownSeries();
    await this.series.rename(id, name);
    const counts = await this.series.eventCounts([id]);
    return toView({ ...series, name }, counts.get(id) ?? 0);
  }

  /** Puts the event into one of its owner's series, or takes it out. */
  async setEventSeries(event: MingleEvent, seriesId: string | null): Promise<EventSeriesView> {
    if (seriesId && !(await this.series.owned(event.organizerId, seriesId))) throw unknownSeries();
    await this.series.setEventSeries(event.id, seriesId);
    return this.ofEvent(event.id);
  }

  /** A copy of an event joins its series, when the copy's owner owns the series and the copy has none yet (a retry keeps a later choice). */
  async copySeries(fromEventId: string, eventId: string, organizerId: string): Promise<void> {
    const [from, copy] = await Promise.all([this.series.seriesOfEvent(fromEventId), this.series.seriesOfEvent(eventId)]);
    if (from && !copy && (await this.series.owned(organizerId, from.id))) await this.series.setEventSeries(eventId, from.id);
  }

  /** The event's series, how many attendees are returning and how many pairs already met at an earlier event of it. */
  async ofEvent(eventId: string): Promise<EventSeriesView> {
    const series = await this.series.seriesOfEvent(eventId);
    if (!series) return { series: null, returning: 0, knownPairs: 0 };
    const { returning, pairs } = await this.pairs.ofEvent(eventId);
    return { series: { id: series.id, name: series.name }, returning, knownPairs: pairs.length };
  }
}

const toView = (s: Series, events: number): SeriesView => ({ id: s.id, name: s.name, events });
export const unknownSeries = () => new ApiError(404, 'unknown_series', 'No such series');
