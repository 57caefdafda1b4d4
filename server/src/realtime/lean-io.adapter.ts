import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import type { Socket } from 'socket.io';

/**
 * Nest's socket.io adapter, binding each socket's message handlers with plain listeners. Nest's own
 * binding builds an rxjs chain per handler per socket (fromEvent, mergeMap, takeUntil and a shared
 * disconnect stream), kept for the socket's whole life; at 5,000 phones that was a good part of
 * each phone's memory. Here a handler's chain is made only when a message arrives, and answered as
 * Nest answers it: an `event` reply is emitted, anything else goes to the acknowledgement.
 */
export class LeanIoAdapter extends IoAdapter {
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...payload: unknown[]) => {
        const { data, ack } = this.mapPayload(payload);
        transform(callback(data, ack)).subscribe((response) => {
          if (response === null || response === undefined) return;
          const reply = response as { event?: string; data?: unknown };
          if (reply.event) return void socket.emit(reply.event, reply.data);
          if (!isAckHandledManually && typeof ack === 'function') (ack as (r: unknown) => void)(response);
        });
      });
    }
  }
}
