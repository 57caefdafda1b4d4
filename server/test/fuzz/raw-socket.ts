import WebSocket from 'ws';

/**
 * A socket.io client at the wire level: engine.io and socket.io packets as raw websocket frames, so
 * the fuzzer can send what no well-behaved client would. Answers the server's pings.
 */
export class RawSocket {
  readonly frames: string[] = [];
  closed = false;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, binary) => {
      const text = binary ? `<binary ${(data as Buffer).length}>` : data.toString();
      if (text === '2') this.send('3');
      this.frames.push(text);
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
    ws.on('error', () => undefined);
  }

  static open(base: string, query = 'EIO=4&transport=websocket', headers: Record<string, string> = {}): RawSocket {
    const url = `${base.replace(/^http/, 'ws')}/socket.io/?${query}`;
    return new RawSocket(new WebSocket(url, { headers, maxPayload: 10 * 1024 * 1024 }));
  }

  send(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** The first frame (from now on, or already seen when `seen` is true) that matches, or null once closed or after `ms`. */
  async next(matches: (frame: string) => boolean, ms = 5_000, from = this.frames.length): Promise<string | null> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.frames.slice(from).find(matches);
      if (found !== undefined) return found;
      if (this.closed || Date.now() > end) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, end - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Engine open, then a socket.io CONNECT with this auth; resolves with the server's answer frame. */
  async connect(auth: string): Promise<string | null> {
    const opened = await this.next((f) => f.startsWith('0'));
    if (!opened) return null;
    const from = this.frames.length;
    this.send(`40${auth}`);
    return this.next((f) => f.startsWith('40') || f.startsWith('44'), 5_000, from);
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
