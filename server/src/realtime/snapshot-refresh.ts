import { Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { SocketData } from '../broadcast/rooms';
import type { Snapshots } from './snapshots';

const AT_ONCE = 20;

/**
 * Brings this node's own sockets up to date with a fresh snapshot each, as on a reconnect: news sent
 * while Redis was away may have missed them. Calls while one runs are folded into one more run.
 */
export function snapshotRefresher(snapshots: () => Snapshots): (server: Server) => void {
  const log = new Logger('Realtime');
  let running: Promise<void> | null = null;
  let again = false;
  const refresh = async (server: Server) => {
    const sockets = [...server.of('/').sockets.values()].filter((s) => (s.data as SocketData | undefined)?.role);
    let failed = 0;
    for (let i = 0; i < sockets.length; i += AT_ONCE) {
      await Promise.all(
        sockets.slice(i, i + AT_ONCE).map(async (socket) => {
          try {
            if (socket.connected) socket.emit('snapshot', await snapshots().for(socket.data as SocketData));
          } catch {
            failed++;
          }
        }),
      );
    }
    if (failed) log.warn(`snapshot refresh: ${failed} of ${sockets.length} sockets could not be refreshed`);
  };
  const run = (server: Server): void => {
    if (running) {
      again = true;
      return;
    }
    running = refresh(server).finally(() => {
      running = null;
      if (again) {
        again = false;
        run(server);
      }
    });
  };
  return run;
}
