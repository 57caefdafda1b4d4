import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { eventIdParam, type ConnectionStats } from '@mingle/shared';
import type { z } from 'zod';
import { Valid } from '../common/validate';
import { EventsService } from '../events/events.service';
import { Organizer } from '../organizers/organizer.entity';
import { CurrentOrganizer, OrganizerGuard } from '../organizers/organizer.guard';
import { ConnectionsService } from './connections.service';

/** Organizers see counts only: swaps asked, matches, match rate per round. */
@Controller('events/:id/connections')
@UseGuards(OrganizerGuard)
export class EventConnectionsController {
  constructor(
    private readonly events: EventsService,
    private readonly connections: ConnectionsService,
  ) {}

  @Get()
  async stats(
    @CurrentOrganizer() me: Organizer,
    @Param(new Valid(eventIdParam)) { id }: z.output<typeof eventIdParam>,
  ): Promise<ConnectionStats> {
    await this.events.own(me.id, id);
    return this.connections.stats(id);
  }
}
