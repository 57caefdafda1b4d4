import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { INestApplicationContext } from '@nestjs/common';
import type { Server, ServerOptions } from 'socket.io';
import { createClient, type RedisClientType } from 'redis';

/** Carries broadcasts between server nodes through Redis; connects before the server is made. */
export class RedisIoAdapter extends IoAdapter {
  private clients: RedisClientType[] = [];
  private adapter: ReturnType<typeof createAdapter> | null = null;

  constructor(app: INestApplicationContext, private readonly url: string) {
    super(app);
  }

  async connect(): Promise<void> {
    const pub = createClient({ url: this.url }) as RedisClientType;
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', () => undefined);
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapter = createAdapter(pub, sub, { requestsTimeout: 2000 });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((c) => (c.isOpen ? c.quit().catch(() => undefined) : undefined)));
    this.clients = [];
  }
}
