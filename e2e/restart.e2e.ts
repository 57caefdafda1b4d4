/**
 * `kill -9` the server in the middle of a round and start it again on the same database: every
 * phone, the screen and the console reconnect by themselves and show the same round, groups and
 * end time; nothing is lost. Real process, real SIGKILL, real socket.io clients that reconnect.
 */
import { io, type Socket } from 'socket.io-client';
import { join, signUp } from './support/api';
import { startApp } from './support/server';
import { until } from './support/until';

interface Client {
  socket: Socket;
  snapshots: Array<{ at: number; rounds: any }>;
}

test('kill -9 mid-round: every client shows the same round, groups and end time after the restart', async () => {
  const app = await startApp();
  const url = app.baseUrl;
  const clients: Client[] = [];
  try {
    const organizer = await signUp(url);
    const { cookie } = organizer;
    const event = await organizer.openEvent({ name: 'Restart', interests: ['AI', 'Hiking'], groupSize: 3 });
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) tokens.push((await join(url, event.joinCode, { name: `P${i} X`, interests: ['AI'] })).token);
    const auths = [
      ...tokens.map((token) => ({ auth: { role: 'attendee', token } })),
      { auth: { role: 'screen', eventId: event.id, key: event.screenKey } },
      { auth: { role: 'organizer', eventId: event.id }, extraHeaders: { cookie } },
    ];
    for (const { auth, extraHeaders } of auths as Array<{ auth: object; extraHeaders?: Record<string, string> }>) {
      const socket = io(url, {
        transports: ['websocket'],
        auth,
        extraHeaders,
        reconnectionDelay: 300,
        reconnectionDelayMax: 1000,
        forceNew: true,
      });
      const client: Client = { socket, snapshots: [] };
      socket.on('snapshot', (s: { rounds: unknown }) => client.snapshots.push({ at: Date.now(), rounds: s.rounds }));
      clients.push(client);
    }
    await until(() => clients.every((c) => c.snapshots.length === 1), 'every client has its first snapshot');
    await organizer.api('POST', `/api/events/${event.id}/rounds`, { minutes: 5 });
    // Reconnect once so every client holds a snapshot with the round in it.
    clients.forEach((c) => c.socket.disconnect().connect());
    await until(() => clients.every((c) => c.snapshots.length === 2), 'every client has a snapshot with the round');
    const before = clients.map((c) => c.snapshots[1]!.rounds);
    expect(before[0].round.state).toBe('running');

    const killed = Date.now();
    await app.kill();
    await app.restart();
    const back = Date.now();
    // A client may reconnect before our own health check answers, so count every snapshot since the kill.
    await until(
      () => clients.every((c) => c.snapshots.some((s) => s.at > killed)),
      'every client has a snapshot after the restart',
      20_000,
    );
    const recovered = Math.max(0, ...clients.map((c) => c.snapshots.find((s) => s.at > killed)!.at - back));
    console.log(`all ${clients.length} clients had their snapshot ${recovered} ms after the server was back`);

    clients.forEach((c, i) => {
      const after = c.snapshots.at(-1)!.rounds;
      expect(after.round).toEqual(before[i].round);
      if (i < 6) expect(after.group).toEqual(before[i].group);
      if (i === 6) expect(after.board).toEqual(before[i].board);
      if (i === 7) expect(after.groups).toEqual(before[i].groups);
    });
  } finally {
    clients.forEach((c) => c.socket.disconnect());
    await app.stop();
  }
});
