import { AsyncResource } from 'node:async_hooks';

interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/** At most this many keys at once: a list the database takes in one statement. */
const MOST_KEYS = 500;

/**
 * Calls that come while one runs are done together by the next: one query for a burst of callers
 * (thousands of phones reconnecting to the node that is left) instead of one each, and no wait for a
 * caller alone (keys asked in the same turn go together). The same key asked twice is done once. A
 * call never joins one that began before it, so what it reads is as fresh as a read of its own.
 *
 * Only for work outside any transaction: it runs in the context the batch was made in, never in a
 * caller's transaction, so it sees committed rows only.
 */
export class Batched<K, V> {
  private waiting = new Map<K, Array<Waiter<V>>>();
  private reading = false;
  private readonly read: (keys: K[]) => Promise<Map<K, V>>;

  constructor(read: (keys: K[]) => Promise<Map<K, V>>) {
    this.read = AsyncResource.bind(read);
  }

  /** The value for `key`, or undefined when there is none. */
  get(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (this.reading) return;
      // what is asked in the same turn (one caller's several keys) goes in the same call
      this.reading = true;
      queueMicrotask(() => this.next());
    });
  }

  private next(): void {
    this.reading = this.waiting.size > 0;
    if (!this.reading) return;
    const batch = new Map<K, Array<Waiter<V>>>();
    for (const [key, waiters] of this.waiting) {
      if (batch.size === MOST_KEYS) break;
      batch.set(key, waiters);
      this.waiting.delete(key);
    }
    this.read([...batch.keys()])
      .then(
        (found) => batch.forEach((waiters, key) => waiters.forEach((w) => w.resolve(found.get(key)))),
        (error: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
      )
      .finally(() => this.next());
  }
}
