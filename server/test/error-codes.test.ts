import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';
import { useApp } from './support/app';
import { openEvent, person } from './support/attendees';
import { room } from './support/room';
import { connect, refusal } from './support/sockets';

const joinWith = (url: string, code: string, body: object) => request(url).post(`/api/join/${code}`).set(CSRF_HEADER, '1').send(body);
const attendeeCount = async (db: { query: (sql: string) => Promise<Array<{ n: number | string }>> }) =>
  Number((await db.query('SELECT COUNT(*) AS n FROM attendees'))[0]!.n);

/** Clients say errors in their own language: every body carries a code, its params and per-field codes. */
describe('error bodies carry codes and parameters for clients to translate', () => {
  const app = useApp();

  it('a join with a bad email and no name: English per field, and the catalog key per field', async () => {
    const { event } = await openEvent(app().url);
    const res = await joinWith(app().url, event.joinCode, person({ name: '', card: { email: 'not-an-email' }, extra: 1 } as object));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'invalid_request',
      fields: { name: 'Enter your name', 'card.email': 'Enter a valid email address', extra: 'Unknown field' },
      fieldCodes: { name: { code: 'nameRequired' }, 'card.email': { code: 'emailInvalid' }, extra: { code: 'unknownField' } },
    });
    expect(await attendeeCount(app().db)).toBe(0);
  });

  it('a too-long name names the field and its limit as parameters; zod’s own issues get generic codes', async () => {
    const { event } = await openEvent(app().url);
    const long = await joinWith(app().url, event.joinCode, person({ name: 'x'.repeat(41) }));
    expect(long.body.fields).toEqual({ name: 'Name is at most 40 characters' });
    expect(long.body.fieldCodes).toEqual({ name: { code: 'tooLong', params: { what: 'name', max: 40 } } });

    const org = (await openEvent(app().url)).org;
    const wrongType = await org.post('/api/events', { name: 'Meetup', interests: ['A', 'B'], groupSize: 'four' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.fieldCodes.groupSize).toEqual({ code: 'invalidType' });
  });

  it('a check of the server itself (an interest the event lacks) carries its key and the typed value', async () => {
    const { event } = await openEvent(app().url);
    const res = await joinWith(app().url, event.joinCode, person({ interests: ['Knitting'] }));
    expect(res.status).toBe(400);
    expect(res.body.fields.interests).toBe('"Knitting" is not one of this event\'s interests');
    expect(res.body.fieldCodes.interests).toEqual({ code: 'notAnInterest', params: { value: 'Knitting' } });
  });

  it('starting a round with too few people says how many are there', async () => {
    const r = await room(app().url, 1);
    try {
      const res = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'too_few_people', params: { min: 2, n: 1 } });
      expect(res.body.message).toBe('At least 2 people must be present to start a round (1 now)');
    } finally {
      r.close();
    }
  });

  it('one code with several messages names its variant: an attendee token no longer valid, a missing event', async () => {
    const noToken = await request(app().url).get('/api/me').set('authorization', 'Bearer nobody');
    expect(noToken.status).toBe(401);
    expect(noToken.body).toMatchObject({ code: 'unauthorized', params: { variant: 'joinLink' } });

    const org = (await openEvent(app().url)).org;
    const missing = await org.get('/api/events/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not_found', params: { variant: 'event' } });
  });

  it('a refused socket handshake carries its code and variant', async () => {
    const socket = connect(app().url, { role: 'attendee', token: 'nobody' });
    try {
      const refused = await refusal(socket);
      expect(refused.data).toMatchObject({ code: 'unauthorized', params: { variant: 'joinLink' } });
    } finally {
      socket.close();
    }
  });

  it('a socket acknowledgement carries the API error’s code and variant', async () => {
    const r = await room(app().url, 2);
    try {
      const ack = await r.phones[0]!.socket.timeout(3000).emitWithAck('group:arrive', { groupId: '00000000-0000-4000-8000-000000000000' });
      expect(ack).toEqual({ error: { code: 'no_round', message: 'That group is not in a running round', params: { variant: 'group' } } });
    } finally {
      r.close();
    }
  });
});

describe('too many wrong codes', () => {
  const app = useApp({ WRONG_CODE_LIMIT: '1' });

  it('says when to try again as a parameter', async () => {
    await openEvent(app().url);
    expect((await request(app().url).get('/api/join/ZZZZZZ')).status).toBe(404);
    const refused = await request(app().url).get('/api/join/ZZZZZY');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_wrong_codes');
    expect(refused.body.params.retryAfter).toBe(refused.body.retryAfter);
    expect(refused.body.params.retryAfter).toBeGreaterThan(0);
  });
});
