import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Attendee } from './attendee.entity';
import { AttendeesService } from './attendees.service';

type WithAttendee = Request & { attendee?: Attendee };

export const bearerToken = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined);

/** Phones authenticate with `Authorization: Bearer <attendee token>`. */
@Injectable()
export class AttendeeGuard implements CanActivate {
  constructor(private readonly attendees: AttendeesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithAttendee>();
    req.attendee = await this.attendees.byToken(bearerToken(req.headers.authorization));
    return true;
  }
}

export const CurrentAttendee = createParamDecorator(
  (_: unknown, context: ExecutionContext): Attendee => context.switchToHttp().getRequest<WithAttendee>().attendee!,
);
