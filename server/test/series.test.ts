import request from 'supertest';
import { CSRF_HEADER, type EarlierMatch, type EventSeriesView, type MetPerson, type Remembered } from '@mingle/shared';
import { RetentionService } from '../src/connections/retention.service';
import { useApp } from './support/app';
import { attendeeHeaders, join, openEvent, person } from './support/attendees';
import { sampleEvent, type Browser } from './support/http';
import { assignments } from './support/room';
import { connect, eventually, snapshotOf, type MingleClient } from './support/sockets';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A monthly meetup: the organizer's series, two events in it, people who choose (or not) to be
 * remembered. Real database (SQLite, or PostgreSQL with MINGLE_TEST_DB=postgres), real sockets.
 */
describe('event series that remember', () => {
  const app = useApp({ JOIN_RATE_LIMIT: '100000' });
  const sockets: MingleClient[] = [];
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));

  const me = (token: string) => ({
    get: (path: string) => request(app().url).get(path).set(attendeeHeaders(token)),
    post: (path: string, body: object = {}) => request(app().url).post(path).set(attendeeHeaders(token)).send(body),
    delete: (path: string) => request(app().url).delete(path).set(attendeeHeaders(token)),
  });

  /** An open event of this organizer, in the series. */
  async function eventIn(org: Browser, seriesId: string | null, name: string) {
    const created = await org.post('/api/events', { ...sampleEvent, name, groupSize: 2 });
    if (seriesId) expect((await org.put(`/api/events/${created.body.id}/series`, { seriesId })).status).toBe(200);
    return (await org.post(`/api/events/${created.body.id}/state`, { state: 'open' })).body as {
      id: string;
      joinCode: string;
      name: string;
    };
  }

  /** Joins with a connected phone; `remember` sends "Remember me" with the phone's kept token and/or an email. */
  async function arrive(code: string, who: string, remember?: { token?: string | null; email?: string }) {
    const joined = await join(app().url, code, person({ name: who, company: '' }));
    const socket = connect(app().url, { role: 'attendee', token: joined.token });
    sockets.push(socket);
    await snapshotOf(socket);
    let kept: Remembered | null = null;
    if (remember) {
      const body = { ...(remember.token ? { token: remember.token } : {}), ...(remember.email ? { email: remember.email } : {}) };
      const res = await me(joined.token).post('/api/me/series', body);
      expect(res.status).toBe(200);
      kept = res.body;
    }
    return { id: joined.me.id, token: joined.token, socket, kept };
  }

  /** Plays one round; returns its groups (attendee ids), each once. */
  async function playRound(org: Browser, eventId: string, phones: Array<{ id: string; socket: MingleClient }>, round: number) {
    expect((await org.post(`/api/events/${eventId}/rounds`, {})).status).toBe(201);
    await eventually(() => phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(round)));
    const groups = phones.map((p) =>
      [
        ...new Set([
          p.id,
          ...assignments(p.socket)
            .at(-1)!
            .group!.members.map((m) => m.id),
        ]),
      ].sort(),
    );
    expect((await org.post(`/api/events/${eventId}/rounds/current/end`)).status).toBe(200);
    return groups.filter((g, i) => groups.findIndex((x) => x.join() === g.join()) === i);
  }

  const together = (groups: string[][], a: string, b: string) => groups.some((g) => g.includes(a) && g.includes(b));

  async function seriesOf(org: Browser) {
    const res = await org.post('/api/series', { name: 'Monthly meetup' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** March: Ana, Raj, Dev and Kim meet in one round of pairs; Ana and her partner swap contacts. */
  async function march(opts: { remember: boolean; email?: boolean } = { remember: true }) {
    const { org } = await openEvent(app().url);
    const seriesId = await seriesOf(org);
    const event = await eventIn(org, seriesId, 'March meetup');
    const names = ['Ana', 'Raj', 'Dev', 'Kim'];
    const phones = [];
    for (const name of names)
      phones.push(
        await arrive(
          event.joinCode,
          name,
          opts.remember ? { email: opts.email ? `${name.toLowerCase()}@mail.example` : undefined } : undefined,
        ),
      );
    const groups = await playRound(org, event.id, phones, 1);
    const [ana] = phones;
    const mateId = groups.find((g) => g.includes(ana!.id))!.find((id) => id !== ana!.id)!;
    const mate = phones.find((p) => p.id === mateId)!;
    expect((await me(ana!.token).post(`/api/me/people/${mate.id}/swap`)).status).toBe(200);
    expect((await me(mate.token).post(`/api/me/people/${ana!.id}/swap`)).status).toBe(200);
    const names2 = new Map(phones.map((p, i) => [p.id, names[i]!]));
    const pairsMet = groups.map((g) => g.map((id) => names2.get(id)!).sort());
    return { org, seriesId, event, phones, mate, names: names2, pairsMet };
  }

  it('recognises a phone by its series token: the console counts returning people and known pairs, the engine keeps them apart', async () => {
    const m = await march();
    for (const p of m.phones) expect(p.kept).toMatchObject({ by: 'new', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const april = await eventIn(m.org, m.seriesId, 'April meetup');
    const back = [];
    for (const p of m.phones) back.push(await arrive(april.joinCode, m.names.get(p.id)!, { token: p.kept!.token }));
    for (const p of back) expect(p.kept).toEqual({ token: null, by: 'token' });

    const figures = (await m.org.get(`/api/events/${april.id}/series`)).body as EventSeriesView;
    expect(figures).toEqual({ series: { id: m.seriesId, name: 'Monthly meetup' }, returning: 4, knownPairs: 2 });

    const nameOf = new Map(back.map((p, i) => [p.id, m.names.get(m.phones[i]!.id)!]));
    const named = (groups: string[][]) => groups.map((g) => g.map((id) => nameOf.get(id)!).sort());
    const knownTogether = (groups: string[][]) =>
      m.pairsMet.filter(([a, b]) => named(groups).some((g) => g.includes(a!) && g.includes(b!))).length;
    // round 1: nobody who met in March meets again
    const r1 = await playRound(m.org, april.id, back, 1);
    expect(knownTogether(r1)).toBe(0);
    // round 2: still no March pair, and no repeat of round 1
    const r2 = await playRound(m.org, april.id, back, 2);
    expect(knownTogether(r2)).toBe(0);
    expect(r2.some((g) => together(r1, g[0]!, g[1]!))).toBe(false);
    // round 3: every grouping now repeats someone; this evening's repeats weigh more, so March pairs meet again
    const r3 = await playRound(m.org, april.id, back, 3);
    expect(knownTogether(r3)).toBe(2);
  });

  it("a duplicated event is in its original's series; a copy of an event outside any series is in none", async () => {
    const { org } = await openEvent(app().url);
    const seriesId = await seriesOf(org);
    const march = await eventIn(org, seriesId, 'March meetup');
    const april = await org.post(`/api/events/${march.id}/duplicate`, {});
    expect(april.status).toBe(201);
    expect(april.body.id).not.toBe(march.id);
    expect(((await org.get(`/api/events/${april.body.id}/series`)).body as EventSeriesView).series).toEqual({
      id: seriesId,
      name: 'Monthly meetup',
    });
    expect((await org.get('/api/series')).body).toEqual([{ id: seriesId, name: 'Monthly meetup', events: 2 }]);

    const alone = await eventIn(org, null, 'A one-off');
    const copy = await org.post(`/api/events/${alone.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(((await org.get(`/api/events/${copy.body.id}/series`)).body as EventSeriesView).series).toBeNull();
  });

  it('links nobody without the choice', async () => {
    const m = await march({ remember: false });
    const april = await eventIn(m.org, m.seriesId, 'April meetup');
    for (const p of m.phones) await arrive(april.joinCode, m.names.get(p.id)!);
    expect((await m.org.get(`/api/events/${april.id}/series`)).body).toMatchObject({ returning: 0, knownPairs: 0 });
    // an event in no series has nothing to remember
    const { org } = await openEvent(app().url);
    const lone = await eventIn(org, null, 'Lone');
    const joined = await join(app().url, lone.joinCode, person());
    const res = await me(joined.token).post('/api/me/series', {});
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('unknown_series');
    expect((await request(app().url).get(`/api/join/${lone.joinCode}/series`)).body).toEqual({ series: null });
    expect((await request(app().url).get(`/api/join/${april.joinCode}/series`)).body).toEqual({
      series: { id: m.seriesId, name: 'Monthly meetup' },
    });
  });

  it('shows earlier matches ("met at the March meetup") only to the phone holding the token, never to someone typing the email', async () => {
    const m = await march({ remember: true, email: true });
    const [ana] = m.phones;
    const anaName = m.names.get(ana!.id)!.toLowerCase();
    const april = await eventIn(m.org, m.seriesId, 'April meetup');
    // someone else types Ana's email on their phone: counted as returning, shown nothing
    const impostor = await arrive(april.joinCode, 'Not Ana', { email: ` ${anaName.toUpperCase()}@MAIL.EXAMPLE ` });
    expect(impostor.kept).toEqual({ token: null, by: 'email' });
    expect((await me(impostor.token).get('/api/me/series/people')).body).toEqual([]);
    expect((await m.org.get(`/api/events/${april.id}/series`)).body).toMatchObject({ returning: 1 });

    const anaBack = await arrive(april.joinCode, 'Ana', { token: ana!.kept!.token });
    const earlier = (await me(anaBack.token).get('/api/me/series/people')).body as EarlierMatch[];
    expect(earlier).toHaveLength(1);
    expect(earlier[0]).toMatchObject({ name: m.names.get(m.mate.id), eventName: 'March meetup' });
    expect(earlier[0]!.card.email).toMatch(/@mail\.example$/);
    // a stale or made-up token starts a new person, linked to nobody
    const stranger = await arrive(april.joinCode, 'Stranger', { token: 'A'.repeat(43) });
    expect(stranger.kept!.by).toBe('new');
    expect((await me(stranger.token).get('/api/me/series/people')).body).toEqual([]);
  });

  it('erases a person across the series', async () => {
    const m = await march();
    const [ana] = m.phones;
    const april = await eventIn(m.org, m.seriesId, 'April meetup');
    const anaBack = await arrive(april.joinCode, 'Ana', { token: ana!.kept!.token });
    expect((await me(anaBack.token).delete('/api/me')).status).toBe(204);
    // her March row is erased too: her token stops working and her match sees her gone
    expect((await me(ana!.token).get('/api/me')).status).toBe(401);
    const mates = (await me(m.mate.token).get('/api/me/people')).body as MetPerson[];
    expect(mates.find((p) => p.id === ana!.id)).toMatchObject({ gone: 'erased', card: null });
    // and her series token is forgotten: a new phone with it is a new person
    const again = await arrive(april.joinCode, 'Ana again', { token: ana!.kept!.token });
    expect(again.kept!.by).toBe('new');
  });

  it('respects contact retention: a purged earlier event shows no earlier matches', async () => {
    const m = await march();
    const [ana] = m.phones;
    await m.org.post(`/api/events/${m.event.id}/state`, { state: 'ended' });
    const april = await eventIn(m.org, m.seriesId, 'April meetup');
    const anaBack = await arrive(april.joinCode, 'Ana', { token: ana!.kept!.token });
    expect((await me(anaBack.token).get('/api/me/series/people')).body).toHaveLength(1);
    await app()
      .app.get(RetentionService)
      .purge(Date.now() + 31 * DAY);
    expect((await me(anaBack.token).get('/api/me/series/people')).body).toEqual([]);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const { org } = await openEvent(app().url);
    const other = (await openEvent(app().url)).org;
    const seriesId = await seriesOf(org);
    const event = await eventIn(org, null, 'May meetup');
    expect((await org.post('/api/series', { name: '' })).status).toBe(400);
    expect((await org.post('/api/series', { name: 'x'.repeat(81) })).status).toBe(400);
    expect((await org.patch(`/api/series/not-an-id`, { name: 'New' })).status).toBe(400);
    // another organizer's series is not theirs to rename or use
    const foreign = await seriesOf(other);
    expect((await org.patch(`/api/series/${foreign}`, { name: 'Mine now' })).body.code).toBe('unknown_series');
    expect((await org.put(`/api/events/${event.id}/series`, { seriesId: foreign })).status).toBe(404);
    expect((await org.get(`/api/events/${event.id}/series`)).body.series).toBeNull();
    expect((await other.get('/api/series')).body).toEqual([{ id: foreign, name: 'Monthly meetup', events: 0 }]);
    // into the series, renamed, out again
    expect((await org.put(`/api/events/${event.id}/series`, { seriesId })).body.series).toEqual({ id: seriesId, name: 'Monthly meetup' });
    expect((await org.patch(`/api/series/${seriesId}`, { name: 'Second Tuesdays' })).body).toEqual({
      id: seriesId,
      name: 'Second Tuesdays',
      events: 1,
    });
    expect((await org.put(`/api/events/${event.id}/series`, { seriesId: null })).body.series).toBeNull();
    // the phone's side
    const joined = await join(app().url, event.joinCode, person());
    expect((await me(joined.token).post('/api/me/series', { token: 'short' })).status).toBe(400);
    expect((await me(joined.token).post('/api/me/series', { email: 'not an email' })).status).toBe(400);
    expect((await me(joined.token).post('/api/me/series', { remember: true })).status).toBe(400);
    expect((await request(app().url).post('/api/me/series').set(CSRF_HEADER, '1').send({})).status).toBe(401);
    const typo = await request(app().url).get('/api/join/NOT-A-CODE!/series');
    expect([typo.status, typo.body.code]).toEqual([404, 'not_a_code']);
  });
});
