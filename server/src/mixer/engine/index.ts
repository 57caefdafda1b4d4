/** Mingle grouping engine: pure, deterministic for a seed, no framework dependencies. */
export type { EngineSettings, Mode, Pair, Person, PlanStats, RoundResult, ScheduleInput, ScheduleResult } from './types';
export { planRound, type PlanRoundInput } from './round';
export { planSchedule, type PlanScheduleInput } from './schedule';
export { planStats } from './stats';
export { groupSizes } from './sizes';
export { validatePlanRequest, ValidationError, LIMITS, type PlanRequest } from './validate';
