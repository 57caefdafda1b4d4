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

/** Every 4xx answer from the API has this body. `fields` maps a dotted path to its message. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/** Socket acknowledgements: `{ data } | { error }`. */
export type Ack<T> = { data: T } | { error: { code: ErrorCode; message: string } };

/** Sent on every state-changing request; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-mingle-csrf';
