import request from 'supertest';
import { CSRF_HEADER } from '@mingle/shared';
import { useApp } from './support/app';
import { attendeeHeaders, join, openEvent, person } from './support/attendees';
import { organizer, sampleEvent } from './support/http';

describe('joining an event', () => {
  const app = useApp();

  it('previews the event by code, forgiving case and spaces but never guessing a look-alike', async () => {
    const { event } = await openEvent(app().url);
    const code: string = event.joinCode;
    const spaced = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const res = await request(app().url).get(`/api/join/${encodeURIComponent(spaced)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: event.id, name: event.name, interests: event.interests, state: 'open' });
    expect(res.body.screenKey).toBeUndefined();
    const withLookAlike = await request(app().url).get(`/api/join/0${code.slice(1)}`);
    expect([withLookAlike.status, withLookAlike.body.code, withLookAlike.body.id]).toEqual([404, 'look_alike_code', undefined]);
  });

  it('says which when the code is unknown, the event a draft or ended', async () => {
    const org = await organizer(app().url);
    const draft = (await org.post('/api/events', sampleEvent)).body;
    const unknown = await request(app().url).get('/api/join/ZZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/No event has this code/);
    expect((await request(app().url).get('/api/join/!!')).status).toBe(404);
    const notOpen = await request(app().url).get(`/api/join/${draft.joinCode}`);
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.code).toBe('event_not_open');
    await org.post(`/api/events/${draft.id}/state`, { state: 'open' });
    await org.post(`/api/events/${draft.id}/state`, { state: 'ended' });
    const ended = await request(app().url).get(`/api/join/${draft.joinCode}`);
    expect(ended.status).toBe(410);
    expect(ended.body.code).toBe('event_ended');
    const joinEnded = await request(app().url).post(`/api/join/${draft.joinCode}`).set(CSRF_HEADER, '1').send(person());
    expect(joinEnded.status).toBe(410);
  });

  it('joins with a profile and a token that resumes the same attendee', async () => {
    const { event } = await openEvent(app().url);
    const body = person({ name: 'Ana Lima', interests: ['ai', 'HIKING'] });
    const joined = await join(app().url, event.joinCode, body);
    expect(joined.token.length).toBeGreaterThanOrEqual(22);
    expect(joined.me).toMatchObject({ name: 'Ana Lima', interests: ['AI', 'Hiking'], status: 'active', card: body.card });
    const me = await request(app().url).get('/api/me').set(attendeeHeaders(joined.token));
    expect(me.status).toBe(200);
    expect(me.body.me.id).toBe(joined.me.id);
    expect(me.body.event.id).toBe(event.id);
    const stored = await app().db.query(`SELECT token_hash FROM attendees WHERE id = '${joined.me.id}'`);
    expect(stored[0].token_hash).not.toContain(joined.token);
    expect(stored[0].token_hash).toHaveLength(64);
  });

  it('edits the profile later', async () => {
    const { event } = await openEvent(app().url);
    const { token } = await join(app().url, event.joinCode);
    const res = await request(app().url)
      .patch('/api/me')
      .set(attendeeHeaders(token))
      .send({ headline: 'Designer', interests: ['Rust'], card: { email: 'new@mail.example', phone: '' } });
    expect(res.status).toBe(200);
    expect(res.body.me).toMatchObject({ headline: 'Designer', interests: ['Rust'], card: { email: 'new@mail.example' } });
    expect(res.body.me.card.phone).toBeUndefined();
  });

  it.each([
    [{ name: '' }, 'name', 'Enter your name'],
    [{ name: 'x'.repeat(41) }, 'name', 'Name is at most 40 characters'],
    [{ headline: 'h'.repeat(81) }, 'headline', 'Headline is at most 80 characters'],
    [{ interests: [] }, 'interests', 'Pick at least one interest'],
    [{ interests: ['Cooking'] }, 'interests', '"Cooking" is not one of this event\'s interests'],
    [{ interests: ['AI', 'Hiking', 'Rust'] }, 'interests', 'Pick at most 2 interests'],
    [{ card: { email: 'not-an-email' } }, 'card.email', 'Enter a valid email address'],
    [{ card: { phone: 'call me' } }, 'card.phone', 'Enter a phone number with digits, e.g. +44 20 7946 0958'],
    [{ card: { linkedin: 'https://evil.example/in/x' } }, 'card.linkedin', 'Enter a full LinkedIn address starting with https://'],
    [{ card: { website: 'javascript:alert(1)' } }, 'card.website', 'Enter a full website address starting with https://'],
    [{ card: { fax: '123' } }, 'card.fax', 'Unknown field'],
    [{ acceptPrivacy: false }, 'acceptPrivacy', 'Accept the privacy note to join'],
  ])('rejects %j with a message on %s and creates nobody', async (change, field, message) => {
    const { event, org } = await openEvent(app().url, { maxInterests: 2 });
    const res = await request(app().url)
      .post(`/api/join/${event.joinCode}`)
      .set(CSRF_HEADER, '1')
      .send({ ...person(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.fields[field]).toBe(message);
    expect((await org.get(`/api/events/${event.id}/attendees`)).body).toEqual([]);
  });

  it('refuses a bad or missing token', async () => {
    expect((await request(app().url).get('/api/me')).status).toBe(401);
    expect((await request(app().url).get('/api/me').set(attendeeHeaders('nope'))).status).toBe(401);
  });

  it('lists attendees for the organizer without contact details, and only their own', async () => {
    const { event, org } = await openEvent(app().url);
    const joined = await join(app().url, event.joinCode);
    const list = await org.get(`/api/events/${event.id}/attendees`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: joined.me.id, name: joined.me.name, company: joined.me.company, online: false, status: 'active' }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(joined.me.card.email!);
    expect(list.body[0].card).toBeUndefined();
    const other = await organizer(app().url);
    expect((await other.get(`/api/events/${event.id}/attendees`)).status).toBe(404);
    expect((await other.delete(`/api/events/${event.id}/attendees/${joined.me.id}`)).status).toBe(404);
    expect((await org.get(`/api/events`)).body.find((e: { id: string }) => e.id === event.id).attendeeCount).toBe(1);
  });
});

describe('join rate limit', () => {
  const app = useApp({ JOIN_RATE_LIMIT: '3' });

  it('answers 429 to too many joins from one address', async () => {
    const { event } = await openEvent(app().url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await request(app().url).post(`/api/join/${event.joinCode}`).set(CSRF_HEADER, '1').send(person())).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
