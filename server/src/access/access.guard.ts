import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS, type Access } from '../common/route';
import { OrganizerGuard } from '../organizers/organizer.guard';
import { EventRoleGuard } from '../events/event-role.guard';
import { AttendeeGuard } from '../attendees/attendee.guard';

/**
 * The one place HTTP access is decided, before any other guard: each route declares its rule with
 * `@Route(key, access)`. A handler without a rule is refused (a bug, never an open door).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly organizer: OrganizerGuard,
    private readonly eventRole: EventRoleGuard,
    private readonly attendee: AttendeeGuard,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.get<Access | undefined>(ACCESS, context.getHandler());
    switch (access) {
      case 'public':
        return true;
      case 'organizer':
        return this.organizer.canActivate(context);
      case 'event owner':
        return this.eventRole.canActivate(context, 'owner');
      case 'event host':
        return this.eventRole.canActivate(context, 'host');
      case 'event viewer':
        return this.eventRole.canActivate(context, 'viewer');
      case 'attendee':
        return this.attendee.canActivate(context);
      default:
        throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    }
  }
}
