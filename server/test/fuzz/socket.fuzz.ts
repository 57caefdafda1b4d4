import { useApp } from '../support/app';
import { join, openEvent } from '../support/attendees';
import { socketMessages } from '../support/routes';
import { FUZZ_SEED, Rng, wellFormed, fuzzCookie, fuzzString, fuzzValue } from './inputs';
import { RawSocket } from './raw-socket';
import { Tally, bystander, closeAgent, healthy, pool, send } from './support';

/** Malformed handshakes, payloads and raw packets to the socket: refused or error-acked, never a crash. */

const HANDSHAKES = Number(process.env.FUZZ_HANDSHAKES ?? 600);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 2_400);
const POLLING = Number(process.env.FUZZ_POLLING ?? 300);

/** The handshake middleware's answer when authenticating threw something unexpected: a 500 in disguise. */
const UNEXPECTED = /Could not check who you are|Internal server error|"code":"internal"/;

describe('fuzz: socket', () => {
  const app = useApp();
  afterAll(() => closeAgent());

  it('refuses malformed handshakes and answers malformed packets without an internal error', async () => {
    const url = app().url;
    const rng = new Rng(FUZZ_SEED + 1);
    const tally = new Tally(`socket (seed ${FUZZ_SEED + 1})`);
    const watcher = await bystander(url);
    const { event, cookie } = await openEvent(url);
    const { token } = await join(url, event.joinCode);
    const auths = {
      attendee: JSON.stringify({ role: 'attendee', token }),
      organizer: JSON.stringify({ role: 'organizer', eventId: event.id }),
      screen: JSON.stringify({ role: 'screen', eventId: event.id, key: event.screenKey }),
    };
    const ids = [event.id, event.screenKey, token, '00000000-0000-0000-0000-000000000000'];

    let connectedHandshakes = 0;
    let fuzzedAcks = 0;
    let connections = 0;

    // 1. Handshakes: bad queries, bad cookies and origins, every kind of auth payload.
    const handshake = () => {
      const query = rng.pick([
        'EIO=4&transport=websocket',
        'EIO=4&transport=websocket',
        'EIO=3&transport=websocket',
        'EIO=x&transport=websocket',
        'EIO=4&transport=websocket&sid=junk',
        'EIO=4&transport=websocket&__proto__[x]=1',
        'EIO=4&transport=websocket&t=%zz',
      ]);
      const headers: Record<string, string> = {};
      const c = fuzzCookie(rng, cookie);
      if (c) headers.cookie = c;
      if (rng.chance(0.2)) headers.origin = rng.pick(['https://evil.example', 'null', '%', url]);
      const auth = rng.pick([
        () =>
          JSON.stringify({
            role: rng.pick(['attendee', 'organizer', 'screen', '__proto__', '', 'admin']),
            token: rng.chance(0.5) ? rng.pick(ids) : fuzzValue(rng),
            eventId: rng.chance(0.5) ? rng.pick(ids) : fuzzValue(rng),
            key: rng.chance(0.5) ? rng.pick(ids) : fuzzValue(rng),
          }),
        () => JSON.stringify(fuzzValue(rng)),
        () =>
          rng.pick([
            '{',
            '[1]',
            '"x"',
            'null',
            '1e999',
            '{"role":"attendee","token":"\\u0000"}',
            '{"__proto__":{"role":"organizer"},"eventId":"' + event.id + '"}',
            '{"role":"screen","eventId":"' + event.id + '","key":{"length":1}}',
          ]),
        () => rng.pick(Object.values(auths)),
      ])();
      return { query, headers, auth };
    };
    await pool(Array.from({ length: HANDSHAKES }, handshake), 8, async (h) => {
      const socket = RawSocket.open(url, h.query, h.headers);
      const answer = await socket.connect(h.auth);
      socket.close();
      if (answer?.startsWith('40')) connectedHandshakes++;
      tally.answer(answer !== null && UNEXPECTED.test(answer), 'handshake', () => `${JSON.stringify(h).slice(0, 400)} → ${answer}`);
    });

    // 2. The polling transport over plain HTTP: bad sessions, bad bodies.
    const polling = Array.from({ length: POLLING }, () => {
      const sid = rng.pick(['junk', '', '%00', 'a'.repeat(500), '__proto__']);
      const query = rng.pick([
        `EIO=4&transport=polling`,
        `EIO=4&transport=polling&sid=${sid}`,
        `EIO=9&transport=polling`,
        'transport=polling',
        `EIO=4&transport=flash`,
        'EIO=4&transport=polling&j=1',
        '',
      ]);
      const method = rng.pick(['GET', 'POST', 'PUT', 'OPTIONS']);
      const body = method === 'POST' ? rng.pick(['40{}', '42["clock:sync"]', '', '\x1e\x1e', wellFormed(fuzzString(rng))]) : undefined;
      return { method, path: `/socket.io/?${query}`, body };
    });
    await pool(polling, 8, async (p) => {
      const res = await send(url, p.method, p.path, { 'content-type': 'text/plain;charset=UTF-8' }, p.body);
      if (res.status === -1) return;
      tally.status(res.status, `polling ${p.method}`, () => `${JSON.stringify(p).slice(0, 300)} → ${res.text}`);
    });

    // 3. Packets on connected sockets of each role (and one never connected to the namespace).
    const handled = socketMessages();
    const events = [
      ...handled,
      'snapshot',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      '',
      'x'.repeat(500),
      'round:start',
      'swap:request',
    ];
    // Well-formed packets with junk in them: the server reads on and answers each ack.
    const message = (): string => {
      const id = rng.chance(0.7) ? String(rng.int(1_000)) : '';
      const args = Array.from({ length: rng.int(3) }, () => fuzzValue(rng));
      const name = rng.chance(0.5) ? rng.pick(handled) : rng.pick(events);
      const json = JSON.stringify(rng.chance(0.1) ? args : [name, ...args]);
      // Under the payload limit, so that the server reads on (over it is a garbage case below).
      const body =
        Buffer.byteLength(json) < 12_000 ? json : JSON.stringify([rng.pick(events), wellFormed(fuzzString(rng).slice(0, 2_000))]);
      return `${body.startsWith('["') || body === '[]' ? '42' : '43'}${id}${body}`;
    };
    // Packets no client sends: most make the server drop the connection, which is an answer too.
    const garbage = (): string | Buffer => {
      switch (rng.int(6)) {
        case 0:
          return `451-${JSON.stringify([rng.pick(events), { _placeholder: true, num: rng.pick([0, 1, 5, -1]) }])}`;
        case 1:
          return Buffer.from(Array.from({ length: 1 + rng.int(64) }, () => rng.int(256)));
        case 2:
          return wellFormed(fuzzString(rng).slice(0, 20_000));
        case 3:
          return `42${JSON.stringify([rng.pick(events), 'x'.repeat(20_000)])}`; // over the payload limit
        default:
          return rng.pick([
            '',
            '4',
            '9',
            '1',
            '5',
            '6',
            '40',
            '41',
            '4{',
            '42["x"',
            '42{"a":1}',
            '42[1,2]',
            '42[null]',
            '42-1["clock:sync"]',
            '421e999["clock:sync",{}]',
            '42/other,["clock:sync"]',
            '40/admin,{}',
            '43',
            '4399["x"]',
            '44{}',
            '42["clock:sync",{"clientTime":1e999}]',
          ]);
      }
    };
    const roles = [auths.attendee, auths.organizer, auths.screen, null];
    const perRole = FRAMES / roles.length;
    await pool(roles, 4, async (auth) => {
      const role = auth ? (JSON.parse(auth) as { role: string }).role : 'no namespace';
      let socket: RawSocket | null = null;
      for (let sent = 0; sent < perRole;) {
        if (!socket || socket.closed) {
          connections++;
          socket = RawSocket.open(url, 'EIO=4&transport=websocket', auth === auths.organizer ? { cookie } : {});
          const answer = auth ? await socket.connect(auth) : await socket.next((f) => f.startsWith('0'));
          if (!answer?.startsWith(auth ? '40' : '0')) throw new Error(`could not connect ${auth}: ${answer}`);
        }
        const from = socket.frames.length;
        // Two thirds well-formed messages in batches of 20, then garbage a few at a time on fresh connections.
        const batch = sent < (perRole * 2) / 3 ? Array.from({ length: 20 }, message) : Array.from({ length: 3 }, garbage);
        for (const f of batch) socket.send(f);
        sent += batch.length;
        // A sync point: the server has read the batch when it answers a well-formed clock:sync (or closes).
        socket.send('42999999["clock:sync",{"clientTime":1}]');
        await socket.next((f) => f.startsWith('43999999'), 5_000, from);
        const replies = socket.frames.slice(from);
        fuzzedAcks += replies.filter((r) => /^43\d/.test(r) && !r.startsWith('43999999')).length;
        const bad = replies.find((r) => UNEXPECTED.test(r));
        for (const f of batch) tally.answer(bad !== undefined, `packets as ${role}`, () => `${String(f).slice(0, 300)} … → ${bad}`);
        if (batch.length === 3) socket.close();
      }
      socket?.close();
    });

    expect(await healthy(url)).toBe(200);
    await watcher.stillGetsNews();
    watcher.close();
    console.log(
      tally.line(`; ${connectedHandshakes} handshakes accepted, ${connections} packet connections, ${fuzzedAcks} fuzzed messages acked`),
    );
    // The fuzzer really reached the server: some handshakes passed and some fuzzed messages got an ack.
    expect(connectedHandshakes).toBeGreaterThan(0);
    expect(fuzzedAcks).toBeGreaterThan(0);
    expect(tally.summary()).toEqual([]);
    expect(tally.inputs).toBeGreaterThanOrEqual(3_000);
  }, 150_000);
});
