import request from 'supertest';
import { DEFAULT_HELP_TOPICS, type ConsoleRoundState, type MetPerson } from '@mingle/shared';
import { useApp } from './support/app';
import { attendeeHeaders, join, openEvent, person } from './support/attendees';
import { organizer, sampleEvent } from './support/http';
import { consoleRounds, lastGroup, room } from './support/room';
import { eventually } from './support/sockets';

/** Win-win: gives and asks in the settings, on the profile, in the groups' news and on the live page. */
describe('gives and asks', () => {
  const app = useApp();

  it('are off by default with the default topics; the settings refuse bad topic lists with a clear 400 and change nothing', async () => {
    const org = await organizer(app().url);
    const created = await org.post('/api/events', sampleEvent);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ helpOn: false, helpTopics: DEFAULT_HELP_TOPICS });
    const id = created.body.id as string;

    const bad: Array<[object, RegExp]> = [
      [{ helpOn: 'yes' }, /yes or no/],
      [{ helpTopics: [] }, /at least 1 help topic/],
      [{ helpTopics: ['Hiring', 'Bad\u0007topic'] }, /control characters/],
      [{ helpTopics: ['x'.repeat(41)] }, /at most 40 characters/],
      [{ helpTopics: Array.from({ length: 31 }, (_, i) => `Topic ${i}`) }, /At most 30 help topics/],
      [{ helpTopics: 'Hiring' }, /must be a list/],
    ];
    for (const [body, message] of bad) {
      const res = await org.patch(`/api/events/${id}`, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    expect((await org.get(`/api/events/${id}`)).body).toMatchObject({ helpOn: false, helpTopics: DEFAULT_HELP_TOPICS });

    const ok = await org.patch(`/api/events/${id}`, { helpOn: true, helpTopics: [' Hiring ', 'hiring', 'Pitch decks'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ helpOn: true, helpTopics: ['Hiring', 'Pitch decks'] });
  });

  it('the profile takes up to 3 topics each from the event list and a line of up to 80 characters; anything else is a 400', async () => {
    const { event, org } = await openEvent(app().url, { helpOn: true, helpTopics: ['Hiring', 'Investing', 'Mentoring', 'Customers'] });
    const joined = await join(
      app().url,
      event.joinCode,
      person({ gives: ['investing'], asks: ['Hiring', 'Mentoring'], helpLine: 'I review pitch decks' }),
    );
    expect(joined.me).toMatchObject({ gives: ['Investing'], asks: ['Hiring', 'Mentoring'], helpLine: 'I review pitch decks' });

    const patch = (body: object) => request(app().url).patch('/api/me').set(attendeeHeaders(joined.token)).send(body);
    const bad: Array<[object, RegExp]> = [
      [{ gives: ['Knitting'] }, /"Knitting" is not one of this event's topics/],
      [{ asks: ['Hiring', 'Investing', 'Mentoring', 'Customers'] }, /at most 3 topics/],
      [{ helpLine: 'x'.repeat(81) }, /at most 80 characters/],
      [{ helpLine: 'two\nlines' }, /single line/],
      [{ helpLine: 'bell\u0007' }, /control characters/],
      [{ gives: 'Hiring' }, /Pick topics from the list/],
    ];
    for (const [body, message] of bad) {
      const res = await patch(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toMatch(message);
    }
    const me = await request(app().url).get('/api/me').set(attendeeHeaders(joined.token));
    expect(me.body.me).toMatchObject({ gives: ['Investing'], asks: ['Hiring', 'Mentoring'], helpLine: 'I review pitch decks' });

    const changed = await patch({ gives: [], asks: ['Customers'], helpLine: '' });
    expect(changed.status).toBe(200);
    expect(changed.body.me).toMatchObject({ gives: [], asks: ['Customers'], helpLine: '' });

    // the organizer's attendee list never says who offers or asks for what
    const list = await org.get(`/api/events/${event.id}/attendees`);
    expect(JSON.stringify(list.body)).not.toMatch(/Customers|"gives"|"asks"/);

    // an event without gives and asks refuses them
    const off = await openEvent(app().url);
    const refused = await request(app().url)
      .post(`/api/join/${off.event.joinCode}`)
      .set('x-mingle-csrf', '1')
      .send(person({ gives: ['Hiring'] }));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/does not use gives and asks/);
  });

  it("groupmates see each other's gives and asks, nobody else does; the live page counts help matches", async () => {
    const topics = ['Hiring', 'Raising money'];
    // 0 gives what 1 asks for; 2 and 3 have neither; groups of 2
    const picks = [
      { gives: ['Raising money'], helpLine: 'ex-VC, happy to look at decks' },
      { asks: ['Raising money'], helpLine: 'seed round this spring' },
      {},
      {},
    ];
    const r = await room(app().url, 4, { helpOn: true, helpTopics: topics, groupSize: 2 }, (i) => ({
      name: ['Ana Lima', 'Raj Patel', 'Kim Ito', 'Lee Park'][i],
      interests: ['AI'],
      company: `Co ${i}`,
      ...picks[i],
    }));
    try {
      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      const [ana, raj, kim] = r.phones;
      await eventually(() => expect(lastGroup(raj!.socket)?.members.map((m) => m.id)).toEqual([ana!.joined.me.id]));
      const seenByRaj = lastGroup(raj!.socket)!.members[0]!;
      expect(seenByRaj).toMatchObject({ gives: ['Raising money'], asks: [], helpLine: 'ex-VC, happy to look at decks' });
      await eventually(() => expect(lastGroup(ana!.socket)?.members[0]).toMatchObject({ asks: ['Raising money'] }));

      // Kim's group is not Ana's: Kim's phone never hears Ana's or Raj's line, nor does the screen or the console
      await eventually(() => expect(lastGroup(kim!.socket)).not.toBeNull());
      for (const socket of [kim!.socket, r.screen, r.console])
        expect(JSON.stringify(socket.frames)).not.toMatch(/ex-VC|seed round this spring/);

      const state = started.body as ConsoleRoundState;
      expect(state.figures?.help).toEqual({ matches: 1, asksMet: 1, asks: 1 });
      await eventually(() => expect(consoleRounds(r.console)?.figures?.help).toEqual({ matches: 1, asksMet: 1, asks: 1 }));

      // People I met keeps it, in both directions
      const people = async (token: string) =>
        (await request(app().url).get('/api/me/people').set(attendeeHeaders(token))).body as MetPerson[];
      expect((await people(raj!.joined.token))[0]!.met[0]).toMatchObject({ offered: ['Raising money'] });
      expect((await people(ana!.joined.token))[0]!.met[0]).toMatchObject({ wanted: ['Raising money'] });

      // the past-rounds table keeps the counts after the round ends
      await r.org.post(`/api/events/${r.event.id}/rounds/current/end`);
      await eventually(() => expect(consoleRounds(r.console)?.past[0]?.figures.help).toEqual({ matches: 1, asksMet: 1, asks: 1 }));

      // the report counts them too, never who asked for what
      const report = await r.org.get(`/api/events/${r.event.id}/report`);
      expect(report.body.rounds[0].help).toEqual({ matches: 1, asksMet: 1, asks: 1 });
      expect(report.body.totals.help).toEqual({ matches: 1, asksMet: 1, asks: 1 });
      const figures = await r.org.get(`/api/events/${r.event.id}/report/figures.csv`);
      expect(figures.text).toMatch(/help matches,1/);
      expect(figures.text).toMatch(/asks met at least once,1 of 1/);
      expect(JSON.stringify(report.body) + figures.text).not.toMatch(/Raising money|ex-VC|seed round/);
    } finally {
      r.close();
    }
  });

  it('turned off, an event behaves as before: no gives or asks in the news, no help counts', async () => {
    const r = await room(app().url, 4, { helpOn: true, helpTopics: ['Hiring'], groupSize: 2 }, (i) => ({
      company: `Co ${i}`,
      ...(i === 0 ? { gives: ['Hiring'], helpLine: 'we are hiring' } : { asks: ['Hiring'] }),
    }));
    try {
      expect((await r.org.patch(`/api/events/${r.event.id}`, { helpOn: false })).status).toBe(200);
      const started = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(started.status).toBe(201);
      expect((started.body as ConsoleRoundState).figures).not.toHaveProperty('help');
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()));
      for (const p of r.phones) {
        const mate = lastGroup(p.socket)!.members[0]!;
        expect(mate).not.toHaveProperty('gives');
        expect(mate).not.toHaveProperty('helpLine');
      }
    } finally {
      r.close();
    }
  });

  it('the seated-dinner planner takes gives and asks too, and says how many asks it met', async () => {
    const org = await organizer(app().url);
    const people = Array.from({ length: 12 }, (_, i) => ({
      name: `Guest ${i}`,
      interests: ['AI'],
      ...(i < 3 ? { asks: ['Hiring'] } : i === 3 ? { gives: ['Hiring'] } : {}),
    }));
    const res = await org.post('/api/planner', { groupSize: 4, rounds: 2, people });
    expect(res.status).toBe(200);
    // one giver and three askers: every ask is met over the two rounds
    expect(res.body.stats.help).toMatchObject({ asksMet: 3, asks: 3 });
    expect(res.body.stats.help.matches).toBeGreaterThanOrEqual(3);
    const bad = await org.post('/api/planner', {
      groupSize: 4,
      rounds: 1,
      people: [...people.slice(0, 11), { name: 'X', asks: ['a', 'b', 'c', 'd'] }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/At most 3 topics/);
  });
});
