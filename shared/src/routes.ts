import type { z } from 'zod';
import { logInBody, organizerLanguageBody, signUpBody, type OrganizerView } from './auth';
import { changeStateBody, createEventBody, eventIdParam, updateEventBody, type EventListItem, type OrganizerEventView } from './events';
import {
  attendeeIdParam,
  attendeeIdsBody,
  joinBody,
  joinCodeParam,
  moderateAttendeeBody,
  updateProfileBody,
  type AttendeesLeftOut,
  type AttendeesRemoved,
  type JoinResult,
  type MeResult,
  type MyProfile,
  type OrganizerAttendee,
  type PublicEvent,
} from './attendees';
import { autopilotBody, breakBody, extendRoundBody, startRoundBody, type ConsoleRoundState, type ScreenRoundState } from './rounds';
import { noteBody, optOutBody, otherIdParam, shareBody, type ConnectionStats, type MetPerson, type ShareChoiceView } from './connections';
import { plannerBody, type PlannerResult } from './planner';
import type { EventReport } from './report';
import {
  inviteBody,
  inviteTokenParam,
  inviteIdParam,
  memberParam,
  memberRoleBody,
  transferBody,
  type InviteAccepted,
  type InviteCreated,
  type InviteView,
  type LiveAction,
  type TeamView,
} from './team';
import {
  eventSeriesBody,
  rememberBody,
  seriesIdParam,
  seriesNameBody,
  type EarlierMatch,
  type EventSeriesView,
  type JoinSeries,
  type Remembered,
  type SeriesView,
} from './series';
import type { CommonErrorCode, ErrorCode } from './errors';

/**
 * The HTTP contract: every route, "METHOD /path" → its path parameters and body (the shared zod
 * schemas the server validates with), its answer and the codes it may fail with besides the
 * common ones. The server's controllers are typed from it and the one client of console and
 * phone calls it. The phone imports only its types, so zod stays out of the phone's bundle.
 */
interface RouteSpec {
  params?: z.ZodType;
  body?: z.ZodType;
  /** a type only: `answers<T>()` holds nothing at runtime */
  response: unknown;
  errors: readonly ErrorCode[];
}

const answers = <T>() => undefined as T;

/** A file (vCard, CSV) rather than JSON. */
export type Download = string;

export interface Health {
  status: 'ok' | 'unavailable';
  database: 'sqlite' | 'postgres';
  realtime: 'redis' | 'memory';
  checks: { database: 'up' | 'down'; redis?: 'up' | 'down' };
}

const JOIN_CODE_ERRORS = [
  'look_alike_code',
  'not_a_code',
  'unknown_code',
  'event_not_open',
  'event_ended',
  'too_many_wrong_codes',
] as const;
/** What any attendee route answers for a token whose attendee is gone. */
const ATTENDEE_ERRORS = ['removed', 'erased'] as const;
/** Routes about someone this attendee met. */
const MET_ERRORS = [...ATTENDEE_ERRORS, 'not_met', 'purged'] as const;
const ROUND_START_ERRORS = ['event_not_open', 'too_few_people', 'cannot_group', 'round_running'] as const;

export const routes = {
  'GET /api/health': { response: answers<Health>(), errors: [] },
  'GET /api/health/live': { response: answers<{ status: 'ok' }>(), errors: [] },

  'POST /api/auth/signup': { body: signUpBody, response: answers<OrganizerView>(), errors: ['signup_closed', 'email_taken'] },
  'POST /api/auth/login': { body: logInBody, response: answers<OrganizerView>(), errors: ['bad_credentials'] },
  'POST /api/auth/logout': { response: answers<void>(), errors: [] },
  'GET /api/auth/me': { response: answers<OrganizerView>(), errors: [] },
  'PATCH /api/auth/me': { body: organizerLanguageBody, response: answers<OrganizerView>(), errors: [] },

  'GET /api/events': { response: answers<EventListItem[]>(), errors: [] },
  'POST /api/events': { body: createEventBody, response: answers<OrganizerEventView>(), errors: [] },
  'GET /api/events/:id': { params: eventIdParam, response: answers<OrganizerEventView>(), errors: [] },
  'PATCH /api/events/:id': {
    params: eventIdParam,
    body: updateEventBody,
    response: answers<OrganizerEventView>(),
    errors: ['event_ended'],
  },
  /** A fresh draft with the event's settings, for the next session. */
  'POST /api/events/:id/duplicate': { params: eventIdParam, response: answers<OrganizerEventView>(), errors: [] },
  'DELETE /api/events/:id': { params: eventIdParam, response: answers<void>(), errors: [] },
  'POST /api/events/:id/state': {
    params: eventIdParam,
    body: changeStateBody,
    response: answers<OrganizerEventView>(),
    errors: ['bad_transition', 'conflict'],
  },
  'POST /api/events/:id/join-code': { params: eventIdParam, response: answers<OrganizerEventView>(), errors: ['event_ended'] },
  'POST /api/events/:id/screen-key': { params: eventIdParam, response: answers<OrganizerEventView>(), errors: [] },

  'GET /api/events/:id/attendees': { params: eventIdParam, response: answers<OrganizerAttendee[]>(), errors: [] },
  'DELETE /api/events/:id/attendees/:attendeeId': { params: attendeeIdParam, response: answers<void>(), errors: [] },
  'PATCH /api/events/:id/attendees/:attendeeId': {
    params: attendeeIdParam,
    body: moderateAttendeeBody,
    response: answers<OrganizerAttendee>(),
    errors: [],
  },
  'POST /api/events/:id/attendees/remove': {
    params: eventIdParam,
    body: attendeeIdsBody,
    response: answers<AttendeesRemoved>(),
    errors: [],
  },
  'POST /api/events/:id/attendees/leave-out': {
    params: eventIdParam,
    body: attendeeIdsBody,
    response: answers<AttendeesLeftOut>(),
    errors: [],
  },
  'GET /api/events/:id/connections': { params: eventIdParam, response: answers<ConnectionStats>(), errors: [] },

  'GET /api/events/:id/report': { params: eventIdParam, response: answers<EventReport>(), errors: [] },
  'GET /api/events/:id/report/seating.csv': { params: eventIdParam, response: answers<Download>(), errors: [] },
  'GET /api/events/:id/report/meetings.csv': { params: eventIdParam, response: answers<Download>(), errors: [] },
  'GET /api/events/:id/report/figures.csv': { params: eventIdParam, response: answers<Download>(), errors: [] },

  'GET /api/events/:id/team': { params: eventIdParam, response: answers<TeamView>(), errors: [] },
  'POST /api/events/:id/team/invites': { params: eventIdParam, body: inviteBody, response: answers<InviteCreated>(), errors: [] },
  'PATCH /api/events/:id/team/:organizerId': {
    params: memberParam,
    body: memberRoleBody,
    response: answers<TeamView>(),
    errors: ['not_a_member'],
  },
  'DELETE /api/events/:id/team/invites/:inviteId': { params: inviteIdParam, response: answers<TeamView>(), errors: [] },
  'DELETE /api/events/:id/team/:organizerId': { params: memberParam, response: answers<TeamView>(), errors: ['not_a_member'] },
  'POST /api/events/:id/team/transfer': {
    params: eventIdParam,
    body: transferBody,
    response: answers<TeamView>(),
    errors: ['not_a_member'],
  },
  'GET /api/events/:id/actions': { params: eventIdParam, response: answers<LiveAction[]>(), errors: [] },
  'GET /api/invites/:token': { params: inviteTokenParam, response: answers<InviteView>(), errors: ['invite_used', 'invite_expired'] },
  'POST /api/invites/:token/accept': {
    params: inviteTokenParam,
    response: answers<InviteAccepted>(),
    errors: ['invite_used', 'invite_expired', 'already_on_team'],
  },

  'GET /api/series': { response: answers<SeriesView[]>(), errors: [] },
  'POST /api/series': { body: seriesNameBody, response: answers<SeriesView>(), errors: [] },
  'PATCH /api/series/:seriesId': {
    params: seriesIdParam,
    body: seriesNameBody,
    response: answers<SeriesView>(),
    errors: ['unknown_series'],
  },
  'GET /api/events/:id/series': { params: eventIdParam, response: answers<EventSeriesView>(), errors: [] },
  'PUT /api/events/:id/series': {
    params: eventIdParam,
    body: eventSeriesBody,
    response: answers<EventSeriesView>(),
    errors: ['unknown_series'],
  },

  'GET /api/events/:id/rounds': { params: eventIdParam, response: answers<ConsoleRoundState>(), errors: [] },
  'POST /api/events/:id/rounds': {
    params: eventIdParam,
    body: startRoundBody,
    response: answers<ConsoleRoundState>(),
    errors: ROUND_START_ERRORS,
  },
  'POST /api/events/:id/rounds/current/end': { params: eventIdParam, response: answers<ConsoleRoundState>(), errors: ['no_round'] },
  'POST /api/events/:id/rounds/current/extend': {
    params: eventIdParam,
    body: extendRoundBody,
    response: answers<ConsoleRoundState>(),
    errors: ['no_round'],
  },
  'PUT /api/events/:id/autopilot': {
    params: eventIdParam,
    body: autopilotBody,
    response: answers<ConsoleRoundState>(),
    errors: ROUND_START_ERRORS,
  },
  'POST /api/events/:id/autopilot/pause': { params: eventIdParam, response: answers<ConsoleRoundState>(), errors: ['not_running'] },
  'POST /api/events/:id/autopilot/resume': {
    params: eventIdParam,
    response: answers<ConsoleRoundState>(),
    errors: ['not_running', 'not_paused'],
  },
  'DELETE /api/events/:id/autopilot': { params: eventIdParam, response: answers<ConsoleRoundState>(), errors: ['not_running'] },

  'POST /api/planner': { body: plannerBody, response: answers<PlannerResult>(), errors: ['cannot_plan', 'planner_busy', 'planner_full'] },

  'GET /api/join/:code': { params: joinCodeParam, response: answers<PublicEvent>(), errors: JOIN_CODE_ERRORS },
  'POST /api/join/:code': { params: joinCodeParam, body: joinBody, response: answers<JoinResult>(), errors: JOIN_CODE_ERRORS },

  'GET /api/join/:code/series': { params: joinCodeParam, response: answers<JoinSeries>(), errors: JOIN_CODE_ERRORS },
  'POST /api/me/series': { body: rememberBody, response: answers<Remembered>(), errors: [...ATTENDEE_ERRORS, 'unknown_series'] },
  /** earlier matches from the series, only for the phone recognised by its series token */
  'GET /api/me/series/people': { response: answers<EarlierMatch[]>(), errors: ATTENDEE_ERRORS },

  'GET /api/me': { response: answers<MeResult>(), errors: ATTENDEE_ERRORS },
  'PATCH /api/me': { body: updateProfileBody, response: answers<MeResult>(), errors: ATTENDEE_ERRORS },
  'DELETE /api/me': { response: answers<void>(), errors: ATTENDEE_ERRORS },
  'POST /api/me/break': { body: breakBody, response: answers<MyProfile>(), errors: ATTENDEE_ERRORS },
  'POST /api/me/leave': { response: answers<MyProfile>(), errors: ATTENDEE_ERRORS },
  /** the projector's board in the phone's hand: round, countdown, names and spots (never contact details) */
  'GET /api/me/room': { response: answers<ScreenRoundState>(), errors: ATTENDEE_ERRORS },
  'GET /api/me/people': { response: answers<MetPerson[]>(), errors: ATTENDEE_ERRORS },
  'GET /api/me/share': { response: answers<ShareChoiceView>(), errors: ATTENDEE_ERRORS },
  'PUT /api/me/share': { body: shareBody, response: answers<ShareChoiceView>(), errors: ATTENDEE_ERRORS },
  'GET /api/me/connections.csv': { response: answers<Download>(), errors: ATTENDEE_ERRORS },
  'GET /api/me/connections.vcf': { response: answers<Download>(), errors: ATTENDEE_ERRORS },
  'POST /api/me/people/:otherId/swap': { params: otherIdParam, response: answers<MetPerson>(), errors: MET_ERRORS },
  'DELETE /api/me/people/:otherId/swap': {
    params: otherIdParam,
    response: answers<MetPerson>(),
    errors: [...MET_ERRORS, 'already_matched'],
  },
  'PUT /api/me/people/:otherId/opt-out': { params: otherIdParam, body: optOutBody, response: answers<MetPerson>(), errors: MET_ERRORS },
  'DELETE /api/me/people/:otherId/opt-out': { params: otherIdParam, response: answers<MetPerson>(), errors: MET_ERRORS },
  'PUT /api/me/people/:otherId/note': { params: otherIdParam, body: noteBody, response: answers<MetPerson>(), errors: MET_ERRORS },
  'GET /api/me/people/:otherId/contact.vcf': { params: otherIdParam, response: answers<Download>(), errors: ATTENDEE_ERRORS },
  'DELETE /api/me/connections/:otherId/card': {
    params: otherIdParam,
    response: answers<MetPerson>(),
    errors: [...MET_ERRORS, 'not_matched'],
  },
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type RouteKey = keyof Routes;

/** What a route answers on success. */
export type RouteResponse<K extends RouteKey> = Routes[K]['response'];
/** The body a caller sends (before the schema's defaults). */
export type RouteBody<K extends RouteKey> = Routes[K] extends { body: z.ZodType } ? z.input<Routes[K]['body']> : never;
/** The body a handler receives, parsed by the route's schema. */
export type ParsedBody<K extends RouteKey> = Routes[K] extends { body: z.ZodType } ? z.output<Routes[K]['body']> : never;
/** The path parameters a handler receives, parsed by the route's schema. */
export type ParsedParams<K extends RouteKey> = Routes[K] extends { params: z.ZodType } ? z.output<Routes[K]['params']> : never;
/** The `:name` parameters of a route's path, as strings. */
export type RouteParams<K extends RouteKey> = ParamNames<K> extends never ? never : Record<ParamNames<K>, string>;
type ParamNames<S extends string> = S extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : S extends `${string}:${infer Name}`
    ? Name
    : never;
/** Every code a route may fail with. */
export type RouteError<K extends RouteKey> = Routes[K]['errors'][number] | CommonErrorCode;
