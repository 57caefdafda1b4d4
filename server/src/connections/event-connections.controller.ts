import { Controller } from '@nestjs/common';
import { Route } from '../common/route';
import { MingleEvent } from '../events/event.entity';
import { CurrentEvent } from '../events/event-role.guard';
import { ConnectionsService } from './connections.service';

/** Organizers see counts only: swaps asked, matches, match rate per round. */
@Controller()
export class EventConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Route('GET /api/events/:id/connections', 'event viewer')
  stats(@CurrentEvent() event: MingleEvent) {
    return this.connections.stats(event.id);
  }
}
