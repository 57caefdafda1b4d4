import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { CONTACT_FIELDS, CSRF_HEADER, type ContactCard, type ContactField, type JoinResult } from '@mingle/shared';
import { useApp } from './support/app';
import { person } from './support/attendees';
import { assignments } from './support/room';
import { connect, eventually, snapshotOf, type MingleClient } from './support/sockets';

/**
 * The leak test. A scripted event (6 attendees, 3 rounds, swaps, matches, a per-field share
 * choice, downloads) in which every HTTP body and every socket frame each party receives is
 * recorded. Then no card value may appear in anyone's traffic except its owner's and, for the
 * fields the owner shares, that of the owner's matched counterparts.
 */
describe('privacy: contact details reach only mutual matches', () => {
  const app = useApp();

  interface Party {
    name: string;
    received: string[];
    socket?: MingleClient;
  }
  const traffic = (p: Party) => p.received.join('\n') + JSON.stringify(p.socket?.frames ?? []);

  /** Every response body goes into the party's record. */
  function http(party: Party, headers: Record<string, string> = {}) {
    const agent = request.agent(app().url);
    const record = async (req: request.Test) => {
      const res = await req;
      party.received.push(res.text ?? '', JSON.stringify(res.headers));
      return res;
    };
    return {
      get: (path: string) => record(agent.get(path).set(headers)),
      post: (path: string, body: object = {}) => record(agent.post(path).set(CSRF_HEADER, '1').set(headers).send(body)),
      put: (path: string, body: object) => record(agent.put(path).set(CSRF_HEADER, '1').set(headers).send(body)),
    };
  }

  it('holds for every party over a whole scripted event', async () => {
    const tag = randomBytes(3).toString('hex');
    const cardOf = (i: number): ContactCard => ({
      email: `leak-${i}-${tag}@mail.example`,
      phone: `+44 20 7946 ${5000 + i}`,
      linkedin: `https://www.linkedin.com/in/leak-${i}-${tag}`,
      website: `https://leak-${i}-${tag}.example`,
      other: `@leak_${i}_${tag}`,
    });
    // gives and asks: the line is the marker (the topics themselves are the event's public list)
    const helpLineOf = (i: number) => `help-line-${i}-${tag}`;

    const organizer: Party = { name: 'organizer', received: [] };
    const org = http(organizer);
    await org.post('/api/auth/signup', { email: `leak-org-${tag}@example.com`, name: 'Org', password: 'long enough pw' });
    const event = JSON.parse(
      (
        await org.post('/api/events', {
          name: 'Leak test',
          interests: ['AI', 'Hiking', 'Rust', 'Design'],
          groupSize: 2,
          helpOn: true,
          helpTopics: ['Hiring', 'Investing'],
        })
      ).text,
    );
    await org.post(`/api/events/${event.id}/state`, { state: 'open' });
    const cookie = (
      await request(app().url)
        .post('/api/auth/login')
        .set(CSRF_HEADER, '1')
        .send({ email: `leak-org-${tag}@example.com`, password: 'long enough pw' })
    ).headers['set-cookie']!.toString().split(';')[0]!;

    const attendees: Array<Party & { joined: JoinResult; api: ReturnType<typeof http>; shares: ContactField[] }> = [];
    for (let i = 0; i < 6; i++) {
      const party: Party = { name: `attendee ${i}`, received: [] };
      const anon = http(party);
      const joined = JSON.parse(
        (
          await anon.post(
            `/api/join/${event.joinCode}`,
            person({
              name: `Leak Person${i}`,
              interests: ['AI'],
              card: cardOf(i),
              gives: [i % 2 ? 'Hiring' : 'Investing'],
              asks: [i % 2 ? 'Investing' : 'Hiring'],
              helpLine: helpLineOf(i),
            }),
          )
        ).text,
      ) as JoinResult;
      const api = http(party, { authorization: `Bearer ${joined.token}` });
      party.socket = connect(app().url, { role: 'attendee', token: joined.token });
      attendees.push(Object.assign(party, { joined, api, shares: [...CONTACT_FIELDS] }));
    }
    organizer.socket = connect(app().url, { role: 'organizer', eventId: event.id }, cookie);
    const screen: Party = {
      name: 'screen',
      received: [],
      socket: connect(app().url, { role: 'screen', eventId: event.id, key: event.screenKey }),
    };
    await Promise.all([...attendees, organizer, screen].map((p) => snapshotOf(p.socket!)));

    // Attendee 2 shares only their email.
    attendees[2]!.shares = ['email'];
    await attendees[2]!.api.put('/api/me/share', { fields: ['email'] });

    const groupOf = (p: Party, round: number) => {
      return (
        assignments(p.socket!)
          .filter((s) => s.round?.number === round && s.group)
          .at(-1)?.group ?? null
      );
    };
    const byId = (id: string) => attendees.find((a) => a.joined.me.id === id)!;

    for (let round = 1; round <= 3; round++) {
      await org.post(`/api/events/${event.id}/rounds`, {});
      await eventually(() => attendees.forEach((a) => expect(groupOf(a, round)).not.toBeNull()));
      for (const a of attendees) await a.api.get('/api/me/people');
      if (round === 1) {
        // Attendee 0 and their groupmate both ask: a match.
        const mate = byId(groupOf(attendees[0]!, 1)!.members[0]!.id);
        await attendees[0]!.api.post(`/api/me/people/${mate.joined.me.id}/swap`);
        await mate.api.post(`/api/me/people/${attendees[0]!.joined.me.id}/swap`);
      }
      if (round === 2) {
        // Attendee 2 (email only) and their groupmate both ask; attendee 4 asks alone.
        const mate = byId(groupOf(attendees[2]!, 2)!.members[0]!.id);
        await attendees[2]!.api.post(`/api/me/people/${mate.joined.me.id}/swap`);
        await mate.api.post(`/api/me/people/${attendees[2]!.joined.me.id}/swap`);
        const other = byId(groupOf(attendees[4]!, 2)!.members[0]!.id);
        await attendees[4]!.api.post(`/api/me/people/${other.joined.me.id}/swap`);
      }
      await org.get(`/api/events/${event.id}/attendees`);
      await org.get(`/api/events/${event.id}/rounds`);
      await org.get(`/api/events/${event.id}/connections`);
      await org.post(`/api/events/${event.id}/rounds/current/end`);
    }
    for (const a of attendees) {
      await a.api.get('/api/me/people');
      await a.api.get('/api/me/connections.vcf');
      await a.api.get('/api/me/connections.csv');
      await a.api.get('/api/me');
    }
    await org.get(`/api/events`);
    await org.get(`/api/events/${event.id}`);
    // every party has heard the last round end (the console in its coalesced state) before the sockets close
    const heardLastEnd = (socket: MingleClient, news: string) =>
      socket.frames.some(([name, body]) => {
        const round = (body as { round?: { number: number; state: string } | null } | null)?.round;
        return name === news && round?.number === 3 && round.state === 'ended';
      });
    await eventually(() => {
      for (const p of [...attendees, screen]) expect(heardLastEnd(p.socket!, 'round:changed')).toBe(true);
      expect(heardLastEnd(organizer.socket!, 'console:rounds-changed')).toBe(true);
    });
    [...attendees, organizer, screen].forEach((p) => p.socket!.disconnect());

    const matches = (await app().db.query(`SELECT a, b FROM matches WHERE event_id = '${event.id}'`)) as Array<{ a: string; b: string }>;
    expect(matches.length).toBeGreaterThanOrEqual(2);
    const matched = (x: string, y: string) => matches.some((m) => (m.a === x && m.b === y) || (m.a === y && m.b === x));

    let checked = 0;
    let revealed = 0;
    for (const owner of attendees) {
      for (const field of CONTACT_FIELDS) {
        const value = owner.joined.me.card[field]!;
        for (const party of [...attendees, organizer, screen]) {
          if (party === owner) continue;
          const isCounterpart = 'joined' in party && matched(owner.joined.me.id, (party as (typeof attendees)[number]).joined.me.id);
          const seen = traffic(party).includes(value);
          checked++;
          if (isCounterpart && owner.shares.includes(field)) {
            expect({ owner: owner.name, field, party: party.name, seen }).toEqual({
              owner: owner.name,
              field,
              party: party.name,
              seen: true,
            });
            revealed++;
          } else {
            expect({ owner: owner.name, field, party: party.name, seen }).toEqual({
              owner: owner.name,
              field,
              party: party.name,
              seen: false,
            });
          }
        }
      }
    }
    expect(checked).toBe(6 * 5 * 7);

    // Gives and asks reach only the person and their groupmates: never other attendees, the organizer or the screen.
    const mates = (a: (typeof attendees)[number]) =>
      new Set([1, 2, 3].flatMap((round) => groupOf(a, round)?.members.map((m) => m.id) ?? []));
    let lines = 0;
    for (const owner of attendees) {
      const line = helpLineOf(attendees.indexOf(owner));
      for (const party of [...attendees, organizer, screen]) {
        if (party === owner) continue;
        const mate = 'joined' in party && mates(owner).has((party as (typeof attendees)[number]).joined.me.id);
        expect({ owner: owner.name, party: party.name, seen: traffic(party).includes(line) }).toEqual({
          owner: owner.name,
          party: party.name,
          seen: mate,
        });
        if (mate) lines++;
      }
    }
    expect(lines).toBeGreaterThanOrEqual(6);
    // the organizer and the screen never get anyone's gives or asks, only counts
    for (const party of [organizer, screen]) {
      expect(traffic(party)).not.toMatch(/"gives":\[|"asks":\[|help-line-/);
    }
    expect(traffic(organizer)).toMatch(/"help":\{"matches":\d+,"asksMet":\d+,"asks":6\}/);
    expect(revealed).toBeGreaterThanOrEqual(5 + 1);
    expect(organizer.socket!.frames.length + screen.socket!.frames.length).toBeGreaterThan(20);
  });
});
