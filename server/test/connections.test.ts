import request from 'supertest';
import type { ConnectionStats, MetPerson } from '@mingle/shared';
import { useApp } from './support/app';
import { assignments, phoneHeaders, room, type Phone } from './support/room';
import { eventually, nextEvent } from './support/sockets';
import { RetentionService } from '../src/connections/retention.service';
import { SWAPS_PER_MINUTE } from '../src/connections/me-connections.controller';

const DAY = 24 * 60 * 60 * 1000;

describe('swapping contacts', () => {
  const app = useApp();
  const api = (token: string) => ({
    get: (path: string) => request(app().url).get(path).set(phoneHeaders(token)),
    post: (path: string, body: object = {}) => request(app().url).post(path).set(phoneHeaders(token)).send(body),
    put: (path: string, body: object) => request(app().url).put(path).set(phoneHeaders(token)).send(body),
    delete: (path: string) => request(app().url).delete(path).set(phoneHeaders(token)),
  });

  /** Both ask each other: a match. */
  async function swapBoth(x: Phone, y: Phone) {
    await api(x.joined.token).post(`/api/me/people/${y.joined.me.id}/swap`).expect(200);
    await api(y.joined.token).post(`/api/me/people/${x.joined.me.id}/swap`).expect(200);
  }

  /** Two rooms' worth of people grouped once, in groups of 2: returns pairs who met. */
  async function metPairs(n = 4) {
    const r = await room(app().url, n, { groupSize: 2 }, (i) => ({
      card: { email: `c${i}-${Date.now()}@mail.example`, phone: `+1 555 010 ${1000 + i}`, website: `https://c${i}.example` },
    }));
    await r.org.post(`/api/events/${r.event.id}/rounds`, {});
    await eventually(() => r.phones.forEach((p) => expect(assignments(p.socket)).toHaveLength(1)));
    const mateOf = (p: Phone) => r.phones.find((q) => q.joined.me.id === assignments(p.socket)[0]!.group!.members[0]!.id)!;
    return { r, mateOf };
  }

  it('matches only when both ask; the other is not told before; asking twice changes nothing', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      const first = await api(ana.joined.token).post(`/api/me/people/${raj.joined.me.id}/swap`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ asked: true, matched: false, card: null });
      expect((await api(ana.joined.token).post(`/api/me/people/${raj.joined.me.id}/swap`)).body.matched).toBe(false);
      const rajView = (await api(raj.joined.token).get('/api/me/people')).body as MetPerson[];
      expect(rajView).toEqual([expect.objectContaining({ id: ana.joined.me.id, asked: false, matched: false, card: null })]);
      expect(JSON.stringify(rajView)).not.toContain(ana.joined.me.card.email!);

      const anaNews = nextEvent(ana.socket, 'match:made');
      const rajNews = nextEvent(raj.socket, 'match:made');
      const matched = await api(raj.joined.token).post(`/api/me/people/${ana.joined.me.id}/swap`);
      expect(matched.body).toMatchObject({
        matched: true,
        card: raj.joined.me.card.email ? expect.objectContaining({ email: ana.joined.me.card.email }) : null,
      });
      expect((await anaNews).person.card).toEqual(raj.joined.me.card);
      expect((await rajNews).person.card).toEqual(ana.joined.me.card);
      expect((await api(ana.joined.token).delete(`/api/me/people/${raj.joined.me.id}/swap`)).status).toBe(409);

      const stats = (await r.org.get(`/api/events/${r.event.id}/connections`)).body as ConnectionStats;
      expect(stats).toEqual({ swapsAsked: 2, matches: 1, rounds: [{ number: 1, pairs: 2, matches: 1, matchRate: 0.5 }] });
      expect(JSON.stringify(stats)).not.toContain(ana.joined.me.id);
    } finally {
      r.close();
    }
  });

  it('limits swap requests per attendee, not per address', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      const statuses: number[] = [];
      for (let i = 0; i < SWAPS_PER_MINUTE + 1; i++)
        statuses.push((await api(ana.joined.token).post(`/api/me/people/${raj.joined.me.id}/swap`)).status);
      expect(statuses.slice(0, SWAPS_PER_MINUTE).every((s) => s === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // Someone else on the same Wi-Fi address is not slowed down.
      expect((await api(raj.joined.token).post(`/api/me/people/${ana.joined.me.id}/swap`)).status).toBe(200);
    } finally {
      r.close();
    }
  });

  it('withdraws a request before a match', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      await api(ana.joined.token).post(`/api/me/people/${raj.joined.me.id}/swap`);
      expect((await api(ana.joined.token).delete(`/api/me/people/${raj.joined.me.id}/swap`)).body.asked).toBe(false);
      const later = await api(raj.joined.token).post(`/api/me/people/${ana.joined.me.id}/swap`);
      expect(later.body.matched).toBe(false);
    } finally {
      r.close();
    }
  });

  it('refuses someone never met (403) and another event’s attendee (404), and bad ids (400)', async () => {
    const { r, mateOf } = await metPairs();
    const other = await room(app().url, 2);
    try {
      const ana = r.phones[0]!;
      const mate = mateOf(ana);
      const stranger = r.phones.find((p) => p !== ana && p !== mate)!;
      const never = await api(ana.joined.token).post(`/api/me/people/${stranger.joined.me.id}/swap`);
      expect(never.status).toBe(403);
      expect(never.body.code).toBe('not_met');
      expect((await api(ana.joined.token).post(`/api/me/people/${other.phones[0]!.joined.me.id}/swap`)).status).toBe(404);
      expect((await api(ana.joined.token).post('/api/me/people/not-an-id/swap')).status).toBe(400);
      expect((await api(ana.joined.token).put(`/api/me/people/${mate.joined.me.id}/opt-out`, { reason: 'hate' })).status).toBe(400);
      expect((await api(ana.joined.token).put(`/api/me/people/${mate.joined.me.id}/note`, { text: 'x'.repeat(1001) })).status).toBe(400);
      expect((await api(ana.joined.token).put('/api/me/share', { fields: ['email', 'fax'] })).status).toBe(400);
    } finally {
      r.close();
      other.close();
    }
  });

  it('reveals to each side only the fields the other chose to share', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      expect((await api(ana.joined.token).get('/api/me/share')).body.fields).toEqual(['email', 'phone', 'website']);
      expect((await api(ana.joined.token).put('/api/me/share', { fields: ['email'] })).body.fields).toEqual(['email']);
      await swapBoth(ana, raj);
      const seenByRaj = (await api(raj.joined.token).get('/api/me/people')).body[0] as MetPerson;
      expect(seenByRaj.card).toEqual({ email: ana.joined.me.card.email });
      const seenByAna = (await api(ana.joined.token).get('/api/me/people')).body[0] as MetPerson;
      expect(seenByAna.card).toEqual(raj.joined.me.card);
      expect(seenByAna.met).toEqual([{ round: 1, spot: expect.stringMatching(/^Table/), shared: expect.any(Array) }]);

      const vcf = await api(ana.joined.token).get('/api/me/connections.vcf');
      expect(vcf.headers['content-type']).toMatch(/text\/vcard/);
      expect(vcf.text).toContain(`EMAIL;TYPE=INTERNET:${raj.joined.me.card.email}`);
      expect(vcf.text).toContain('BEGIN:VCARD');
      const one = await api(raj.joined.token).get(`/api/me/people/${ana.joined.me.id}/contact.vcf`);
      expect(one.text).toContain(ana.joined.me.card.email!);
      expect(one.text).not.toContain(ana.joined.me.card.phone!);
      const csv = await api(raj.joined.token).get('/api/me/connections.csv');
      // A UTF-8 byte order mark first (EF BB BF, decoded as U+FEFF), so spreadsheets show non-Latin names.
      expect(csv.text.split('\r\n')[0]).toBe('\uFEFFname,headline,company,email,phone,linkedin,website,other,how we met,note');
      expect(csv.text).toContain(ana.joined.me.card.email!);
      expect(csv.text).not.toContain(ana.joined.me.card.website!);
    } finally {
      r.close();
    }
  });

  it('keeps private notes and opt-outs private, and the next round honours an opt-out', async () => {
    const r = await room(app().url, 4, { groupSize: 4 });
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await r.org.post(`/api/events/${r.event.id}/rounds/current/end`);
      const [ana, raj] = r.phones as [Phone, Phone];
      const note = await api(ana.joined.token).put(`/api/me/people/${raj.joined.me.id}/note`, { text: 'Follow up about hiking' });
      expect(note.body.note).toBe('Follow up about hiking');
      const opt = await api(ana.joined.token).put(`/api/me/people/${raj.joined.me.id}/opt-out`, { reason: 'avoid' });
      expect(opt.body.optOut).toBe('avoid');
      const rajSees = (await api(raj.joined.token).get('/api/me/people')).body as MetPerson[];
      const anaForRaj = rajSees.find((p) => p.id === ana.joined.me.id)!;
      expect(anaForRaj).toMatchObject({ note: '', optOut: null });

      const next = await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      expect(next.status).toBe(201);
      await eventually(() => expect(assignments(ana.socket)).toHaveLength(2));
      const group = assignments(ana.socket)[1]!.group!;
      expect(group.members.map((m) => m.id)).not.toContain(raj.joined.me.id);
      expect(JSON.stringify(next.body)).not.toContain('avoid');
    } finally {
      r.close();
    }
  });

  it('drops a removed attendee’s requests and matches', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      await swapBoth(ana, raj);
      await r.org.delete(`/api/events/${r.event.id}/attendees/${ana.joined.me.id}`);
      await eventually(async () =>
        expect((await r.org.get(`/api/events/${r.event.id}/connections`)).body).toMatchObject({ swapsAsked: 0, matches: 0 }),
      );
      // Ana stays in Raj's history only as "Removed attendee", with no card.
      const rajSees = (await api(raj.joined.token).get('/api/me/people')).body as MetPerson[];
      expect(rajSees.find((p) => p.id === ana.joined.me.id)).toMatchObject({
        name: 'Removed attendee',
        gone: 'removed',
        matched: false,
        card: null,
      });
    } finally {
      r.close();
    }
  });

  it('"Erase me" removes profile, card, requests and matches at once; the other side sees it was erased', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      await swapBoth(ana, raj);
      expect((await api(ana.joined.token).delete('/api/me')).status).toBe(204);
      expect((await api(ana.joined.token).get('/api/me')).status).toBe(401);
      const rajSees = (await api(raj.joined.token).get('/api/me/people')).body as MetPerson[];
      expect(rajSees.find((p) => p.id === ana.joined.me.id)).toEqual(
        expect.objectContaining({ present: false, name: '', matched: false, card: null }),
      );
      const rows = await app().db.query(`SELECT name, card, status FROM attendees WHERE id = '${ana.joined.me.id}'`);
      expect(rows[0]).toEqual({ name: '', card: '{}', status: 'erased' });
      expect(JSON.stringify(await app().db.query(`SELECT * FROM attendees WHERE event_id = '${r.event.id}'`))).not.toContain(
        ana.joined.me.card.email!,
      );
      const list = (await r.org.get(`/api/events/${r.event.id}/attendees`)).body as Array<{ id: string }>;
      expect(list.map((a) => a.id)).not.toContain(ana.joined.me.id);
    } finally {
      r.close();
    }
  });

  it('purges cards, requests and matches when the retention period ends, and the phone says so', async () => {
    const { r, mateOf } = await metPairs();
    try {
      const ana = r.phones[0]!;
      const raj = mateOf(ana);
      await swapBoth(ana, raj);
      await r.org.post(`/api/events/${r.event.id}/state`, { state: 'ended' });
      const me = (await api(ana.joined.token).get('/api/me')).body;
      const expires = Date.parse(me.event.contactsExpireAt);
      expect(expires - Date.now()).toBeGreaterThan(29 * DAY);
      expect(me.event.contactsPurged).toBe(false);

      const retention = app().app.get(RetentionService);
      expect(await retention.purge(expires - 60_000)).not.toContain(r.event.id);
      expect((await api(ana.joined.token).get('/api/me/people')).body[0].card).toEqual(raj.joined.me.card);
      expect(await retention.purge(expires + 1)).toContain(r.event.id);

      const after = (await api(ana.joined.token).get('/api/me')).body;
      expect(after.event.contactsPurged).toBe(true);
      expect(after.me.card).toEqual({});
      const people = (await api(ana.joined.token).get('/api/me/people')).body as MetPerson[];
      expect(people.find((p) => p.id === raj.joined.me.id)).toMatchObject({ matched: false, card: null });
      const cards = await app().db.query(`SELECT card FROM attendees WHERE event_id = '${r.event.id}'`);
      expect(cards).toHaveLength(4);
      expect(JSON.stringify(cards)).not.toContain('@mail.example');
      expect((await api(ana.joined.token).post(`/api/me/people/${raj.joined.me.id}/swap`)).status).toBe(410);
    } finally {
      r.close();
    }
  });
});
