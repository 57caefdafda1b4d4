import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/data-source';
import { entities } from '../src/entities';
import { Organizer } from '../src/organizers/organizer.entity';
import { dropDatabase, freshDatabaseEnv } from './support/app';

const organizer = (name: string): Organizer =>
  Object.assign(new Organizer(), {
    id: randomUUID(),
    email: `${name}@example.com`,
    name,
    passwordHash: 'x',
    createdAt: Date.now(),
    signupSlot: null,
  });

/** Lets other work run for a bounded number of turns, or until `done()` holds. */
async function turns(done: () => boolean, budget = 200): Promise<void> {
  for (let i = 0; i < budget && !done(); i++) await new Promise((r) => setImmediate(r));
}

describe('transactions in one process', () => {
  const env = freshDatabaseEnv();
  let db: DataSource;
  beforeAll(async () => {
    db = await openDatabase(loadConfig({ NODE_ENV: 'test', ...env }).database, entities);
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(env);
  });

  it("one transaction's rollback never undoes another's committed work", async () => {
    let secondDone = false;
    const first = db
      .transaction(async (tx) => {
        await tx.insert(Organizer, organizer('first'));
        await turns(() => secondDone);
        throw new Error('first rolls back');
      })
      .catch((error: Error) => error.message);
    const second = db.transaction(async (tx) => {
      await tx.insert(Organizer, organizer('second'));
    });
    await second;
    secondDone = true;
    expect(await first).toBe('first rolls back');
    const names = (await db.getRepository(Organizer).find()).map((o) => o.name);
    expect(names).toEqual(['second']);
  });
});
