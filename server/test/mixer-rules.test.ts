import request from 'supertest';
import type { ConsoleRoundState } from '@mingle/shared';
import { useApp } from './support/app';
import { join, person } from './support/attendees';
import { phoneHeaders, phonePost, room } from './support/room';
import { connect, eventually, snapshotOf } from './support/sockets';

const TAGS = ['AI', 'Hiking', 'Rust', 'Design', 'Coffee'];
const companyKey = (company: string) => company.toLowerCase().replace(/\s+/g, '');
const pairsOf = (groups: ConsoleRoundState['groups']) =>
  groups.flatMap((g) => {
    const ids = g.members.filter((m) => !m.left).map((m) => m.id);
    return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b].sort().join('|')));
  });

describe('the mixer rules hold on every path that seats people', () => {
  const app = useApp();

  it('a late joiner sits with no colleague, even where more interests are shared', async () => {
    const r = await room(app().url, 4, { groupSize: 2 }, (i) => ({ company: `Co ${i}`, interests: [TAGS[i]!] }));
    const late = { close: () => {} };
    try {
      const started = (await r.org.post(`/api/events/${r.event.id}/rounds`, { minutes: 10 })).body as ConsoleRoundState;
      const first = started.groups[0]!;
      const interestsOf = new Map(r.phones.map((p, i) => [p.joined.me.id, TAGS[i]!]));
      // a colleague of the first group's first member, sharing every interest of that group
      const joined = await join(
        app().url,
        r.event.joinCode,
        person({ company: `  ${first.members[0]!.company.toUpperCase()} `, interests: first.members.map((m) => interestsOf.get(m.id)!) }),
      );
      const socket = connect(app().url, { role: 'attendee', token: joined.token });
      late.close = () => socket.disconnect();
      await snapshotOf(socket);
      let placedIn = '';
      await eventually(async () => {
        const state = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
        const group = state.groups.find((g) => g.members.some((m) => m.id === joined.me.id && !m.left));
        expect(group).toBeDefined();
        placedIn = group!.id;
      });
      expect(placedIn).not.toBe(first.id);
    } finally {
      late.close();
      r.close();
    }
  });

  it('a plan booked ahead is not used once the room changed: new group size, colleagues apart', async () => {
    const r = await room(app().url, 8, { groupSize: 4 }, (i) => ({ company: `Co ${i}` }));
    try {
      await r.org.post(`/api/events/${r.event.id}/rounds`, {});
      await eventually(
        async () => expect(await app().db.query(`SELECT event_id FROM round_plans WHERE event_id = '${r.event.id}'`)).toHaveLength(1),
        15_000,
      );
      await r.org.post(`/api/events/${r.event.id}/rounds/current/end`);
      expect((await r.org.patch(`/api/events/${r.event.id}`, { groupSize: 2 })).status).toBe(200);
      const second = (await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState;
      expect(second.figures).toMatchObject({ people: 8, groups: 4, repeatPairs: 0 });
      expect(second.groups.map((g) => g.members.length)).toEqual([2, 2, 2, 2]);
    } finally {
      r.close();
    }
  });

  it('when a company has more people than there are groups, the round says so on the console', async () => {
    const spellings = ['SunGrid', 'sungrid', ' SUNGRID', 'Sun Grid', 'SunGrid'];
    const r = await room(app().url, 9, { groupSize: 3, separateColleagues: true }, (i) => ({ company: i < 5 ? spellings[i]! : `Co ${i}` }));
    try {
      const started = (await r.org.post(`/api/events/${r.event.id}/rounds`, {})).body as ConsoleRoundState;
      expect(started.figures?.groups).toBe(3);
      const note = { pairs: 2, groups: 3, companies: [{ name: expect.stringMatching(/^Sun ?Grid$/i), people: 5 }], more: 0 };
      expect(started.figures?.colleagueNote).toEqual(note);
      const again = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
      expect(again.figures?.colleagueNote).toEqual(note);
    } finally {
      r.close();
    }
  });

  it('a group repaired after someone leaves: the person left alone joins no colleague, even where more is shared', async () => {
    const r = await room(app().url, 6, { groupSize: 2 }, (i) => ({ company: `Co ${i}`, interests: [TAGS[i % TAGS.length]!] }));
    try {
      const started = (await r.org.post(`/api/events/${r.event.id}/rounds`, { minutes: 10 })).body as ConsoleRoundState;
      const [broken, tempting, other] = started.groups as [
        ConsoleRoundState['groups'][0],
        ConsoleRoundState['groups'][0],
        ConsoleRoundState['groups'][0],
      ];
      const [leaver, alone] = broken.members;
      const phoneOf = (id: string) => r.phones.find((p) => p.joined.me.id === id)!;
      // the tempting group gets a colleague of the one left alone (another spelling) and every interest of theirs
      const aloneCompany = alone!.company;
      for (const [k, m] of tempting.members.entries()) {
        const body = {
          interests: phoneOf(alone!.id).joined.me.interests,
          ...(k === 0 ? { company: ` ${aloneCompany.toUpperCase()}` } : {}),
        };
        const token = phoneOf(m.id).joined.token;
        expect((await request(app().url).patch('/api/me').set(phoneHeaders(token)).send(body)).status).toBe(200);
      }
      expect((await phonePost(app().url, phoneOf(leaver!.id).joined.token, '/api/me/leave')).status).toBe(200);
      let movedTo = '';
      await eventually(async () => {
        const state = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
        const group = state.groups.find((g) => g.id !== broken.id && g.members.some((m) => m.id === alone!.id && !m.left));
        expect(group).toBeDefined();
        movedTo = group!.id;
      });
      expect(movedTo).toBe(other.id);
    } finally {
      r.close();
    }
  });

  it('the autopilot keeps the rules round after round: no repeat pair, no colleague pair', async () => {
    const spellings = (i: number) => [`North Star`, `northstar`, `Blue Co`, `BLUE CO`, `Delta`, ` delta `, `Echo`, `echo`][i]!;
    const r = await room(app().url, 8, { groupSize: 2, separateColleagues: true }, (i) => ({ company: spellings(i) }));
    try {
      const on = await r.org.put(`/api/events/${r.event.id}/autopilot`, { rounds: 3, roundMinutes: 10, breakMinutes: 0 });
      expect(on.status).toBe(200);
      const companyOf = new Map(r.phones.map((p, i) => [p.joined.me.id, companyKey(spellings(i))]));
      const seen = new Set<string>();
      for (let number = 1; number <= 3; number++) {
        let state!: ConsoleRoundState;
        await eventually(async () => {
          state = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
          expect(state.round).toMatchObject({ number, state: 'running' });
        }, 10_000);
        const pairs = pairsOf(state.groups);
        expect(pairs).toHaveLength(4);
        for (const pair of pairs) {
          const [a, b] = pair.split('|') as [string, string];
          expect(companyOf.get(a)).not.toBe(companyOf.get(b));
          expect(seen.has(pair)).toBe(false);
          seen.add(pair);
        }
        if (number < 3) expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/end`)).status).toBeLessThan(300);
      }
    } finally {
      r.close();
    }
  });
});
