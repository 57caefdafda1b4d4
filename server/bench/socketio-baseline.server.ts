/**
 * The realtime bench's yardstick: a bare socket.io server and nothing else. `POST /send` with
 * `{ trigger, bytes }` sends each connected socket one personal message of about `bytes` (each
 * encoded on its own, as a per-person payload would be), then answers. Run by realtime.bench.ts:
 *
 *   PORT=4000 [HELLO_BYTES=1500] node --import tsx server/bench/socketio-baseline.server.ts   (the bench also loads realtime-hooks.ts)
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return res.end('ok');
  if (req.method !== 'POST' || req.url !== '/send') return res.writeHead(404).end();
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    const { trigger, bytes } = JSON.parse(body) as { trigger: number; bytes: number };
    const filler = 'x'.repeat(Math.max(0, bytes - 60));
    let sent = 0;
    for (const socket of io.of('/').sockets.values()) {
      socket.emit('assigned', { trigger, id: socket.data.id as number, filler });
      sent++;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ sent }));
  });
});

const hello = 'x'.repeat(Math.max(0, Number(process.env.HELLO_BYTES ?? 0) - 40));
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.data.id = Number(socket.handshake.auth.id);
  if (hello) socket.emit('hello', { id: socket.data.id as number, filler: hello });
});

http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => io.close(() => process.exit(0)));
