import type { ConsoleRoundState } from '@mingle/shared';
import { useApp } from './support/app';
import { join, person } from './support/attendees';
import { room } from './support/room';
import { connect, eventually, snapshotOf } from './support/sockets';

const TAGS = ['AI', 'Hiking', 'Rust', 'Design', 'Coffee'];

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
      const note = /^2 colleague pairs: Sun ?Grid has 5 people for 3 groups$/i;
      expect(started.figures?.colleagueNote).toMatch(note);
      const again = (await r.org.get(`/api/events/${r.event.id}/rounds`)).body as ConsoleRoundState;
      expect(again.figures?.colleagueNote).toMatch(note);
    } finally {
      r.close();
    }
  });
});
