import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { eventIdParam } from '@mingle/shared';
import { parseOr400 } from '../common/validate';
import type { Organizer } from '../organizers/organizer.entity';
import { OrganizerGuard } from '../organizers/organizer.guard';
import { MingleEvent } from './event.entity';
import { EventsService } from './events.service';

type WithEvent = Request & { organizer?: Organizer; event?: MingleEvent };

/**
 * Lets a request through only for the organizer who owns the event its `:id` names: 401 without a
 * session, 400 for a malformed id, 404 for anyone else's event (whether it exists is not told).
 */
@Injectable()
export class EventOwnerGuard implements CanActivate {
  constructor(
    private readonly organizer: OrganizerGuard,
    private readonly events: EventsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.organizer.canActivate(context);
    const req = context.switchToHttp().getRequest<WithEvent>();
    const { id } = parseOr400(eventIdParam, { id: req.params.id });
    req.event = await this.events.own(req.organizer!.id, id);
    return true;
  }
}

/** The event the EventOwnerGuard loaded for this request. */
export const CurrentEvent = createParamDecorator(
  (_: unknown, context: ExecutionContext): MingleEvent => context.switchToHttp().getRequest<WithEvent>().event!,
);
