import { Controller, HttpCode } from '@nestjs/common';
import { spotLabel, type ParsedBody } from '@mingle/shared';
import { ApiError } from '../../common/api-error';
import { groupingParams } from '../../common/grouping-params';
import { BodyOf, Route } from '../../common/route';
import { Organizer } from '../../organizers/organizer.entity';
import { CurrentOrganizer } from '../../organizers/organizer.guard';
import { PlannerQueue } from './planner-queue';

/** How long the seated-dinner planner may think: it is a one-off, and quality matters most. */
const PLANNER_BUDGET_MS = 10_000;

/** The console's planner: a rotation for people without phones, planned all rounds together. */
@Controller()
export class PlannerController {
  constructor(private readonly planner: PlannerQueue) {}

  @Route('POST /api/planner', 'organizer')
  @HttpCode(200)
  async plan(@CurrentOrganizer() me: Organizer, @BodyOf('POST /api/planner') body: ParsedBody<'POST /api/planner'>) {
    const people = body.people.map((p, i) => ({ id: String(i), company: p.company, interests: p.interests, gives: p.gives, asks: p.asks }));
    const result = await this.planner.plan(me.id, {
      people,
      rounds: body.rounds,
      settings: {
        groupSize: body.groupSize,
        mode: body.mode,
        separateColleagues: body.separateColleagues ?? true,
        seed: 1,
        timeLimitMs: PLANNER_BUDGET_MS,
      },
    });
    if (!result.rounds.length)
      throw new ApiError(400, 'cannot_plan', `Cannot plan: ${result.reason ?? 'unknown reason'}`, {
        params: groupingParams(result.reason),
      });
    const groups = Math.max(...result.rounds.map((r) => r.length));
    return {
      rounds: result.rounds.map((r) => r.map((g) => g.map(Number))),
      spots: Array.from({ length: groups }, (_, i) => spotLabel([], i)),
      stats: result.stats,
    };
  }
}
