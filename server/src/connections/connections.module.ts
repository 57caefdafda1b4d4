import { Module } from '@nestjs/common';
import { AttendeesModule } from '../attendees/attendees.module';
import { EventsModule } from '../events/events.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { ConnectionsService } from './connections.service';
import { EraseService } from './erase.service';
import { EventConnectionsController } from './event-connections.controller';
import { MeConnectionsController } from './me-connections.controller';
import { ConnectionsRemoval } from './removal-step';
import { OptOutAvoidance } from './avoid-source';
import { RoundsModule } from '../mixer/rounds/rounds.module';
import { RetentionService } from './retention.service';
import { ConnectionsRepository } from './connections.repository';
import { SwapRequests } from './swap-requests';

@Module({
  imports: [AttendeesModule, EventsModule, OrganizersModule, RoundsModule],
  controllers: [MeConnectionsController, EventConnectionsController],
  providers: [ConnectionsRepository, ConnectionsService, SwapRequests, EraseService, RetentionService, ConnectionsRemoval, OptOutAvoidance],
  exports: [ConnectionsRepository, ConnectionsService, EraseService],
})
export class ConnectionsModule {}
