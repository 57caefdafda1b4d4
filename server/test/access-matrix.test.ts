import request from 'supertest';
import { CSRF_HEADER, routes } from '@mingle/shared';
import type { Access } from '../src/common/route';
import { useApp } from './support/app';
import { join, openEvent } from './support/attendees';
import { assignments, phoneHeaders, room } from './support/room';
import { apiRoutes, declaredRoutes, pathOf, type AppRoute } from './support/routes';
import { connect, eventually, snapshotOf } from './support/sockets';
import { inviteLink, teamMember, tokenOf } from './support/team';

/**
 * Every route × role, with the routes read from the app: a route missing from EXPECTED fails the
 * test, so whoever adds one must say who may call it. Allowed: any answer but 401/403/404 (a 400 for
 * the empty body is fine). Refused: 401, 403 or 404. Access is decided before any validation; the
 * table gives a valid body where an allowed call should get past validation to the service.
 */

const ROLES = [
  'anonymous',
  'owner',
  'host',
  'viewer',
  'otherOrganizer',
  'attendee',
  'otherAttendee',
  'screen',
  'oldScreen',
  'removed',
  'erased',
] as const;
type Role = (typeof ROLES)[number];

const EVERYONE: Role[] = [...ROLES];
const ORGANIZERS: Role[] = ['owner', 'host', 'viewer', 'otherOrganizer'];
/** the event's team, by the least role a route needs (owner > host > viewer) */
const OWNER: Role[] = ['owner'];
const HOSTS: Role[] = ['owner', 'host'];
const TEAM: Role[] = ['owner', 'host', 'viewer'];
/** /api/me routes answer about the token's own attendee, whichever event that is. */
const ATTENDEES: Role[] = ['attendee', 'otherAttendee'];
/** …and routes about someone this attendee met: only the one who met them. */
const THIS_ATTENDEE: Role[] = ['attendee'];

interface Expectation {
  allowed: Role[];
  /** its allowed call changes the world (deletes, logs out, regenerates, starts…): a fresh world per call */
  destructive?: boolean;
  /** a valid body, when {} would be refused by validation before access is checked */
  body?: object | ((w: World) => object);
}

/** An attendee id no event has: bulk routes accept it and change nothing. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

const EXPECTED: Record<string, Expectation> = {
  'GET /api/health': { allowed: EVERYONE },
  'GET /api/health/live': { allowed: EVERYONE },
  'POST /api/auth/signup': { allowed: EVERYONE },
  'POST /api/auth/login': { allowed: EVERYONE },
  'POST /api/auth/logout': { allowed: EVERYONE, destructive: true },
  'GET /api/auth/me': { allowed: ORGANIZERS },
  'PATCH /api/auth/me': { allowed: ORGANIZERS, body: { language: 'de' } },
  'GET /api/events': { allowed: ORGANIZERS },
  'POST /api/events': { allowed: ORGANIZERS },
  'GET /api/events/:id': { allowed: TEAM },
  'PATCH /api/events/:id': { allowed: OWNER },
  'POST /api/events/:id/duplicate': { allowed: OWNER },
  'DELETE /api/events/:id': { allowed: OWNER, destructive: true },
  'POST /api/events/:id/state': { allowed: HOSTS, body: { state: 'open' } },
  'POST /api/events/:id/join-code': { allowed: HOSTS, destructive: true },
  'POST /api/events/:id/screen-key': { allowed: HOSTS, destructive: true },
  'GET /api/events/:id/attendees': { allowed: TEAM },
  'DELETE /api/events/:id/attendees/:attendeeId': { allowed: HOSTS, destructive: true },
  'PATCH /api/events/:id/attendees/:attendeeId': { allowed: HOSTS, body: { hiddenFromScreen: true } },
  'POST /api/events/:id/attendees/remove': { allowed: HOSTS, body: { attendeeIds: [NOBODY] } },
  'POST /api/events/:id/attendees/leave-out': { allowed: HOSTS, body: { attendeeIds: [NOBODY] } },
  'GET /api/events/:id/connections': { allowed: TEAM },
  'GET /api/events/:id/report': { allowed: TEAM },
  'GET /api/events/:id/report/seating.csv': { allowed: TEAM },
  'GET /api/events/:id/report/meetings.csv': { allowed: TEAM },
  'GET /api/events/:id/report/figures.csv': { allowed: TEAM },
  'GET /api/series': { allowed: ORGANIZERS },
  'POST /api/series': { allowed: ORGANIZERS, body: { name: 'Monthly meetup' } },
  /** only the organizer whose series it is (others: 404 unknown_series) */
  'PATCH /api/series/:seriesId': { allowed: OWNER, body: { name: 'Monthly meetup' } },
  'GET /api/events/:id/series': { allowed: TEAM },
  'PUT /api/events/:id/series': { allowed: OWNER, body: (w) => ({ seriesId: w.params.seriesId }) },
  'GET /api/join/:code/series': { allowed: EVERYONE },
  /** the other attendee's event is in no series: 404 unknown_series */
  'POST /api/me/series': { allowed: THIS_ATTENDEE },
  'GET /api/me/series/people': { allowed: ATTENDEES },
  'GET /api/events/:id/rounds': { allowed: TEAM },
  'POST /api/events/:id/rounds': { allowed: HOSTS, destructive: true },
  'POST /api/events/:id/rounds/current/end': { allowed: HOSTS, destructive: true },
  'POST /api/events/:id/rounds/current/extend': { allowed: HOSTS, body: { minutes: 1 }, destructive: true },
  'PUT /api/events/:id/autopilot': { allowed: HOSTS, body: { rounds: 3, roundMinutes: 5, breakMinutes: 1 }, destructive: true },
  'POST /api/events/:id/autopilot/pause': { allowed: HOSTS, destructive: true },
  'POST /api/events/:id/autopilot/resume': { allowed: HOSTS, destructive: true },
  'DELETE /api/events/:id/autopilot': { allowed: HOSTS, destructive: true },
  'GET /api/events/:id/team': { allowed: TEAM },
  'POST /api/events/:id/team/invites': { allowed: OWNER, body: { role: 'viewer' } },
  'PATCH /api/events/:id/team/:organizerId': { allowed: OWNER, body: { role: 'viewer' }, destructive: true },
  'DELETE /api/events/:id/team/invites/:inviteId': { allowed: OWNER, destructive: true },
  'DELETE /api/events/:id/team/:organizerId': { allowed: OWNER, destructive: true },
  'POST /api/events/:id/team/transfer': { allowed: OWNER, body: (w) => ({ organizerId: w.host.id }), destructive: true },
  'GET /api/events/:id/actions': { allowed: TEAM },
  'GET /api/invites/:token': { allowed: ORGANIZERS },
  'POST /api/invites/:token/accept': { allowed: ORGANIZERS, destructive: true },
  'POST /api/planner': { allowed: ORGANIZERS },
  'GET /api/join/:code': { allowed: EVERYONE },
  'POST /api/join/:code': { allowed: EVERYONE },
  'GET /api/me': { allowed: ATTENDEES },
  'PATCH /api/me': { allowed: ATTENDEES },
  'DELETE /api/me': { allowed: ATTENDEES, destructive: true },
  'POST /api/me/break': { allowed: ATTENDEES, destructive: true },
  'POST /api/me/leave': { allowed: ATTENDEES, destructive: true },
  'GET /api/me/room': { allowed: ATTENDEES },
  'GET /api/me/people': { allowed: ATTENDEES },
  'GET /api/me/share': { allowed: ATTENDEES },
  'PUT /api/me/share': { allowed: ATTENDEES },
  'GET /api/me/connections.csv': { allowed: ATTENDEES },
  'GET /api/me/connections.vcf': { allowed: ATTENDEES },
  'POST /api/me/people/:otherId/swap': { allowed: THIS_ATTENDEE, destructive: true },
  'DELETE /api/me/people/:otherId/swap': { allowed: THIS_ATTENDEE, destructive: true },
  'PUT /api/me/people/:otherId/opt-out': { allowed: THIS_ATTENDEE, body: { reason: 'know' }, destructive: true },
  'DELETE /api/me/people/:otherId/opt-out': { allowed: THIS_ATTENDEE },
  'PUT /api/me/people/:otherId/note': { allowed: THIS_ATTENDEE, body: { text: 'Met at the coffee table' } },
  'GET /api/me/people/:otherId/contact.vcf': { allowed: THIS_ATTENDEE },
  'DELETE /api/me/connections/:otherId/card': { allowed: THIS_ATTENDEE, destructive: true },
};

const REFUSED = new Set([401, 403, 404]);

/**
 * Event E (owner's) where `attendee` and `mate` met in round 1, one attendee removed by the organizer,
 * one who erased themselves, a regenerated screen key; event F of another organizer with its attendee.
 */
async function world(url: string) {
  const r = await room(url, 2, { groupSize: 2 });
  const [attendee, mate] = r.phones.map((p) => p.joined);
  const removed = await join(url, r.event.joinCode);
  const erased = await join(url, r.event.joinCode);
  expect((await r.org.delete(`/api/events/${r.event.id}/attendees/${removed.me.id}`)).status).toBe(204);
  expect((await request(url).delete('/api/me').set(phoneHeaders(erased.token))).status).toBe(204);
  const oldScreenKey = r.event.screenKey;
  const screenKey = (await r.org.post(`/api/events/${r.event.id}/screen-key`)).body.screenKey as string;
  expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
  await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
  r.close();
  const host = await teamMember(url, r.org, r.event.id, 'host');
  const viewer = await teamMember(url, r.org, r.event.id, 'viewer');
  const invite = tokenOf(await inviteLink(r.org, r.event.id, 'viewer'));
  const openInvite = await inviteLink(r.org, r.event.id, 'host');
  const other = await openEvent(url);
  const otherAttendee = await join(url, other.event.joinCode);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const credentials: Record<Role, Record<string, string>> = {
    anonymous: {},
    owner: { cookie: r.cookie },
    host: { cookie: host.cookie },
    viewer: { cookie: viewer.cookie },
    otherOrganizer: { cookie: other.cookie },
    attendee: bearer(attendee!.token),
    otherAttendee: bearer(otherAttendee.token),
    screen: bearer(screenKey),
    oldScreen: bearer(oldScreenKey),
    removed: bearer(removed.token),
    erased: bearer(erased.token),
  };
  const seriesId = (await r.org.post('/api/series', { name: 'Monthly meetup' })).body.id as string;
  expect((await r.org.put(`/api/events/${r.event.id}/series`, { seriesId })).status).toBe(200);
  const params: Record<string, string> = {
    seriesId,
    id: r.event.id,
    code: r.event.joinCode,
    attendeeId: mate!.me.id,
    otherId: mate!.me.id,
    organizerId: viewer.id,
    token: invite,
    inviteId: openInvite.id,
  };
  return { r, credentials, params, screenKey, oldScreenKey, attendee: attendee!, removed, erased, otherAttendee, other, host, viewer };
}
type World = Awaited<ReturnType<typeof world>>;

async function call(url: string, w: World, route: AppRoute, role: Role): Promise<number> {
  const path = pathOf(route, (name) => {
    if (!(name in w.params)) throw new Error(`no fixture for the path parameter :${name} of ${route.key}`);
    return w.params[name]!;
  });
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = request(url)[method](path).set(CSRF_HEADER, '1').set(w.credentials[role]);
  const body = EXPECTED[route.key]?.body ?? {};
  const res = method === 'get' ? await req : await req.send(typeof body === 'function' ? body(w) : body);
  return res.status;
}

describe('authorization matrix: every route × role', () => {
  const app = useApp({ AUTH_RATE_LIMIT: '100000', JOIN_RATE_LIMIT: '100000' });

  it('classifies every route the app serves', () => {
    const missing = apiRoutes(app().app)
      .map((r) => r.key)
      .filter((key) => !EXPECTED[key]);
    expect(missing).toEqual([]);
    const stale = Object.keys(EXPECTED).filter((key) => !apiRoutes(app().app).some((r) => r.key === key));
    expect(stale).toEqual([]);
  });

  it('every route declares its access rule and is a route of the shared contract', () => {
    const served = apiRoutes(app().app).map((r) => r.key);
    const declared = declaredRoutes(app().app);
    const ruleOf = new Map(declared.map((d) => [d.key, d.access]));
    expect(served.filter((key) => !ruleOf.get(key))).toEqual([]);
    expect(declared.filter((d) => !d.access).map((d) => d.handler)).toEqual([]);
    expect([...served].sort()).toEqual(Object.keys(routes).sort());
  });

  it('each declared rule lets in the roles the table allows', () => {
    const rolesOf: Record<Access, Role[][]> = {
      public: [EVERYONE],
      // organizer routes about an organizer's own things (a series) let in only that organizer: here the owner
      organizer: [ORGANIZERS, OWNER],
      'event owner': [OWNER],
      'event host': [HOSTS],
      'event viewer': [TEAM],
      attendee: [ATTENDEES, THIS_ATTENDEE],
    };
    const same = (a: Role[], b: Role[]) => a.length === b.length && a.every((r) => b.includes(r));
    const wrong = declaredRoutes(app().app)
      .filter((d) => d.access && !rolesOf[d.access].some((roles) => same(roles, EXPECTED[d.key]?.allowed ?? [])))
      .map((d) => `${d.key}: ${d.access}`);
    expect(wrong).toEqual([]);
  });

  it('lets in exactly the roles the table allows, on every route', async () => {
    const url = app().url;
    const routes = apiRoutes(app().app).filter((r) => EXPECTED[r.key]);
    const shared = await world(url);
    // Each allowed call of a destructive route gets a world of its own; they are independent of one
    // another, so they are built beforehand, a few at a time.
    const needed = routes.reduce((n, r) => n + (EXPECTED[r.key]!.destructive ? EXPECTED[r.key]!.allowed.length : 0), 0);
    const fresh: World[] = [];
    while (fresh.length < needed) {
      fresh.push(...(await Promise.all(Array.from({ length: Math.min(4, needed - fresh.length) }, () => world(url)))));
    }
    const wrong: string[] = [];
    for (const route of routes) {
      const { allowed, destructive } = EXPECTED[route.key]!;
      // Refused roles first: a refusal changes nothing, so they may share the world.
      const order = [...ROLES.filter((r) => !allowed.includes(r)), ...ROLES.filter((r) => allowed.includes(r))];
      for (const role of order) {
        const w = destructive && allowed.includes(role) ? fresh.pop()! : shared;
        const status = await call(url, w, route, role);
        const ok = allowed.includes(role) ? !REFUSED.has(status) && status < 500 : REFUSED.has(status);
        if (!ok) wrong.push(`${route.key} as ${role}: ${status} (expected ${allowed.includes(role) ? 'allowed' : 'refused'})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it('socket handshakes for the event: its team, its attendees and its current screen key only', async () => {
    const url = app().url;
    const w = await world(url);
    const eventId = w.r.event.id;
    const handshakes: Record<Role, [Record<string, unknown>, string?]> = {
      anonymous: [{ role: 'organizer', eventId }],
      owner: [{ role: 'organizer', eventId }, w.r.cookie],
      host: [{ role: 'organizer', eventId }, w.host.cookie],
      viewer: [{ role: 'organizer', eventId }, w.viewer.cookie],
      otherOrganizer: [{ role: 'organizer', eventId }, w.other.cookie],
      attendee: [{ role: 'attendee', token: w.attendee.token }],
      otherAttendee: [{ role: 'attendee', token: w.otherAttendee.token }],
      screen: [{ role: 'screen', eventId, key: w.screenKey }],
      oldScreen: [{ role: 'screen', eventId, key: w.oldScreenKey }],
      removed: [{ role: 'attendee', token: w.removed.token }],
      erased: [{ role: 'attendee', token: w.erased.token }],
    };
    const intoEvent: Role[] = ['owner', 'host', 'viewer', 'attendee', 'screen'];
    const wrong: string[] = [];
    for (const role of ROLES) {
      const [auth, cookie] = handshakes[role];
      const socket = connect(url, auth, cookie);
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect_error', (err) => resolve(`refused: ${err.message}`));
        snapshotOf(socket).then(
          (s) => resolve(`snapshot of ${s.event.id === eventId ? 'this event' : 'another event'}`),
          (e: Error) => resolve(e.message),
        );
      });
      socket.disconnect();
      const got = outcome === 'snapshot of this event';
      if (got !== intoEvent.includes(role)) wrong.push(`${role}: ${outcome}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
