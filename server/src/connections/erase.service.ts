import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { newToken, tokenHash } from '../common/tokens';
import { Transactions } from '../database/store';
import { Attendee } from '../attendees/attendee.entity';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { PresenceService } from '../attendees/presence.service';
import { DomainEventBus } from '../outbox/domain-event-bus';
import { Outbox } from '../outbox/outbox';
import { ConnectionsRepository } from './connections.repository';

/**
 * "Erase me": the profile and card are blanked, requests, matches, notes and opt-outs deleted, and
 * the token stops working. What stays is that a pair met (no names), so the other side's list can
 * say this person erased their data.
 */
/** Who else is erased with someone (their other attendee rows of a series); it forgets its own records of them. */
export type ErasedWith = (me: Attendee) => Promise<string[]>;

@Injectable()
export class EraseService implements OnModuleInit {
  private readonly with: ErasedWith[] = [];

  constructor(
    private readonly transactions: Transactions,
    private readonly connections: ConnectionsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly presence: PresenceService,
    private readonly bus: DomainEventBus,
    private readonly outbox: Outbox,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Their phones are told and dropped, and they leave their group, even when the node that erased them died right after. */
  onModuleInit(): void {
    this.outbox.handle('attendee.erased', (erased) => this.bus.publish('attendee.erased', erased));
  }

  /** A later module (series) names attendee rows that are erased along with someone. */
  alsoErase(source: ErasedWith): void {
    this.with.push(source);
  }

  async erase(me: Attendee): Promise<void> {
    const others = (await Promise.all(this.with.map((source) => source(me)))).flat();
    await this.eraseOne(me);
    for (const other of await this.attendees.byIds(others)) if (other.status !== 'erased') await this.eraseOne(other);
  }

  private async eraseOne(me: Attendee): Promise<void> {
    const payload = { eventId: me.eventId, attendeeId: me.id };
    const followUp = await this.transactions.run(async () => {
      await this.connections.dropErased(me.id);
      await this.attendees.erase(me.id, tokenHash(this.config.sessionSecret, newToken()), Date.now());
      return this.outbox.record('attendee.erased', payload);
    });
    this.presence.changed(me.eventId, me.id);
    await this.outbox.carryOut(followUp, 'attendee.erased', payload);
  }
}
