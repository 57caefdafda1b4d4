import { z } from 'zod';
import { EVENT_LANGUAGES } from './events';
import { inviteToken } from './team';
import { line } from './text';

export const email = line('Email').toLowerCase().max(254, 'Email is too long').pipe(z.email('Enter a valid email address'));

export const signUpBody = z.strictObject({
  email,
  name: line('Name').min(1, 'Enter your name').max(80, 'Name is at most 80 characters'),
  password: z.string().min(10, 'Password must be at least 10 characters').max(200, 'Password is at most 200 characters'),
  /** the token of an invite to an event's team: lets its invitee sign up while sign-up is closed */
  invite: inviteToken.optional(),
});
export type SignUpBody = z.infer<typeof signUpBody>;

export const logInBody = z.strictObject({
  email,
  password: z.string().min(1, 'Enter your password').max(200, 'Password is at most 200 characters'),
});
export type LogInBody = z.infer<typeof logInBody>;

export const organizerView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** the console's language they picked, on any device; null until they pick one */
  language: z.enum(EVENT_LANGUAGES).nullable(),
});
export type OrganizerView = z.infer<typeof organizerView>;

export const organizerLanguageBody = z.strictObject({
  language: z.enum(EVENT_LANGUAGES, 'Language is en, de or es'),
});
export type OrganizerLanguageBody = z.infer<typeof organizerLanguageBody>;
