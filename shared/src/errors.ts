/**
 * Every code the API answers with. A route's own codes are listed in the route map (`routes.ts`);
 * the common ones below can come from any route.
 */
export type CommonErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | 'error';

export type ErrorCode =
  | CommonErrorCode
  | 'bad_credentials'
  | 'unknown_series'
  | 'email_taken'
  | 'signup_closed'
  | 'bad_transition'
  | 'conflict'
  | 'event_ended'
  | 'event_not_open'
  | 'look_alike_code'
  | 'not_a_code'
  | 'unknown_code'
  | 'too_many_wrong_codes'
  | 'removed'
  | 'erased'
  | 'purged'
  | 'no_round'
  | 'round_running'
  | 'too_few_people'
  | 'cannot_group'
  | 'not_in_group'
  | 'not_running'
  | 'not_paused'
  | 'not_met'
  | 'already_matched'
  | 'not_matched'
  | 'cannot_plan'
  | 'planner_busy'
  | 'planner_full'
  | 'invite_used'
  | 'invite_expired'
  | 'already_on_team'
  | 'not_a_member';

import type { FieldCode } from './field-messages';

/**
 * The variable parts of an error's message, for clients to say it in their own language
 * (client/src/i18n/locales/<lang>/commonErrors.json). `variant` picks one of a code's messages
 * (`<code>_<variant>` there, e.g. `not_found_event`); the rest are the message's parameters
 * (numbers, names, `retryAfter` in seconds).
 */
export type ErrorParams = { variant?: string } & Record<string, string | number>;

/**
 * Every 4xx answer from the API has this body. `message` is English for API users; `params` carries
 * its variable parts. `fields` maps a dotted path to its English message, `fieldCodes` the same path
 * to the message's key in the field-message catalog (`field-messages.ts`) and its parameters.
 */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
  fields?: Record<string, string>;
  fieldCodes?: Record<string, FieldCode>;
}

/** What a socket acknowledgement says went wrong: the same code, message and params as over HTTP. */
export interface AckError {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

/** Socket acknowledgements: `{ data } | { error }`. */
export type Ack<T> = { data: T } | { error: AckError };

/** Sent on every state-changing request; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-mingle-csrf';
