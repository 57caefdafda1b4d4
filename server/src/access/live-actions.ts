import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import type { ActionKind, ConsoleRoundState, EventState, RouteKey } from '@mingle/shared';
import { ROUTE_KEY } from '../common/route';
import type { MingleEvent } from '../events/event.entity';
import { TeamService } from '../events/team.service';
import type { Organizer } from '../organizers/organizer.entity';

type Found = { kind: ActionKind; count: number | null } | null;
type Body = Record<string, unknown>;

const roundNumber = (answer: unknown) => {
  const state = answer as ConsoleRoundState;
  return state.round?.number ?? state.past?.at(-1)?.number ?? null;
};
const count = (body: Body) => (Array.isArray(body.attendeeIds) ? body.attendeeIds.length : null);
const STATE_ACTIONS: Partial<Record<EventState, ActionKind>> = { open: 'event.opened', draft: 'event.closed', ended: 'event.ended' };

/** The live actions of the team, by route: what each successful call records (and its number). */
const LIVE_ACTIONS: Partial<Record<RouteKey, (body: Body, answer: unknown, before: MingleEvent) => Found>> = {
  'POST /api/events/:id/state': (body, _, before) => {
    if (before.state === body.state) return null;
    const kind = STATE_ACTIONS[body.state as EventState];
    return kind ? { kind, count: null } : null;
  },
  'POST /api/events/:id/join-code': () => ({ kind: 'join-code.changed', count: null }),
  'POST /api/events/:id/screen-key': () => ({ kind: 'screen-link.changed', count: null }),
  'DELETE /api/events/:id/attendees/:attendeeId': () => ({ kind: 'attendees.removed', count: 1 }),
  'POST /api/events/:id/attendees/remove': (body) => ({ kind: 'attendees.removed', count: count(body) }),
  'PATCH /api/events/:id/attendees/:attendeeId': () => ({ kind: 'attendee.moderated', count: 1 }),
  'POST /api/events/:id/attendees/leave-out': (body) => ({ kind: 'attendees.left-out', count: count(body) }),
  'POST /api/events/:id/rounds': (_, answer) => ({ kind: 'round.started', count: roundNumber(answer) }),
  'POST /api/events/:id/rounds/current/end': (_, answer) => ({ kind: 'round.ended', count: roundNumber(answer) }),
  'POST /api/events/:id/rounds/current/extend': (_, answer) => ({ kind: 'round.extended', count: roundNumber(answer) }),
  'PUT /api/events/:id/autopilot': () => ({ kind: 'autopilot.started', count: null }),
  'POST /api/events/:id/autopilot/pause': () => ({ kind: 'autopilot.paused', count: null }),
  'POST /api/events/:id/autopilot/resume': () => ({ kind: 'autopilot.resumed', count: null }),
  'DELETE /api/events/:id/autopilot': () => ({ kind: 'autopilot.stopped', count: null }),
};

/** After a live action succeeded, records who did it (the log the console and the report show). */
@Injectable()
export class LiveActions implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly team: TeamService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const key = context.getType() === 'http' ? this.reflector.get<RouteKey | undefined>(ROUTE_KEY, context.getHandler()) : undefined;
    const found = key && LIVE_ACTIONS[key];
    if (!found) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { organizer?: Organizer; event?: MingleEvent }>();
    return next.handle().pipe(
      mergeMap((answer: unknown) =>
        from(
          (async () => {
            const action = req.event && found((req.body ?? {}) as Body, answer, req.event);
            if (action && req.organizer && req.event) await this.team.record(req.event.id, req.organizer, action.kind, action.count);
            return answer;
          })(),
        ),
      ),
    );
  }
}
