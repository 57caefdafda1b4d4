import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { OrganizerGuard } from './organizer.guard';
import { OrganizersService } from './organizers.service';

@Module({
  controllers: [AuthController],
  providers: [OrganizersService, OrganizerGuard],
  exports: [OrganizersService, OrganizerGuard],
})
export class OrganizersModule {}
