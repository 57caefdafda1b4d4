import { Injectable } from '@nestjs/common';
import type { ContactField } from '@mingle/shared';
import { Transactions } from '../database/store';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { filledFields } from './connection.views';
import { ConnectionsRepository } from './connections.repository';
import { ordered } from '../common/pair';

/** Asks to swap, and the matches they make. */
@Injectable()
export class SwapRequests {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The fields someone shares on a new match: their choice, or by default every field they filled in. */
  async sharedFields(who: Attendee): Promise<ContactField[]> {
    const choice = await this.connections.shareChoice(who.id);
    return choice ? choice.fields.filter((f) => !!who.card[f]) : filledFields(who.card);
  }

  /**
   * Stores `me`'s request to swap with `otherId` and, when the other already asked, the match, in
   * one transaction: a crash at any moment leaves both or neither. Says 'made' only when this call
   * made the match (so `match:made` goes out once, however often anyone asks), and 'gone' when
   * either was removed or erased meanwhile: the request is taken back without a rollback (on SQLite
   * TypeORM nests concurrent transactions of one process, so a rollback could undo another's).
   *
   * Two opposite requests at the same moment, on two nodes, must still meet. On PostgreSQL (READ
   * COMMITTED) each transaction could miss the other's uncommitted request, so after writing its own
   * request a transaction locks both attendee rows, always in id order (no deadlock). The second one
   * waits for the first to commit and its next statement then sees the first request: exactly one of
   * them makes the match. The lock does not conflict with the key-share locks the foreign keys of the
   * requests take, yet it does conflict with a removal's status update, so a removal is either fully
   * before (we refuse) or fully after (it deletes what we wrote). On SQLite the first write (our
   * insert) takes the database's single write lock, so transactions never interleave.
   */
  record(me: Attendee, otherId: string): Promise<'asked' | 'made' | 'gone'> {
    return this.transactions.run(async () => {
      await this.connections.ask(me.id, otherId, me.eventId, Date.now());
      const pair = await this.attendees.lockPair(me.id, otherId);
      const [mine, other] = [pair.get(me.id), pair.get(otherId)];
      if (!mine || !other || [mine, other].some((x) => x.status === 'removed' || x.status === 'erased')) {
        await this.connections.withdraw(me.id, otherId);
        return 'gone';
      }
      if (!(await this.connections.asked(otherId, me.id))) return 'asked';
      if (await this.connections.matched(me.id, otherId)) return 'asked';
      const [a, b] = ordered(me.id, otherId);
      const [first, second] = a === me.id ? [mine, other] : [other, mine];
      await this.connections.match({
        a,
        b,
        eventId: me.eventId,
        matchedAt: Date.now(),
        aFields: await this.sharedFields(first),
        bFields: await this.sharedFields(second),
      });
      return 'made';
    });
  }
}
