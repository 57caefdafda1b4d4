/**
 * Lets at most `width` connections be checked and given their snapshot at a time; the others wait
 * their turn, first come first served. When a node dies, its phones reconnect to the others all at
 * once: without a gate, every one of them started its database reads at once, and whatever else the
 * node had to do (a round's end, an HTTP answer) queued behind thousands of them.
 */
export class ConnectionGate {
  private inside = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly width: number) {}

  /** Runs `work` once there is room; its slot goes to the next in line when it ends, however it ends. */
  async through<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside < this.width) this.inside++;
    // a slot is handed over as it is: `inside` stays counted for the one that takes it
    else await new Promise<void>((enter) => this.waiting.push(enter));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.inside--;
    }
  }

  /** How many wait for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }
}
