import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { RoundsModule } from '../mixer/rounds/rounds.module';
import { HandshakeAuthenticator } from './handshake';
import { RealtimeGateway } from './realtime.gateway';
import { Snapshots } from './snapshots';

@Module({
  imports: [AttendeesModule, OrganizersModule, RoundsModule],
  providers: [RealtimeGateway, HandshakeAuthenticator, Snapshots],
})
export class RealtimeModule {}
