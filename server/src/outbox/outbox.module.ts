import { Global, Module } from '@nestjs/common';
import { DomainEventBus } from './domain-event-bus';
import { Outbox } from './outbox';
import { OutboxRepository } from './outbox.repository';

/** Beneath every feature, like the database: any module publishes what happened, records follow-ups and handles its own. */
@Global()
@Module({ providers: [Outbox, OutboxRepository, DomainEventBus], exports: [Outbox, DomainEventBus] })
export class OutboxModule {}
