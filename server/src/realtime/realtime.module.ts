import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { EventsModule } from '../events/events.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { RoundsModule } from '../mixer/rounds/rounds.module';
import { HandshakeAuthenticator } from './handshake';
import { HandshakeLimit } from './handshake-limit';
import { RealtimeGateway } from './realtime.gateway';
import { SessionExpiry } from './session-expiry';
import { Snapshots } from './snapshots';

@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule, RoundsModule],
  providers: [RealtimeGateway, HandshakeAuthenticator, HandshakeLimit, SessionExpiry, Snapshots],
})
export class RealtimeModule {}
