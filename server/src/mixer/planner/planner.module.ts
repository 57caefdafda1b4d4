import { Module } from '@nestjs/common';
import { OrganizersModule } from '../../organizers/organizers.module';
import { PlannerController } from './planner.controller';
import { PlannerQueue } from './planner-queue';
import { RoundPlanner } from './round-planner';

/** The engine's worker threads: live rounds and their look-ahead (RoundPlanner), and the console's planner. */
@Module({
  imports: [OrganizersModule],
  controllers: [PlannerController],
  providers: [PlannerQueue, RoundPlanner],
  exports: [RoundPlanner],
})
export class PlannerModule {}
