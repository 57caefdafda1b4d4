import { SignupPasses } from './signup-passes';
import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { OrganizerGuard } from './organizer.guard';
import { OrganizersRepository } from './organizers.repository';
import { OrganizersService } from './organizers.service';

@Module({
  controllers: [AuthController],
  providers: [OrganizersRepository, OrganizersService, OrganizerGuard, SignupPasses],
  exports: [OrganizersRepository, OrganizersService, OrganizerGuard, SignupPasses],
})
export class OrganizersModule {}
