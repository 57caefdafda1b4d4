/** Plain validation of planner input (no schema library: the engine stays dependency free). */
import type { Mode, Pair, Person } from './types';

export const LIMITS = {
  maxPeople: 20000,
  maxRounds: 200,
  minGroupSize: 2,
  maxGroupSize: 50,
  maxIdLength: 200,
  maxInterests: 100,
  maxTimeLimitMs: 120000,
  maxPairs: 2_000_000,
} as const;

export interface PlanRequest {
  groupSize: number;
  rounds: number;
  mode?: Mode;
  separateColleagues?: boolean;
  seed?: number;
  timeLimitMs?: number;
  people: Person[];
  history: Pair[];
  avoid: Pair[];
}

export class ValidationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function int(v: unknown, field: string, min: number, max: number, required: boolean): number | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ValidationError(field, 'must be an integer');
  if (v < min || v > max) throw new ValidationError(field, `must be between ${min} and ${max}`);
  return v;
}

function pairs(v: unknown, field: string, ids: Set<string>): Pair[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ValidationError(field, 'must be an array of [id, id] pairs');
  if (v.length > LIMITS.maxPairs) throw new ValidationError(field, `at most ${LIMITS.maxPairs} pairs`);
  return v.map((p, i) => {
    const f = `${field}[${i}]`;
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || typeof p[1] !== 'string')
      throw new ValidationError(f, 'must be a pair of two person ids');
    for (const id of p) if (!ids.has(id)) throw new ValidationError(f, `unknown person id ${JSON.stringify(id)}`);
    if (p[0] === p[1]) throw new ValidationError(f, 'pairs two times the same person');
    return [p[0], p[1]] as Pair;
  });
}

/** Validates parsed JSON; throws ValidationError naming the offending field. */
export function validatePlanRequest(input: unknown): PlanRequest {
  if (!isObj(input)) throw new ValidationError('(root)', 'must be a JSON object');
  const groupSize = int(input.groupSize, 'groupSize', LIMITS.minGroupSize, LIMITS.maxGroupSize, true)!;
  const rounds = int(input.rounds, 'rounds', 1, LIMITS.maxRounds, true)!;
  const mode = input.mode;
  if (mode !== undefined && mode !== 'similar' && mode !== 'diverse') throw new ValidationError('mode', 'must be "similar" or "diverse"');
  const sep = input.separateColleagues;
  if (sep !== undefined && typeof sep !== 'boolean') throw new ValidationError('separateColleagues', 'must be a boolean');
  const seed = int(input.seed, 'seed', -(2 ** 31), 2 ** 32 - 1, false);
  const timeLimitMs = int(input.timeLimitMs, 'timeLimitMs', 1, LIMITS.maxTimeLimitMs, false);
  if (!Array.isArray(input.people)) throw new ValidationError('people', 'must be an array');
  if (input.people.length > LIMITS.maxPeople) throw new ValidationError('people', `at most ${LIMITS.maxPeople} people`);
  const ids = new Set<string>();
  const people: Person[] = input.people.map((p, i) => {
    const f = `people[${i}]`;
    if (!isObj(p)) throw new ValidationError(f, 'must be an object');
    if (typeof p.id !== 'string' || p.id.length === 0 || p.id.length > LIMITS.maxIdLength)
      throw new ValidationError(`${f}.id`, `must be a non-empty string of at most ${LIMITS.maxIdLength} characters`);
    if (ids.has(p.id)) throw new ValidationError(`${f}.id`, `duplicate id ${JSON.stringify(p.id)}`);
    ids.add(p.id);
    const person: Person = { id: p.id };
    if (p.interests !== undefined) {
      if (!Array.isArray(p.interests) || p.interests.some((t) => typeof t !== 'string'))
        throw new ValidationError(`${f}.interests`, 'must be an array of strings');
      if (p.interests.length > LIMITS.maxInterests) throw new ValidationError(`${f}.interests`, `at most ${LIMITS.maxInterests}`);
      person.interests = p.interests as string[];
    }
    if (p.company !== undefined && p.company !== null) {
      if (typeof p.company !== 'string') throw new ValidationError(`${f}.company`, 'must be a string');
      person.company = p.company;
    }
    return person;
  });
  return {
    groupSize,
    rounds,
    mode: mode as Mode | undefined,
    separateColleagues: sep as boolean | undefined,
    seed,
    timeLimitMs,
    people,
    history: pairs(input.history, 'history', ids),
    avoid: pairs(input.avoid, 'avoid', ids),
  };
}
