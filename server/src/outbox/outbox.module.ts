import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox';
import { OutboxRepository } from './outbox.repository';

/** Beneath every feature, like the database: any module records follow-ups and handles its own. */
@Global()
@Module({ providers: [Outbox, OutboxRepository], exports: [Outbox] })
export class OutboxModule {}
