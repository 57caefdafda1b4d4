import type { MyGroup } from '@mingle/shared';
import { useApp } from './support/app';
import { consoleRounds, lastGroup, room } from './support/room';
import { eventually, type MingleClient } from './support/sockets';

/** Bytes of what a socket received from frame `from` on, as socket.io puts each on the wire (`42[name,payload]`). */
const bytesSince = (socket: MingleClient, from: number) =>
  socket.frames.slice(from).reduce((n, frame) => n + 2 + Buffer.byteLength(JSON.stringify(frame)), 0);

jest.setTimeout(180_000);

/**
 * "I'm here" changes nobody's place: the group's phones and the console hear a small delta, the
 * screen nothing. Prints the bytes each audience got for 400 taps (issue #10 measured 6.2 MB to the
 * screen before: the whole board per tap).
 */
describe('news of 400 arrivals', () => {
  const app = useApp();

  it('sends the screen no board, and the console only the groups that changed', async () => {
    const r = await room(app().url, 400, { groupSize: 4 });
    try {
      expect((await r.org.post(`/api/events/${r.event.id}/rounds`, {})).status).toBe(201);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)).not.toBeNull()), 30_000);
      await eventually(() => expect(consoleRounds(r.console)?.groups).toHaveLength(100));
      const mark = { screen: r.screen.frames.length, console: r.console.frames.length };
      const phoneMarks = r.phones.map((p) => p.socket.frames.length);

      for (let i = 0; i < r.phones.length; i += 50)
        await Promise.all(
          r.phones.slice(i, i + 50).map(async (p) => {
            const ack = await p.socket.timeout(10_000).emitWithAck('group:arrive', { groupId: lastGroup(p.socket)!.groupId });
            expect('data' in ack && (ack.data as MyGroup).arrived).toBe(true);
          }),
        );
      await eventually(() => expect(consoleRounds(r.console)!.groups.every((g) => g.missing === 0)).toBe(true), 10_000);
      await eventually(() => r.phones.forEach((p) => expect(lastGroup(p.socket)!.members.every((m) => m.arrived)).toBe(true)));

      const screenNews = r.screen.frames.slice(mark.screen).map(([name]) => name);
      expect(screenNews).not.toContain('board:changed');
      const bytes = {
        screen: bytesSince(r.screen, mark.screen),
        console: bytesSince(r.console, mark.console),
        phones: r.phones.reduce((n, p, i) => n + bytesSince(p.socket, phoneMarks[i]!), 0),
      };
      console.log(`400 arrivals, bytes received: screen ${bytes.screen}, console ${bytes.console}, all phones ${bytes.phones}`);
      // The console hears each group at most a few times (coalesced), never the whole round per tap.
      expect(bytes.console).toBeLessThan(400 * 1000);
    } finally {
      r.close();
    }
  });
});
