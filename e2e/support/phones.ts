import { io, type Socket } from 'socket.io-client';

/**
 * A phone with the app open: an attendee socket. Only people whose phone connected are grouped,
 * so people who join through the API need one to take part in rounds.
 */
export function openPhone(baseUrl: string, token: string, opened: Socket[]): Promise<Socket> {
  return new Promise((ok, fail) => {
    const s = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { role: 'attendee', token },
      reconnection: false,
      forceNew: true,
    });
    opened.push(s);
    s.once('snapshot', () => ok(s));
    s.once('connect_error', fail);
  });
}
