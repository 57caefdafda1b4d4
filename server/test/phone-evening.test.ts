import request from 'supertest';
import type { GroupPresence, ScreenRoundState, Snapshot } from '@mingle/shared';
import { useApp } from './support/app';
import { framesOf, lastGroup, phoneHeaders, phonePost, room } from './support/room';
import { connect, eventually, snapshotOf } from './support/sockets';

jest.setTimeout(60_000);

/**
 * The phone's evening: the group it just had stays after the end (to swap), the projector's board
 * in its hand, and groupmates whose phone dropped.
 */
describe('the phone through an evening', () => {
  const app = useApp();

  it('keeps the group of a round that just ended, and swaps with it are allowed', async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    try {
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()));
      const [first] = r.phones;
      const group = lastGroup(first!.socket)!;
      const mate = group.members[0]!;
      expect((await r.org.post(`/api/events/${r.event.id}/rounds/current/end`, {})).status).toBe(200);

      // A phone that reconnects after the end still gets the group it just had, with the ended round.
      const again = connect(app().url, { role: 'attendee', token: first!.joined.token });
      try {
        const snap = (await snapshotOf(again)) as Extract<Snapshot, { role: 'attendee' }>;
        expect(snap.rounds.round?.state).toBe('ended');
        expect(snap.rounds.group?.groupId).toBe(group.groupId);
        expect(snap.rounds.group?.members.map((m) => m.id)).toEqual([mate.id]);
      } finally {
        again.disconnect();
      }

      // Swapping with someone of the round that just ended works.
      const swap = await phonePost(app().url, first!.joined.token, `/api/me/people/${mate.id}/swap`);
      expect(swap.status).toBe(200);
      expect(swap.body.asked).toBe(true);
    } finally {
      r.close();
    }
  });

  it('shows the board of the running round to a phone: names and spots, never contact details', async () => {
    const r = await room(app().url, 4, { groupSize: 2 }, (i) => ({ name: `Person${i} Lastname${i}` }));
    try {
      const token = r.phones[0]!.joined.token;
      const before = await request(app().url).get('/api/me/room').set(phoneHeaders(token));
      expect(before.status).toBe(200);
      expect((before.body as ScreenRoundState).board).toEqual([]);

      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      const res = await request(app().url).get('/api/me/room').set(phoneHeaders(token));
      expect(res.status).toBe(200);
      const body = res.body as ScreenRoundState;
      expect(body.round?.state).toBe('running');
      expect(body.board).toHaveLength(4);
      expect(body.board.map((e) => e.name).sort()).toEqual(['Person0 L.', 'Person1 L.', 'Person2 L.', 'Person3 L.']);
      // The same board the screen holds, and nothing that looks like a contact.
      const screenSnap = (await snapshotOf(connect(app().url, { role: 'screen', eventId: r.event.id, key: r.event.screenKey }))) as Extract<
        Snapshot,
        { role: 'screen' }
      >;
      expect(body.board).toEqual(screenSnap.rounds.board);
      expect(JSON.stringify(body)).not.toMatch(/@|Lastname/);

      const anonymous = await request(app().url).get('/api/me/room');
      expect(anonymous.status).toBe(401);
    } finally {
      r.close();
    }
  });

  it("shows a groupmate's new name and interests on the others' phones, and the organizer's renaming too", async () => {
    const r = await room(app().url, 4, { groupSize: 2 });
    try {
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()));
      const [first] = r.phones;
      const mateId = lastGroup(first!.socket)!.members[0]!.id;
      const mate = r.phones.find((p) => p.joined.me.id === mateId)!;
      const outsider = r.phones.find((p) => p !== first && p !== mate)!;
      const heardBefore = framesOf(outsider.socket, 'group:changed').length;

      const renamed = await request(app().url)
        .patch('/api/me')
        .set(phoneHeaders(mate.joined.token))
        .send({ name: 'Dev Renamed', interests: [r.event.interests[0]] });
      expect(renamed.status).toBe(200);
      await eventually(() =>
        expect(lastGroup(first!.socket)!.members[0]).toMatchObject({ name: 'Dev Renamed', interests: [r.event.interests[0]] }),
      );

      const moderated = await r.org.patch(`/api/events/${r.event.id}/attendees/${mateId}`, { name: 'Dev M.' });
      expect(moderated.status).toBe(200);
      await eventually(() => expect(lastGroup(first!.socket)!.members[0]!.name).toBe('Dev M.'));
      // only the group's own phones hear it
      expect(framesOf(outsider.socket, 'group:changed')).toHaveLength(heardBefore);
    } finally {
      r.close();
    }
  });

  it("tells a group's phones when a member's phone drops and comes back", async () => {
    const r = await room(app().url, 6, { groupSize: 3 });
    try {
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()));
      const dropper = r.phones[0]!;
      const group = lastGroup(dropper.socket)!;
      const mates = r.phones.filter((p) => group.members.some((m) => m.id === p.joined.me.id));
      const others = r.phones.filter((p) => p !== dropper && !mates.includes(p));
      expect(mates).toHaveLength(2);
      const marks = others.map((p) => p.socket.frames.length);

      dropper.socket.disconnect();
      await eventually(() =>
        mates.forEach((m) =>
          expect(framesOf<GroupPresence>(m.socket, 'group:presence').at(-1)).toEqual({
            groupId: group.groupId,
            offline: [dropper.joined.me.id],
          }),
        ),
      );
      // A mate who reconnects now learns it from the snapshot.
      const late = connect(app().url, { role: 'attendee', token: mates[0]!.joined.token });
      const snap = (await snapshotOf(late)) as Extract<Snapshot, { role: 'attendee' }>;
      late.disconnect();
      expect(snap.rounds.offline).toEqual([dropper.joined.me.id]);

      // Back again: the mates hear that nobody is offline.
      const back = connect(app().url, { role: 'attendee', token: dropper.joined.token });
      await snapshotOf(back);
      await eventually(() =>
        mates.forEach((m) =>
          expect(framesOf<GroupPresence>(m.socket, 'group:presence').at(-1)).toEqual({ groupId: group.groupId, offline: [] }),
        ),
      );
      back.disconnect();
      // The other group heard nothing of the drop (at most its own members' presence, settling after the joins).
      others.forEach((p, i) =>
        p.socket.frames
          .slice(marks[i])
          .filter(([e]) => e === 'group:presence')
          .forEach(([, news]) => expect(news).toEqual({ groupId: lastGroup(p.socket)!.groupId, offline: [] })),
      );
    } finally {
      r.close();
    }
  });
});
