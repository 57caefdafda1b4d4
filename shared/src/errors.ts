/** Every 4xx answer from the API has this body. `fields` maps a dotted path to its message. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** Socket acknowledgements: `{ data } | { error }`. */
export type Ack<T> = { data: T } | { error: { code: string; message: string } };

/** Sent on every state-changing request; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-mingle-csrf';
