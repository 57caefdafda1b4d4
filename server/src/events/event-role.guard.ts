import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { eventIdParam, type TeamRole } from '@mingle/shared';
import { parseOr400 } from '../common/validate';
import type { Organizer } from '../organizers/organizer.entity';
import { OrganizerGuard } from '../organizers/organizer.guard';
import { MingleEvent } from './event.entity';
import { TeamService } from './team.service';

type WithEvent = Request & { organizer?: Organizer; event?: MingleEvent; role?: TeamRole };

/**
 * Lets a request through only for a member of the team of the event its `:id` names whose role is
 * at least `least` (owner > host > viewer): 401 without a session, 400 for a malformed id, 404 for
 * anyone not on the team (whether the event exists is not told), 403 for a member whose role is too low.
 */
@Injectable()
export class EventRoleGuard {
  constructor(
    private readonly organizer: OrganizerGuard,
    private readonly team: TeamService,
  ) {}

  async canActivate(context: ExecutionContext, least: TeamRole): Promise<boolean> {
    await this.organizer.canActivate(context);
    const req = context.switchToHttp().getRequest<WithEvent>();
    const { id } = parseOr400(eventIdParam, { id: req.params.id });
    const { event, role } = await this.team.atLeast(req.organizer!.id, id, least);
    req.event = event;
    req.role = role;
    return true;
  }
}

/** The event the EventRoleGuard loaded for this request. */
export const CurrentEvent = createParamDecorator(
  (_: unknown, context: ExecutionContext): MingleEvent => context.switchToHttp().getRequest<WithEvent>().event!,
);

/** The caller's role in that event's team. */
export const CurrentRole = createParamDecorator(
  (_: unknown, context: ExecutionContext): TeamRole => context.switchToHttp().getRequest<WithEvent>().role!,
);
