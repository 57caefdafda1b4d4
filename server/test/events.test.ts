import { JOIN_CODE_ALPHABET } from '@mingle/shared';
import { browser, organizer, sampleEvent } from './support/http';
import { useApp } from './support/app';

describe('events', () => {
  const app = useApp();

  it('creates an event with defaults, a join code and a screen key', async () => {
    const o = await organizer(app().url);
    const res = await o.post('/api/events', { ...sampleEvent, interests: ['  AI ', 'ai', 'Hiking', 'hiking ', 'Rust'] });
    expect(res.status).toBe(201);
    const e = res.body;
    expect(e.interests).toEqual(['AI', 'Hiking', 'Rust']);
    expect(e).toMatchObject({ state: 'draft', groupSize: 4, roundMinutes: 8, maxInterests: 3, mixMode: 'similar' });
    expect(e.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(e.screenKey.length).toBeGreaterThanOrEqual(32);
    expect(e.joinUrl).toBe(`${app().config.publicUrl}/j/${e.joinCode}`);
  });

  it.each([
    [{ name: '' }, 'name', 'Name cannot be empty'],
    [{ name: 'x'.repeat(121) }, 'name', 'Name is at most 120 characters'],
    [{ interests: ['only one', ' ONLY ONE '] }, 'interests', 'Add at least 2 interest tags'],
    [{ interests: Array.from({ length: 61 }, (_, i) => `t${i}`) }, 'interests', 'At most 60 interest tags'],
    [{ interests: ['ok', 'y'.repeat(41)] }, 'interests.1', 'Each interest tag is at most 40 characters'],
    [{ groupSize: 1 }, 'groupSize', 'Group size is at least 2'],
    [{ groupSize: 9 }, 'groupSize', 'Group size is at most 8'],
    [{ groupSize: 2.5 }, 'groupSize', 'Must be a whole number'],
    [{ roundMinutes: 0 }, 'roundMinutes', 'Rounds last at least 1 minute'],
    [{ roundMinutes: 61 }, 'roundMinutes', 'Rounds last at most 60 minutes'],
    [{ breakMinutes: -1 }, 'breakMinutes', 'Break cannot be negative'],
    [{ breakMinutes: 31 }, 'breakMinutes', 'Break is at most 30 minutes'],
    [{ mixMode: 'random' }, 'mixMode', 'Mix mode is similar or diverse'],
    [{ separateColleagues: 'yes' }, 'separateColleagues', 'Must be yes or no'],
    [{ startsAt: '2026-12-01 18:00' }, 'startsAt', 'Start must be a date and time with a time zone'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'Unknown time zone'],
    [{ maxInterests: 9 }, 'maxInterests', 'Cannot be more than the number of interest tags'],
    [{ spotLabels: ['Table A', ''] }, 'spotLabels.1', 'Spot label cannot be empty'],
    [{ owner: 'me' }, 'owner', 'Unknown field'],
  ])('rejects %j with a message on %s', async (change, field, message) => {
    const o = await organizer(app().url);
    const res = await o.post('/api/events', { ...sampleEvent, ...change });
    expect(res.status).toBe(400);
    expect(res.body.fields[field]).toBe(message);
    expect((await o.get('/api/events')).body).toEqual([]);
  });

  it('lists, edits and deletes only my own events', async () => {
    const ana = await organizer(app().url, 'Ana');
    const raj = await organizer(app().url, 'Raj');
    const mine = (await ana.post('/api/events', sampleEvent)).body;
    const list = await ana.get('/api/events');
    expect(list.body).toEqual([
      {
        id: mine.id,
        name: mine.name,
        state: 'draft',
        startsAt: null,
        timeZone: 'UTC',
        joinCode: mine.joinCode,
        attendeeCount: 0,
        role: 'owner',
      },
    ]);
    expect((await raj.get('/api/events')).body).toEqual([]);
    expect((await raj.get(`/api/events/${mine.id}`)).status).toBe(404);
    expect((await raj.patch(`/api/events/${mine.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await raj.delete(`/api/events/${mine.id}`)).status).toBe(404);
    expect((await raj.post(`/api/events/${mine.id}/screen-key`)).status).toBe(404);

    const edited = await ana.patch(`/api/events/${mine.id}`, { name: 'Renamed', groupSize: 3, spotLabels: ['Oak', 'Elm'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Renamed', groupSize: 3, spotLabels: ['Oak', 'Elm'] });
    const badEdit = await ana.patch(`/api/events/${mine.id}`, { groupSize: 12 });
    expect(badEdit.status).toBe(400);
    expect((await ana.get(`/api/events/${mine.id}`)).body.groupSize).toBe(3);

    expect((await ana.delete(`/api/events/${mine.id}`)).status).toBe(204);
    expect((await ana.get(`/api/events/${mine.id}`)).status).toBe(404);
  });

  it('rejects a malformed id and needs a session', async () => {
    const o = await organizer(app().url);
    const bad = await o.get('/api/events/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.id).toBe('Not an event id');
    expect((await browser(app().url).get('/api/events')).status).toBe(401);
  });

  it('moves through draft → open → live → ended and no further', async () => {
    const o = await organizer(app().url);
    const e = (await o.post('/api/events', sampleEvent)).body;
    const move = (state: string) => o.post(`/api/events/${e.id}/state`, { state });
    expect((await move('live')).status).toBe(409);
    expect((await move('open')).body.state).toBe('open');
    expect((await move('live')).body.state).toBe('live');
    expect((await move('ended')).body.state).toBe('ended');
    const back = await move('open');
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('bad_transition');
    expect((await move('paused')).status).toBe(400);
  });

  it('regenerates the join code and the screen key', async () => {
    const o = await organizer(app().url);
    const e = (await o.post('/api/events', sampleEvent)).body;
    const code = await o.post(`/api/events/${e.id}/join-code`);
    expect(code.body.joinCode).not.toBe(e.joinCode);
    const key = await o.post(`/api/events/${e.id}/screen-key`);
    expect(key.body.screenKey).not.toBe(e.screenKey);
    expect(key.body.joinCode).toBe(code.body.joinCode);
  });

  it('keeps an ended event as it was and duplicates it as a fresh draft', async () => {
    const o = await organizer(app().url);
    const settings = {
      ...sampleEvent,
      venue: 'Hall 2',
      startsAt: '2026-12-01T18:00:00+01:00',
      timeZone: 'Europe/Berlin',
      groupSize: 3,
      roundMinutes: 6,
      breakMinutes: 1,
      mixMode: 'diverse',
      separateColleagues: false,
      spotLabels: ['Oak', 'Elm'],
      icebreakers: ['What brought you here?'],
      privacyNote: 'We keep nothing.',
    };
    const e = (await o.post('/api/events', settings)).body;
    for (const state of ['open', 'ended']) await o.post(`/api/events/${e.id}/state`, { state });

    const edit = await o.patch(`/api/events/${e.id}`, { name: 'Changed afterwards' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'event_ended', message: expect.stringMatching(/ended event cannot be edited/) });
    const code = await o.post(`/api/events/${e.id}/join-code`);
    expect(code.status).toBe(409);
    expect(code.body.code).toBe('event_ended');
    const after = (await o.get(`/api/events/${e.id}`)).body;
    expect(after).toMatchObject({ name: 'Friday Meetup', joinCode: e.joinCode, state: 'ended' });

    const copy = await o.post(`/api/events/${e.id}/duplicate`);
    expect(copy.status).toBe(201);
    const { startsAt: _startsAt, ...same } = settings;
    expect(copy.body).toMatchObject({ ...same, state: 'draft', startsAt: null, maxInterests: e.maxInterests });
    expect(copy.body.id).not.toBe(e.id);
    expect(copy.body.joinCode).not.toBe(e.joinCode);
    expect(copy.body.screenKey).not.toBe(e.screenKey);
    expect((await o.get('/api/events')).body.map((x: { id: string }) => x.id).sort()).toEqual([e.id, copy.body.id].sort());

    const raj = await organizer(app().url, 'Raj');
    expect((await raj.post(`/api/events/${e.id}/duplicate`)).status).toBe(404);
  });

  it('keeps join codes unique among events that have not ended', async () => {
    const o = await organizer(app().url);
    const codes = new Set<string>();
    for (let i = 0; i < 25; i++) codes.add((await o.post('/api/events', { ...sampleEvent, name: `E${i}` })).body.joinCode);
    expect(codes.size).toBe(25);
    const { db } = app();
    const [first, second] = (await o.get('/api/events')).body;
    await expect(db.query(`UPDATE events SET join_code = '${first.joinCode}' WHERE id = '${second.id}'`)).rejects.toThrow();
    await db.query(`UPDATE events SET state = 'ended' WHERE id = '${first.id}'`);
    await db.query(`UPDATE events SET join_code = '${first.joinCode}' WHERE id = '${second.id}'`);
  });
});

describe('health', () => {
  const app = useApp();

  it('names the database and realtime kinds', async () => {
    const res = await browser(app().url).get('/api/health');
    expect(res.status).toBe(200);
    const checks = app().config.redisUrl ? { database: 'up', redis: 'up' } : { database: 'up' };
    expect(res.body).toEqual({
      status: 'ok',
      database: app().config.database.kind,
      realtime: app().config.redisUrl ? 'redis' : 'memory',
      checks,
    });
  });

  it('answers 503 when the database does not', async () => {
    await app().db.destroy();
    const res = await browser(app().url).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unavailable');
    expect(res.body.checks.database).toBe('down');
  });

  it('stays live while the database is down', async () => {
    const res = await browser(app().url).get('/api/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
