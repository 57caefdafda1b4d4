import request from 'supertest';
import { CSRF_HEADER, type EventListItem, type LiveAction, type TeamView } from '@mingle/shared';
import { Store } from '../src/database/store';
import { TeamInvite } from '../src/events/team.entities';
import { useApp } from './support/app';
import { openEvent } from './support/attendees';
import { organizer, sampleEvent } from './support/http';
import { room } from './support/room';
import { connect, eventually, refusal, snapshotOf } from './support/sockets';
import { inviteLink, teamMember, tokenOf } from './support/team';

describe('co-organizers: invites, roles, transfer, the action log', () => {
  const app = useApp();
  const url = () => app().url;

  describe('invite links', () => {
    it('are single-use: the invitee sees the invite, accepts it once, and the link is spent', async () => {
      const { org, event } = await openEvent(url());
      const invite = await inviteLink(org, event.id, 'host');
      expect(invite.url).toMatch(new RegExp(`^${app().config.publicUrl}/console/invite/[A-Za-z0-9_-]{43}$`));
      expect(Date.parse(invite.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);

      const sam = await organizer(url(), 'Sam');
      const shown = await sam.get(`/api/invites/${tokenOf(invite)}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        eventId: event.id,
        eventName: sampleEvent.name,
        ownerName: 'Olga',
        role: 'host',
        allEvents: false,
      });

      const accepted = await sam.post(`/api/invites/${tokenOf(invite)}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ eventId: event.id, role: 'host' });

      const again = await (await organizer(url(), 'Eve')).post(`/api/invites/${tokenOf(invite)}/accept`);
      expect(again.status).toBe(410);
      expect(again.body.code).toBe('invite_used');
      const team = (await org.get(`/api/events/${event.id}/team`)).body as TeamView;
      expect(team.members.map((m) => [m.name, m.role])).toEqual([
        ['Olga', 'owner'],
        ['Sam', 'host'],
      ]);
    });

    it('the owner sees the open links and revokes one: it then answers 404 and adds nobody', async () => {
      const { org, event } = await openEvent(url());
      const kept = await inviteLink(org, event.id, 'host');
      const revoked = await inviteLink(org, event.id, 'viewer', true);
      const before = (await org.get(`/api/events/${event.id}/team`)).body as TeamView;
      expect(before.invites.map((i) => [i.id, i.role, i.allEvents])).toEqual([
        [revoked.id, 'viewer', true],
        [kept.id, 'host', false],
      ]);

      const sam = await teamMember(url(), org, event.id, 'host');
      expect((await sam.get(`/api/events/${event.id}/team`)).body.invites).toEqual([]);
      expect((await sam.delete(`/api/events/${event.id}/team/invites/${revoked.id}`)).status).toBe(403);

      const res = await org.delete(`/api/events/${event.id}/team/invites/${revoked.id}`);
      expect(res.status).toBe(200);
      expect((res.body as TeamView).invites.map((i) => i.id)).toEqual([kept.id]);

      const eve = await organizer(url(), 'Eve');
      const shown = await eve.get(`/api/invites/${tokenOf(revoked)}`);
      expect(shown.status).toBe(404);
      expect((await eve.post(`/api/invites/${tokenOf(revoked)}/accept`)).status).toBe(404);
      expect((await eve.get('/api/events')).body).toEqual([]);
      // Once gone, again is 404; a malformed id is 400; the kept link still works.
      expect((await org.delete(`/api/events/${event.id}/team/invites/${revoked.id}`)).status).toBe(404);
      expect((await org.delete(`/api/events/${event.id}/team/invites/nope`)).status).toBe(400);
      expect((await eve.get(`/api/invites/${tokenOf(kept)}`)).status).toBe(200);
    });

    it('a used link cannot be revoked and leaves the open list', async () => {
      const { org, event } = await openEvent(url());
      const used = await inviteLink(org, event.id, 'host');
      expect((await (await organizer(url(), 'Sam')).post(`/api/invites/${tokenOf(used)}/accept`)).status).toBe(200);
      expect((await org.get(`/api/events/${event.id}/team`)).body.invites).toEqual([]);
      expect((await org.delete(`/api/events/${event.id}/team/invites/${used.id}`)).status).toBe(404);
    });

    it('stores only a hash of the token', async () => {
      const { org, event } = await openEvent(url());
      const token = tokenOf(await inviteLink(org, event.id, 'viewer'));
      const rows = await app().app.get(Store).table(TeamInvite).findBy({ eventId: event.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).not.toContain(token);
      expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('expire: an old link is refused with 410 and adds nobody', async () => {
      const { org, event } = await openEvent(url());
      const token = tokenOf(await inviteLink(org, event.id, 'host'));
      await app()
        .app.get(Store)
        .table(TeamInvite)
        .update({ eventId: event.id }, { expiresAt: Date.now() - 1 });
      const sam = await organizer(url(), 'Sam');
      const res = await sam.post(`/api/invites/${token}/accept`);
      expect(res.status).toBe(410);
      expect(res.body.code).toBe('invite_expired');
      expect((await sam.get(`/api/events/${event.id}`)).status).toBe(404);
    });

    it('a wrong token is 404; a malformed one 400; accepting needs a log-in', async () => {
      const sam = await organizer(url(), 'Sam');
      expect((await sam.post(`/api/invites/${'x'.repeat(43)}/accept`)).status).toBe(404);
      expect((await sam.get(`/api/invites/${'x'.repeat(43)}`)).status).toBe(404);
      expect((await sam.get('/api/invites/short')).status).toBe(400);
      const { org, event } = await openEvent(url());
      const token = tokenOf(await inviteLink(org, event.id, 'host'));
      const anonymous = await request(url()).post(`/api/invites/${token}/accept`).set(CSRF_HEADER, '1');
      expect(anonymous.status).toBe(401);
      expect((await sam.post(`/api/invites/${token}/accept`)).status).toBe(200);
    });

    it('the owner accepting their own link is told so and the link stays unused', async () => {
      const { org, event } = await openEvent(url());
      const token = tokenOf(await inviteLink(org, event.id, 'host'));
      const res = await org.post(`/api/invites/${token}/accept`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('already_on_team');
      expect((await (await organizer(url(), 'Sam')).post(`/api/invites/${token}/accept`)).status).toBe(200);
    });

    it('for all events: the invitee joins every event the owner has', async () => {
      const { org, event } = await openEvent(url());
      expect((await org.post('/api/events', { ...sampleEvent, name: 'Second' })).status).toBe(201);
      const invite = await inviteLink(org, event.id, 'viewer', true);
      const vera = await organizer(url(), 'Vera');
      expect((await vera.post(`/api/invites/${tokenOf(invite)}/accept`)).status).toBe(200);
      const list = (await vera.get('/api/events')).body as EventListItem[];
      expect(list.map((e) => [e.name, e.role]).sort()).toEqual([
        ['Friday Meetup', 'viewer'],
        ['Second', 'viewer'],
      ]);
      expect(((await org.get('/api/events')).body as EventListItem[]).every((e) => e.role === 'owner')).toBe(true);
    });

    it('only owner or host and viewer roles can be offered', async () => {
      const { org, event } = await openEvent(url());
      const res = await org.post(`/api/events/${event.id}/team/invites`, { role: 'owner' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ role: 'Must be host or viewer' });
    });
  });

  describe('roles', () => {
    it('a host runs the live event but cannot change settings, delete or touch the team', async () => {
      const r = await room(url(), 2, { groupSize: 2 });
      const sam = await teamMember(url(), r.org, r.event.id, 'host');
      expect((await sam.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      expect((await sam.post(`/api/events/${r.event.id}/rounds/current/end`)).status).toBe(200);
      expect((await sam.patch(`/api/events/${r.event.id}`, { name: 'Mine now' })).status).toBe(403);
      expect((await sam.delete(`/api/events/${r.event.id}`)).status).toBe(403);
      expect((await sam.post(`/api/events/${r.event.id}/team/invites`, { role: 'host' })).status).toBe(403);
      expect((await r.org.get(`/api/events/${r.event.id}`)).body.name).toBe(sampleEvent.name);
      r.close();
    });

    it('a viewer sees the live page and the report and changes nothing', async () => {
      const r = await room(url(), 2, { groupSize: 2 });
      const vera = await teamMember(url(), r.org, r.event.id, 'viewer');
      expect((await vera.get(`/api/events/${r.event.id}/rounds`)).status).toBe(200);
      expect((await vera.get(`/api/events/${r.event.id}/report`)).status).toBe(200);
      const start = await vera.post(`/api/events/${r.event.id}/rounds`, {});
      expect(start.status).toBe(403);
      expect(start.body.message).toBe("Only the event's owner or hosts may do this");
      expect((await vera.post(`/api/events/${r.event.id}/state`, { state: 'draft' })).status).toBe(403);
      expect((await r.org.get(`/api/events/${r.event.id}/rounds`)).body.round).toBeNull();
      r.close();
    });

    it('a viewer gets the join code but never the screen key; a host does', async () => {
      const { org, event } = await openEvent(url());
      const vera = await teamMember(url(), org, event.id, 'viewer');
      const sam = await teamMember(url(), org, event.id, 'host');
      const seen = (await vera.get(`/api/events/${event.id}`)).body;
      expect(seen).toMatchObject({ joinCode: event.joinCode, screenKey: null, screenUrl: null });
      expect(JSON.stringify(seen)).not.toContain(event.screenKey);
      expect((await sam.get(`/api/events/${event.id}`)).body.screenKey).toBe(event.screenKey);
      expect((await vera.get(`/api/events/${event.id}/report/seating.csv`)).status).toBe(200);
    });

    it('the owner changes a role and removes a member; others cannot', async () => {
      const { org, event } = await openEvent(url());
      const sam = await teamMember(url(), org, event.id, 'host');
      const vera = await teamMember(url(), org, event.id, 'viewer');
      expect((await sam.patch(`/api/events/${event.id}/team/${vera.id}`, { role: 'host' })).status).toBe(403);
      const changed = await org.patch(`/api/events/${event.id}/team/${sam.id}`, { role: 'viewer' });
      expect(changed.status).toBe(200);
      expect((changed.body as TeamView).members.find((m) => m.organizerId === sam.id)?.role).toBe('viewer');
      expect((await sam.post(`/api/events/${event.id}/state`, { state: 'draft' })).status).toBe(403);

      const removed = await org.delete(`/api/events/${event.id}/team/${vera.id}`);
      expect(removed.status).toBe(200);
      expect((removed.body as TeamView).members.map((m) => m.name)).toEqual(['Olga', 'Sam']);
      expect((await vera.get(`/api/events/${event.id}`)).status).toBe(404);
      const again = await org.delete(`/api/events/${event.id}/team/${vera.id}`);
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('not_a_member');
      const ownerId = ((await org.get('/api/auth/me')).body as { id: string }).id;
      expect((await org.patch(`/api/events/${event.id}/team/${ownerId}`, { role: 'viewer' })).status).toBe(404);
    });
  });

  describe('ownership', () => {
    it('moves only by an explicit transfer, to a member; the old owner stays on as host; always exactly one owner', async () => {
      const { org, event } = await openEvent(url());
      const sam = await teamMember(url(), org, event.id, 'viewer');
      const stranger = await organizer(url(), 'Eve');
      const strangerId = ((await stranger.get('/api/auth/me')).body as { id: string }).id;
      const refused = await org.post(`/api/events/${event.id}/team/transfer`, { organizerId: strangerId });
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('not_a_member');

      const moved = await org.post(`/api/events/${event.id}/team/transfer`, { organizerId: sam.id });
      expect(moved.status).toBe(200);
      const team = (await sam.get(`/api/events/${event.id}/team`)).body as TeamView;
      expect(team.members.filter((m) => m.role === 'owner').map((m) => m.name)).toEqual(['Vera']);
      expect(team.members.map((m) => [m.name, m.role])).toEqual([
        ['Vera', 'owner'],
        ['Olga', 'host'],
      ]);
      expect(team.myRole).toBe('owner');
      // The old owner can no longer change settings or the team, and cannot take the event back.
      expect((await org.patch(`/api/events/${event.id}`, { name: 'Back' })).status).toBe(403);
      expect((await org.post(`/api/events/${event.id}/team/transfer`, { organizerId: sam.id })).status).toBe(403);
      expect((await sam.patch(`/api/events/${event.id}`, { name: 'Renamed by Vera' })).status).toBe(200);
    });
  });

  describe('the action log', () => {
    it('records who did each live action; the console hears it and the report lists it', async () => {
      const r = await room(url(), 2, { groupSize: 2 });
      const sam = await teamMember(url(), r.org, r.event.id, 'host', 'Sam');
      const heard: LiveAction[] = [];
      r.console.on('console:action', (a) => heard.push(a));
      // opening an open event changes nothing, so it records nothing
      expect((await sam.post(`/api/events/${r.event.id}/state`, { state: 'open' })).status).toBe(200);
      expect((await sam.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/end`)).status).toBe(200);
      expect((await sam.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      // a refused action records nothing
      expect((await sam.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(409);

      const expected = [
        { kind: 'round.started', by: 'Sam', count: 1 },
        { kind: 'round.ended', by: 'Olga', count: 1 },
        { kind: 'round.started', by: 'Sam', count: 2 },
      ];
      await eventually(() => expect(heard.map(({ kind, by, count }) => ({ kind, by, count }))).toEqual(expected));
      const log = (await sam.get(`/api/events/${r.event.id}/actions`)).body as LiveAction[];
      expect(log.map(({ kind, by, count }) => ({ kind, by, count }))).toEqual([
        { kind: 'event.opened', by: 'Olga', count: null },
        ...expected,
      ]);
      const report = (await r.org.get(`/api/events/${r.event.id}/report`)).body;
      expect(report.actions.map(({ kind, by }: LiveAction) => `${kind} ${by}`)).toEqual([
        'event.opened Olga',
        'round.started Sam',
        'round.ended Olga',
        'round.started Sam',
      ]);
      r.close();
    });
  });

  describe('console sockets', () => {
    it("a viewer's console socket gets the live news but cannot act", async () => {
      const r = await room(url(), 2, { groupSize: 2 });
      const vera = await teamMember(url(), r.org, r.event.id, 'viewer');
      const socket = connect(url(), { role: 'organizer', eventId: r.event.id }, vera.cookie);
      const snapshot = await snapshotOf(socket);
      expect(snapshot.role).toBe('organizer');
      // The screen key opens the screen: a viewer's snapshot and event news go without it.
      expect(JSON.stringify(snapshot)).not.toContain(r.event.screenKey);
      if (snapshot.role === 'organizer')
        expect(snapshot.event).toMatchObject({ joinCode: r.event.joinCode, screenKey: null, screenUrl: null });
      const host = connect(url(), { role: 'organizer', eventId: r.event.id }, r.cookie);
      const hostSnapshot = await snapshotOf(host);
      if (hostSnapshot.role === 'organizer') expect(hostSnapshot.event.screenKey).toBe(r.event.screenKey);
      const viewerNews: unknown[] = [];
      const hostNews: unknown[] = [];
      socket.on('console:event-changed', (e) => viewerNews.push(e));
      host.on('console:event-changed', (e) => hostNews.push(e));
      const renamed = await r.org.patch(`/api/events/${r.event.id}`, { name: 'Renamed' });
      expect(renamed.status).toBe(200);
      await eventually(() => expect(viewerNews).toHaveLength(1));
      await eventually(() => expect(hostNews).toHaveLength(1));
      expect(viewerNews[0]).toMatchObject({ name: 'Renamed', screenKey: null, screenUrl: null });
      expect(hostNews[0]).toMatchObject({ name: 'Renamed', screenKey: r.event.screenKey });
      host.disconnect();
      const rounds: unknown[] = [];
      socket.on('console:rounds-changed', (s) => rounds.push(s));
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => expect(rounds.length).toBeGreaterThan(0));
      const ack = await socket.emitWithAck('group:arrive', { groupId: '00000000-0000-4000-8000-000000000000' });
      expect(ack).toEqual({ error: { code: 'forbidden', message: 'Only attendees arrive at a spot' } });
      socket.disconnect();
      r.close();
    });

    it('a removed member is disconnected and cannot connect again', async () => {
      const { org, event } = await openEvent(url());
      const vera = await teamMember(url(), org, event.id, 'viewer');
      const socket = connect(url(), { role: 'organizer', eventId: event.id }, vera.cookie);
      await snapshotOf(socket);
      const closed: string[] = [];
      socket.on('connection:closed', (info) => closed.push(info.reason));
      expect((await org.delete(`/api/events/${event.id}/team/${vera.id}`)).status).toBe(200);
      await eventually(() => expect(closed).toEqual(['team_changed']));
      socket.disconnect();
      const again = connect(url(), { role: 'organizer', eventId: event.id }, vera.cookie);
      expect((await refusal(again)).data?.code).toBe('not_found');
      again.disconnect();
    });
  });
});

describe('co-organizers while sign-up is closed', () => {
  const app = useApp({ ALLOW_SIGNUP: 'false' });

  it('an open invite lets its invitee create an account; without one, or with a spent one, sign-up stays closed', async () => {
    const url = app().url;
    const { org, event } = await openEvent(url);
    const token = tokenOf(await inviteLink(org, event.id, 'host'));
    const signUp = (email: string, invite?: string) =>
      request(url)
        .post('/api/auth/signup')
        .set(CSRF_HEADER, '1')
        .send({ email, name: 'Sam', password: 'correct horse battery', ...(invite ? { invite } : {}) });

    const uninvited = await signUp('eve@example.com');
    expect(uninvited.status).toBe(403);
    expect(uninvited.body.code).toBe('signup_closed');
    expect((await signUp('eve@example.com', 'y'.repeat(43))).status).toBe(403);

    const invited = await signUp('sam@example.com', token);
    expect(invited.status).toBe(201);
    const cookie = String(invited.headers['set-cookie']).split(';')[0]!;
    const accepted = await request(url).post(`/api/invites/${token}/accept`).set(CSRF_HEADER, '1').set('cookie', cookie);
    expect(accepted.status).toBe(200);
    // The link is spent: it lets nobody else in.
    expect((await signUp('mallory@example.com', token)).status).toBe(403);
  });
});
