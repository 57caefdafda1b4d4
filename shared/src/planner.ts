import { z } from 'zod';
import { line } from './text';

/** The console's planner for seated dinners: people from a CSV, a rotation back. */
export const plannerBody = z.strictObject({
  groupSize: z.number().int('Must be a whole number').min(2, 'Group size is at least 2').max(8, 'Group size is at most 8'),
  rounds: z.number().int('Must be a whole number').min(1, 'At least 1 round').max(30, 'At most 30 rounds'),
  mode: z.enum(['similar', 'diverse'], 'Mix mode is similar or diverse').optional(),
  separateColleagues: z.boolean('Must be yes or no').optional(),
  people: z
    .array(
      z.strictObject({
        name: line('Name').min(1, 'Name is missing').max(80, 'Name is at most 80 characters'),
        company: line('Company').max(80, 'Company is at most 80 characters').optional(),
        interests: z
          .array(line('Interest').min(1, 'An interest cannot be empty').max(40, 'An interest is at most 40 characters'))
          .max(20, 'At most 20 interests')
          .optional(),
        /** win-win: topics this person can help with, and would love help with */
        gives: z
          .array(line('Topic').min(1, 'A topic cannot be empty').max(40, 'A topic is at most 40 characters'))
          .max(3, 'At most 3 topics to help with')
          .optional(),
        asks: z
          .array(line('Topic').min(1, 'A topic cannot be empty').max(40, 'A topic is at most 40 characters'))
          .max(3, 'At most 3 topics to get help with')
          .optional(),
      }),
      'People must be a list',
    )
    .min(2, 'Add at least 2 people')
    .max(2000, 'At most 2000 people'),
});
export type PlannerBody = z.input<typeof plannerBody>;

export interface PlannerResult {
  /** rounds → groups → indexes into the people sent */
  rounds: number[][][];
  /** spot names, one per group position */
  spots: string[];
  stats: { repeatPairs: number; repeatFreeRounds: number; colleaguePairs: number; meanSharedInterests: number; ms: number };
}
