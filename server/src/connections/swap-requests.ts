import type { EntityManager } from 'typeorm';
import type { ContactField } from '@mingle/shared';
import { Attendee } from '../attendees/attendee.entity';
import { Match, Note, ShareChoice, SwapRequest } from './connection.entities';
import { filledFields } from './connection.views';

export const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** The fields someone shares on a new match: their choice, or by default every field they filled in. */
export async function sharedFields(db: EntityManager, who: Attendee): Promise<ContactField[]> {
  const choice = await db.findOneBy(ShareChoice, { attendeeId: who.id });
  return choice ? choice.fields.filter((f) => !!who.card[f]) : filledFields(who.card);
}

/**
 * Stores `me`'s request to swap with `otherId` and, when the other already asked, the match, in
 * the caller's transaction: a crash at any moment leaves both or neither. Says 'made' only when
 * this call made the match (so `match:made` goes out once, however often anyone asks), and 'gone'
 * when either was removed or erased meanwhile: the request is taken back without a rollback (on
 * SQLite TypeORM nests concurrent transactions of one process, so a rollback could undo another's).
 *
 * Two opposite requests at the same moment, on two nodes, must still meet. On PostgreSQL (READ
 * COMMITTED) each transaction could miss the other's uncommitted request, so after writing its own
 * request a transaction locks both attendee rows, always in id order (no deadlock). The second one
 * waits for the first to commit and its next statement then sees the first request: exactly one of
 * them makes the match. `FOR NO KEY UPDATE` does not conflict with the key-share locks the foreign
 * keys of the requests take, yet it does conflict with a removal's status update, so a removal is
 * either fully before (we refuse) or fully after (it deletes what we wrote). On SQLite the first
 * write (our insert) takes the database's single write lock, so transactions never interleave.
 * The matches primary key (a, b) with a < b is the last guard against a duplicate.
 */
export async function recordSwapRequest(tx: EntityManager, me: Attendee, otherId: string): Promise<'asked' | 'made' | 'gone'> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(SwapRequest)
    .values({ fromId: me.id, toId: otherId, eventId: me.eventId, createdAt: Date.now() })
    .orIgnore()
    .execute();
  const pair = await lockPair(tx, me.id, otherId);
  const [mine, other] = [pair.get(me.id), pair.get(otherId)];
  if ([mine, other].some((x) => !x || x.status === 'removed' || x.status === 'erased')) {
    await tx.delete(SwapRequest, { fromId: me.id, toId: otherId });
    return 'gone';
  }

  if (!(await tx.existsBy(SwapRequest, { fromId: otherId, toId: me.id }))) return 'asked';
  const [a, b] = ordered(me.id, otherId);
  if (await tx.existsBy(Match, { a, b })) return 'asked';
  const [first, second] = a === me.id ? [mine!, other!] : [other!, mine!];
  await tx
    .createQueryBuilder()
    .insert()
    .into(Match)
    .values({
      a,
      b,
      eventId: me.eventId,
      matchedAt: Date.now(),
      aFields: await sharedFields(tx, first),
      bFields: await sharedFields(tx, second),
    })
    .orIgnore()
    .execute();
  return 'made';
}

/** Both attendees as committed now, locked until the transaction ends on PostgreSQL. */
async function lockPair(tx: EntityManager, x: string, y: string): Promise<Map<string, Attendee>> {
  const postgres = tx.connection.options.type === 'postgres';
  const found = new Map<string, Attendee>();
  for (const id of ordered(x, y)) {
    const row = await tx.findOne(Attendee, { where: { id }, ...(postgres ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
    if (row) found.set(id, row);
  }
  return found;
}

/** Someone removed or erased: their swap requests and matches, both ways, their share choice and notes. */
export async function dropConnectionsOf(tx: EntityManager, attendeeId: string): Promise<void> {
  await tx.delete(SwapRequest, { fromId: attendeeId });
  await tx.delete(SwapRequest, { toId: attendeeId });
  await tx.delete(Match, { a: attendeeId });
  await tx.delete(Match, { b: attendeeId });
  await tx.delete(ShareChoice, { attendeeId });
  await tx.delete(Note, { attendeeId });
}
