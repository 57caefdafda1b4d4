import type { InviteCreated, MemberRole } from '@mingle/shared';
import { sessionCookie } from './attendees';
import { organizer, type Browser } from './http';

/** The token at the end of an invite link. */
export const tokenOf = (invite: InviteCreated) => invite.url.split('/').pop()!;

/** The owner's invite link for the event, with this role. */
export async function inviteLink(owner: Browser, eventId: string, role: MemberRole, allEvents = false): Promise<InviteCreated> {
  const res = await owner.post(`/api/events/${eventId}/team/invites`, { role, allEvents });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as InviteCreated;
}

/** A new organizer who accepted the owner's invite to the event with this role. */
export async function teamMember(url: string, owner: Browser, eventId: string, role: MemberRole, name = role === 'host' ? 'Sam' : 'Vera') {
  const member = await organizer(url, name);
  const invite = await inviteLink(owner, eventId, role);
  const res = await member.post(`/api/invites/${tokenOf(invite)}/accept`);
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id = ((await member.get('/api/auth/me')).body as { id: string }).id;
  return Object.assign(member, { id, cookie: await sessionCookie(url, member.email) });
}
