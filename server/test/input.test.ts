import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { CSRF_HEADER } from '@mingle/shared';
import { useApp } from './support/app';
import { attendeeHeaders, join, openEvent, person } from './support/attendees';
import { browser, organizer, sampleEvent } from './support/http';
import { room } from './support/room';
import { connect, refusal } from './support/sockets';

/** The control characters every text field refuses; each is put in the middle of a valid value. */
const BAD = { NUL: '\u0000', BEL: '\u0007', 'lone CR': '\r', ESC: '\u001b', DEL: '\u007f', C1: '\u0085' };

/** Sets a dotted path (numbers index arrays) in a copy of body. */
function withValue(body: object, path: string, value: string): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

function getPath(body: object, path: string): string {
  return path.split('.').reduce((at: any, key) => at[key], body) as string;
}

const card = {
  email: 'ana@mail.example',
  phone: '+44 20 7946 0958',
  linkedin: 'https://www.linkedin.com/in/ana',
  website: 'https://ana.example',
  other: '@ana',
};
const profile = { name: 'Ana Lopez', headline: 'Builder', company: 'Acme', interests: ['AI', 'Hiking'], card };
const fullEvent = {
  ...sampleEvent,
  description: 'Line one\nline two',
  venue: 'Hall B',
  timeZone: 'Europe/Berlin',
  spotLabels: ['Window', 'Bar'],
  icebreakers: ['What are you building?'],
  privacyNote: 'We keep names for a week.',
};

interface Case {
  body: string;
  send: (value: object) => Promise<request.Response>;
  valid: object;
  fields: string[];
}

describe('input refused on every text field', () => {
  const app = useApp();
  let cases: Case[];
  let check: () => Promise<void>;

  beforeAll(async () => {
    const url = app().url;
    const { org, event } = await openEvent(url, { interests: ['AI', 'Hiking', 'Rust'] });
    const phone = await join(url, event.joinCode, person());
    const anon = browser(url);
    const before = (await org.get(`/api/events/${event.id}`)).body;
    check = async () => {
      expect((await org.get(`/api/events/${event.id}`)).body).toEqual(before);
      expect((await org.get(`/api/events/${event.id}/attendees`)).body).toHaveLength(1);
      expect((await request(url).get('/api/me').set(attendeeHeaders(phone.token))).body.me).toEqual(phone.me);
    };
    const phoneSend = (method: 'patch' | 'put', path: string) => (body: object) =>
      request(url)[method](path).set(attendeeHeaders(phone.token)).send(body);
    cases = [
      {
        body: 'sign-up',
        send: (b) => anon.post('/api/auth/signup', b),
        valid: { email: 'new@example.com', name: 'Olga Berg', password: 'correct horse battery' },
        fields: ['email', 'name'],
      },
      { body: 'log-in', send: (b) => anon.post('/api/auth/login', b), valid: { email: org.email, password: 'x' }, fields: ['email'] },
      {
        body: 'new event',
        send: (b) => org.post('/api/events', b),
        valid: fullEvent,
        fields: ['name', 'description', 'venue', 'timeZone', 'interests.1', 'spotLabels.0', 'icebreakers.0', 'privacyNote'],
      },
      {
        body: 'event edit',
        send: (b) => org.patch(`/api/events/${event.id}`, b),
        valid: fullEvent,
        fields: ['name', 'description', 'venue', 'timeZone', 'interests.1', 'spotLabels.1', 'icebreakers.0', 'privacyNote'],
      },
      {
        body: 'join',
        send: (b) => request(url).post(`/api/join/${event.joinCode}`).set(CSRF_HEADER, '1').send(b),
        valid: { ...profile, acceptPrivacy: true },
        fields: ['name', 'headline', 'company', 'interests.0', 'card.email', 'card.phone', 'card.linkedin', 'card.website', 'card.other'],
      },
      {
        body: 'profile edit',
        send: phoneSend('patch', '/api/me'),
        valid: profile,
        fields: ['name', 'headline', 'company', 'interests.1', 'card.email', 'card.phone', 'card.linkedin', 'card.website', 'card.other'],
      },
      {
        body: 'note',
        send: phoneSend('put', `/api/me/people/${randomUUID()}/note`),
        valid: { text: 'Met at the bar.\nCall in May.' },
        fields: ['text'],
      },
      {
        body: 'planner',
        send: (b) => org.post('/api/planner', b),
        valid: { groupSize: 2, rounds: 1, people: [{ name: 'Ana', company: 'Acme', interests: ['AI'] }, { name: 'Ben' }] },
        fields: ['people.0.name', 'people.0.company', 'people.0.interests.0'],
      },
    ];
  }, 60_000);

  it('refuses NUL, BEL, a lone CR, ESC, DEL and C1 in every field with a 400 naming it, and stores nothing', async () => {
    const misses: string[] = [];
    for (const c of cases) {
      for (const field of c.fields) {
        for (const [label, ch] of Object.entries(BAD)) {
          const good = getPath(c.valid, field);
          const value = `${good.slice(0, 2)}${ch}${good.slice(2)}`;
          const res = await c.send(withValue(c.valid, field, value));
          const ok =
            res.status === 400 &&
            res.body.code === 'invalid_request' &&
            typeof res.body.fields?.[field] === 'string' &&
            String(res.body.message).startsWith(`${field}:`);
          if (!ok) misses.push(`${c.body} ${field} ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    expect(misses).toEqual([]);

    // Nothing got in: the event and the profile are unchanged and nobody else joined.
    await check();
  }, 120_000);

  it('accepts tabs and line breaks where text has lines, and CRLF is stored as LF', async () => {
    const org = await organizer(app().url);
    const res = await org.post('/api/events', { ...sampleEvent, description: 'Doors 18:00\r\nTalks\t19:00', privacyNote: 'One\ntwo' });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('Doors 18:00\nTalks\t19:00');
    expect(res.body.privacyNote).toBe('One\ntwo');
  }, 30_000);

  it('refuses line breaks and tabs inside single-line fields', async () => {
    const org = await organizer(app().url);
    for (const [field, value] of [
      ['name', 'Friday\nMeetup'],
      ['venue', 'Hall\r\nB'],
      ['name', 'Friday\tMeetup'],
    ] as const) {
      const res = await org.post('/api/events', { ...sampleEvent, [field]: value });
      expect(res.status).toBe(400);
      expect(res.body.fields[field]).toMatch(/single line/);
    }
  }, 30_000);

  it('refuses a control character in a socket handshake with a bad_request refusal', async () => {
    const socket = connect(app().url, { role: 'attendee', token: 'abc\u0000def' });
    try {
      expect((await refusal(socket)).data?.code).toBe('bad_request');
    } finally {
      socket.close();
    }
  }, 30_000);

  it('a round still starts after an attempt to add a NUL tag', async () => {
    const r = await room(app().url, 4);
    try {
      const bad = await r.org.patch(`/api/events/${r.event.id}`, { interests: [...sampleEvent.interests, 'Tea\u0000'] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields['interests.5']).toMatch(/control characters/);
      expect((await r.org.get(`/api/events/${r.event.id}`)).body.interests).toEqual(sampleEvent.interests);
      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      expect(started.body.round).toMatchObject({ number: 1, state: 'running' });
    } finally {
      r.close();
    }
  }, 30_000);
});
