import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox';

/** Beneath every feature, like the database: any module records follow-ups and handles its own. */
@Global()
@Module({ providers: [Outbox], exports: [Outbox] })
export class OutboxModule {}
