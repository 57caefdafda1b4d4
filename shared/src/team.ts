import { z } from 'zod';

/**
 * An event's team: one owner (everything, including delete, settings and the team), hosts (run the
 * live event) and viewers (see the live page and the report, change nothing).
 */
export const TEAM_ROLES = ['owner', 'host', 'viewer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** The roles an invite or a role change may give; ownership moves only by an explicit transfer. */
export const MEMBER_ROLES = ['host', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** True when `role` may do what `least` may (owner > host > viewer). */
export const atLeast = (role: TeamRole, least: TeamRole) => TEAM_ROLES.indexOf(role) <= TEAM_ROLES.indexOf(least);

/** How long an invite link works. */
export const INVITE_DAYS = 7;

const memberRole = z.enum(MEMBER_ROLES, 'Must be host or viewer');

export const inviteBody = z.strictObject({
  role: memberRole,
  /** also every other event the owner has now */
  allEvents: z.boolean().optional(),
});
export const inviteToken = z
  .string()
  .min(20, 'Not an invite link')
  .max(100, 'Not an invite link')
  .regex(/^[A-Za-z0-9_-]+$/, 'Not an invite link');
export const inviteTokenParam = z.strictObject({ token: inviteToken });
/** An open invite's id: the keyed hash of its token (the token itself is never stored). */
export const inviteIdParam = z.strictObject({
  id: z.uuid('Not an event id'),
  inviteId: z.string().regex(/^[0-9a-f]{64}$/, 'Not an invite id'),
});
export const memberParam = z.strictObject({ id: z.uuid('Not an event id'), organizerId: z.uuid('Not an organizer id') });
export const memberRoleBody = z.strictObject({ role: memberRole });
export const transferBody = z.strictObject({ organizerId: z.uuid('Not an organizer id') });

export interface TeamMember {
  organizerId: string;
  name: string;
  email: string;
  role: TeamRole;
}

export interface TeamView {
  members: TeamMember[];
  /** the caller's own role */
  myRole: TeamRole;
  /** the caller's organizer id */
  me: string;
  /** invite links not used yet and not expired, newest first; only the owner sees them (others: []) */
  invites: OpenInvite[];
}

/** An invite link still waiting for its person; the owner may revoke it. */
export interface OpenInvite {
  id: string;
  role: MemberRole;
  allEvents: boolean;
  createdAt: string;
  expiresAt: string;
}

export interface InviteCreated {
  /** the id of the open invite (to revoke it) */
  id: string;
  url: string;
  role: MemberRole;
  allEvents: boolean;
  expiresAt: string;
}

/** What the invitee sees before accepting. */
export interface InviteView {
  eventId: string;
  eventName: string;
  ownerName: string;
  role: MemberRole;
  allEvents: boolean;
  expiresAt: string;
}

export interface InviteAccepted {
  eventId: string;
  role: MemberRole;
}

/** The live actions the console and the report name, and who did them. */
export const ACTION_KINDS = [
  'event.opened',
  'event.closed',
  'event.ended',
  'round.started',
  'round.ended',
  'round.extended',
  'autopilot.started',
  'autopilot.paused',
  'autopilot.resumed',
  'autopilot.stopped',
  'join-code.changed',
  'screen-link.changed',
  'attendees.removed',
  'attendees.left-out',
  'attendee.moderated',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface LiveAction {
  kind: ActionKind;
  /** the organizer's name when it was done */
  by: string;
  /** epoch ms */
  at: number;
  /** the round's number, or how many attendees */
  count: number | null;
}
