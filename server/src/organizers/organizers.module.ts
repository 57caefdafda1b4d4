import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { OrganizerGuard } from './organizer.guard';
import { OrganizersService } from './organizers.service';
import { SessionNews } from './session-news';

@Module({
  controllers: [AuthController],
  providers: [OrganizersService, OrganizerGuard, SessionNews],
  exports: [OrganizersService, OrganizerGuard],
})
export class OrganizersModule {}
