import { Global, Module } from '@nestjs/common';
import { Broadcaster } from './broadcaster';

@Global()
@Module({ providers: [Broadcaster], exports: [Broadcaster] })
export class BroadcastModule {}
