/**
 * Work an answer or a tick does not wait for (planning the next rounds after a start, or while the
 * room is still). Each piece runs in steps, each step on a later turn of the event loop, so the answer
 * leaves first. Every piece is tracked: once `close` is called no step starts any more, and `close`
 * resolves when the step still running has ended, so nothing outlives the app.
 *
 * A step skipped at close loses nothing that matters: what must follow a write is in the outbox,
 * which any node's round clock carries out.
 */
export class AfterReply {
  private closing = false;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly failed: (what: string, error: Error) => void) {}

  /** Runs `steps` one after another after the current reply; a failing step ends the piece and is reported. */
  run(what: string, ...steps: Array<() => Promise<unknown>>): void {
    if (this.closing) return;
    const piece = (async () => {
      for (const step of steps) {
        await new Promise((next) => setImmediate(next));
        if (this.closing) return;
        await step();
      }
    })()
      .catch((error: Error) => this.failed(what, error))
      .finally(() => this.running.delete(piece));
    this.running.add(piece);
  }

  /** Whether `close` was called: work waiting for its turn gives up. */
  get closed(): boolean {
    return this.closing;
  }

  /** How many pieces have not ended yet. */
  get pending(): number {
    return this.running.size;
  }

  /** No step starts after this; resolves once the steps running now have ended. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.running]);
  }
}
