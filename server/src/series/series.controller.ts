import { Controller } from '@nestjs/common';
import type { ParsedBody, ParsedParams } from '@mingle/shared';
import { BodyOf, ParamsOf, Route } from '../common/route';
import type { MingleEvent } from '../events/event.entity';
import { CurrentEvent } from '../events/event-role.guard';
import type { Organizer } from '../organizers/organizer.entity';
import { CurrentOrganizer } from '../organizers/organizer.guard';
import { SeriesService } from './series.service';

/** The console's series: the organizer's own, and which event belongs to which. */
@Controller()
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @Route('GET /api/series', 'organizer')
  list(@CurrentOrganizer() me: Organizer) {
    return this.series.list(me.id);
  }

  @Route('POST /api/series', 'organizer')
  create(@CurrentOrganizer() me: Organizer, @BodyOf('POST /api/series') body: ParsedBody<'POST /api/series'>) {
    return this.series.create(me.id, body.name);
  }

  @Route('PATCH /api/series/:seriesId', 'organizer')
  rename(
    @CurrentOrganizer() me: Organizer,
    @ParamsOf('PATCH /api/series/:seriesId') { seriesId }: ParsedParams<'PATCH /api/series/:seriesId'>,
    @BodyOf('PATCH /api/series/:seriesId') body: ParsedBody<'PATCH /api/series/:seriesId'>,
  ) {
    return this.series.rename(me.id, seriesId, body.name);
  }

  @Route('GET /api/events/:id/series', 'event viewer')
  ofEvent(@CurrentEvent() event: MingleEvent) {
    return this.series.ofEvent(event.id);
  }

  @Route('PUT /api/events/:id/series', 'event owner')
  setSeries(@CurrentEvent() event: MingleEvent, @BodyOf('PUT /api/events/:id/series') body: ParsedBody<'PUT /api/events/:id/series'>) {
    return this.series.setEventSeries(event, body.seriesId);
  }
}
