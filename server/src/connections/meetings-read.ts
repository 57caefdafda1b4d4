import { Injectable } from '@nestjs/common';
import { Store } from '../database/store';
import { Group, Meeting, Round } from '../mixer/rounds/round.entity';
import { ordered } from './pair';

/** One time two people shared a group: in which round, at which spot. */
export interface MeetingSpot {
  a: string;
  b: string;
  roundNumber: number;
  spot: string;
}

/**
 * Who met whom, for connections (only people who shared a group may swap). These tables belong to
 * the rounds module; its repository is being built meanwhile.
 * TODO(lead): RoundsRepository — move these queries there and read through it.
 */
@Injectable()
export class MeetingsRead {
  constructor(private readonly store: Store) {}

  /** Every encounter of `attendeeId` (only those with `otherId`, when given), with the spot, in one query. */
  async encounters(eventId: string, attendeeId: string, otherId?: string): Promise<MeetingSpot[]> {
    const query = this.store
      .table(Meeting)
      .createQueryBuilder('m')
      .leftJoin(Group, 'g', 'g.id = m.group_id')
      .select(['m.a AS a', 'm.b AS b', 'm.round_number AS "roundNumber"', 'g.spot AS spot'])
      .where('m.event_id = :eventId', { eventId });
    if (otherId) {
      const [a, b] = ordered(attendeeId, otherId);
      query.andWhere('m.a = :a AND m.b = :b', { a, b });
    } else {
      query.andWhere('(m.a = :id OR m.b = :id)', { id: attendeeId });
    }
    const rows: Array<{ a: string; b: string; roundNumber: number | string; spot: string | null }> = await query.getRawMany();
    return rows.map((r) => ({ a: r.a, b: r.b, roundNumber: Number(r.roundNumber), spot: r.spot ?? '' }));
  }

  /** Every pair that met at the event, and the numbers of its rounds in order: for the organizer's counts. */
  async pairsByRound(eventId: string): Promise<{ pairs: Array<Pick<Meeting, 'a' | 'b' | 'roundNumber'>>; rounds: number[] }> {
    const [pairs, rounds] = await Promise.all([
      this.store.table(Meeting).find({ select: { a: true, b: true, roundNumber: true }, where: { eventId } }),
      this.store.table(Round).find({ select: { number: true }, where: { eventId }, order: { number: 'ASC' } }),
    ]);
    return { pairs, rounds: rounds.map((r) => r.number) };
  }
}
