import type { BoardEntry, MyProfile, OrganizerAttendee, Snapshot } from '@mingle/shared';
import { useApp } from './support/app';
import { organizer } from './support/http';
import { framesOf, room } from './support/room';
import { connect, eventually, snapshotOf } from './support/sockets';

/**
 * Names the room should not see: offensive words (built in, and the event's own) keep a name off the
 * screen's board and flag it in the console; the organizer hides anyone from the board or renames
 * them, and the screen, the console and the person's phone hear it. A hidden name never reaches the screen.
 */
describe('screen moderation', () => {
  const app = useApp();

  const NAMES = ['Ana Lopez', 'Ana Lobo', 'Shit Happens', 'Ben Okafor', 'Boaty McBoatface', 'Chloé Martin'];
  const open = () => room(app().url, NAMES.length, { groupSize: 3 }, (i) => ({ name: NAMES[i] }));
  const lastBoard = (frames: BoardEntry[][]) => frames[frames.length - 1] ?? [];
  const boardNames = (board: readonly BoardEntry[]) => board.map((b) => b.name).sort();
  const consoleAttendees = (socket: ReturnType<typeof connect>): Map<string, OrganizerAttendee> => {
    const list = new Map<string, OrganizerAttendee>();
    for (const [name, payload] of socket.frames) {
      if (name === 'snapshot' && (payload as Snapshot).role === 'organizer')
        for (const a of (payload as Extract<Snapshot, { role: 'organizer' }>).attendees) list.set(a.id, a);
      if (name === 'attendees:changed') for (const a of (payload as { upserted: OrganizerAttendee[] }).upserted) list.set(a.id, a);
    }
    return list;
  };

  it('keeps offensive names off the board, flags them, and lets the organizer hide and rename', async () => {
    const r = await open();
    try {
      const id = (name: string) => r.phones[NAMES.indexOf(name)]!.joined.me.id;
      // The console's table flags the built-in word at once.
      const listed = (await r.org.get(`/api/events/${r.event.id}/attendees`)).body as OrganizerAttendee[];
      const flagOf = (rows: OrganizerAttendee[], name: string) => rows.find((a) => a.name === name)!.nameFlag;
      expect(flagOf(listed, 'Shit Happens')).toBe('shit');
      expect(flagOf(listed, 'Ana Lopez')).toBeNull();
      expect(listed.every((a) => a.hiddenFromScreen === false)).toBe(true);

      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => expect(lastBoard(framesOf<BoardEntry[]>(r.screen, 'board:changed'))).toHaveLength(5));
      expect(boardNames(lastBoard(framesOf<BoardEntry[]>(r.screen, 'board:changed')))).toEqual([
        'Ana Lob.',
        'Ana Lop.',
        'Ben O.',
        'Boaty M.',
        'Chloé M.',
      ]);

      // The organizer's own words: the board loses Boaty, the console flags him.
      const patched = await r.org.patch(`/api/events/${r.event.id}`, { screenBlockedWords: ['McBoatface'] });
      expect(patched.status).toBe(200);
      expect(patched.body.screenBlockedWords).toEqual(['McBoatface']);
      await eventually(() =>
        expect(boardNames(lastBoard(framesOf<BoardEntry[]>(r.screen, 'board:changed')))).toEqual([
          'Ana Lob.',
          'Ana Lop.',
          'Ben O.',
          'Chloé M.',
        ]),
      );
      await eventually(() => expect(consoleAttendees(r.console).get(id('Boaty McBoatface'))?.nameFlag).toBe('mcboatface'));
      const boatyGone = r.screen.frames.length;

      // Hide Ben: gone from the board; with one Ana hidden the other is "Ana L." again.
      const hid = await r.org.patch(`/api/events/${r.event.id}/attendees/${id('Ben Okafor')}`, { hiddenFromScreen: true });
      expect(hid.status).toBe(200);
      expect(hid.body).toMatchObject({ id: id('Ben Okafor'), name: 'Ben Okafor', hiddenFromScreen: true, nameFlag: null });
      expect((await r.org.patch(`/api/events/${r.event.id}/attendees/${id('Ana Lobo')}`, { hiddenFromScreen: true })).status).toBe(200);
      await eventually(() =>
        expect(boardNames(lastBoard(framesOf<BoardEntry[]>(r.screen, 'board:changed')))).toEqual(['Ana L.', 'Chloé M.']),
      );
      await eventually(() => expect(consoleAttendees(r.console).get(id('Ben Okafor'))?.hiddenFromScreen).toBe(true));
      const lobaGone = r.screen.frames.length;

      // Rename: the screen, the console and the person's own phone hear it; the flag goes.
      const renamed = await r.org.patch(`/api/events/${r.event.id}/attendees/${id('Shit Happens')}`, { name: 'Sam Happens' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Sam Happens', nameFlag: null, hiddenFromScreen: false });
      await eventually(() =>
        expect(boardNames(lastBoard(framesOf<BoardEntry[]>(r.screen, 'board:changed')))).toEqual(['Ana L.', 'Chloé M.', 'Sam H.']),
      );
      await eventually(() => expect(consoleAttendees(r.console).get(id('Shit Happens'))?.name).toBe('Sam Happens'));
      const phone = r.phones[NAMES.indexOf('Shit Happens')]!.socket;
      await eventually(() => expect(framesOf<MyProfile>(phone, 'me:changed').at(-1)?.name).toBe('Sam Happens'));

      // Shown again: back on the board.
      expect((await r.org.patch(`/api/events/${r.event.id}/attendees/${id('Ben Okafor')}`, { hiddenFromScreen: false })).status).toBe(200);
      await eventually(() =>
        expect(boardNames(lastBoard(framesOf<BoardEntry[]>(r.screen, 'board:changed')))).toEqual([
          'Ana L.',
          'Ben O.',
          'Chloé M.',
          'Sam H.',
        ]),
      );

      // A screen that connects now gets the same board in its snapshot.
      const late = connect(app().url, { role: 'screen', eventId: r.event.id, key: r.event.screenKey });
      const snap = (await snapshotOf(late)) as Extract<Snapshot, { role: 'screen' }>;
      late.disconnect();
      expect(boardNames(snap.rounds.board)).toEqual(['Ana L.', 'Ben O.', 'Chloé M.', 'Sam H.']);

      // Never on the screen: no frame names the offensive name, nor anyone once hidden (full names never at all).
      const since = (mark: number) => JSON.stringify(r.screen.frames.slice(mark)) + JSON.stringify(snap);
      expect(since(0)).not.toMatch(/Shit|Lobo|Lopez|Okafor|McBoatface/);
      expect(since(boatyGone)).not.toContain('Boaty');
      expect(since(lobaGone)).not.toContain('Ana Lob.');
    } finally {
      r.close();
    }
  });

  it('refuses bad input and other organizers, and changes nothing', async () => {
    const r = await open();
    try {
      const ana = r.phones[0]!.joined.me.id;
      const path = `/api/events/${r.event.id}/attendees/${ana}`;
      for (const body of [{}, { name: '' }, { name: 'x'.repeat(41) }, { hiddenFromScreen: 'yes' }, { name: 'Ann', role: 'admin' }]) {
        const res = await r.org.patch(path, body);
        expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), 400, 'invalid_request']);
        expect(typeof res.body.message).toBe('string');
      }
      expect((await r.org.patch(`/api/events/${r.event.id}/attendees/not-a-uuid`, { name: 'Ann' })).status).toBe(400);
      const stranger = '00000000-0000-4000-8000-000000000000';
      expect((await r.org.patch(`/api/events/${r.event.id}/attendees/${stranger}`, { name: 'Ann' })).status).toBe(404);
      const tooMany = await r.org.patch(`/api/events/${r.event.id}`, {
        screenBlockedWords: Array.from({ length: 201 }, (_, i) => `w${i}`),
      });
      expect(tooMany.status).toBe(400);

      const other = await organizer(app().url, 'Mallory');
      expect((await other.patch(path, { hiddenFromScreen: true })).status).toBe(404);
      const unsigned = await fetch(`${app().url}${path}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-mingle-csrf': '1' },
        body: JSON.stringify({ name: 'Ann' }),
      });
      expect(unsigned.status).toBe(401);

      const after = ((await r.org.get(`/api/events/${r.event.id}/attendees`)).body as OrganizerAttendee[]).find((a) => a.id === ana)!;
      expect(after).toMatchObject({ name: 'Ana Lopez', hiddenFromScreen: false });
      expect((await r.org.get(`/api/events/${r.event.id}`)).body.screenBlockedWords).toEqual([]);

      // Someone removed cannot be renamed back onto the board.
      expect((await r.org.delete(path)).status).toBe(204);
      expect((await r.org.patch(path, { name: 'Ann' })).status).toBe(404);
    } finally {
      r.close();
    }
  });
});
