import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { Organizer } from './organizer.entity';
import { OrganizersService } from './organizers.service';
import { sessionToken } from './session.cookie';

type WithOrganizer = Request & { organizer?: Organizer };

/** Lets a request through only with a valid organizer session; the organizer rides on the request. */
@Injectable()
export class OrganizerGuard implements CanActivate {
  constructor(private readonly organizers: OrganizersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithOrganizer>();
    const organizer = await this.organizers.bySessionToken(sessionToken(req));
    if (!organizer) throw new ApiError(401, 'unauthorized', 'Log in to continue');
    req.organizer = organizer;
    return true;
  }
}

export const CurrentOrganizer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Organizer => context.switchToHttp().getRequest<WithOrganizer>().organizer!,
);
