import type { ErrorParams } from '@mingle/shared';

/** The engine's English reasons for not grouping, as variants clients translate (cannot_group_<variant>). */
const VARIANTS: Array<[RegExp, string]> = [
  [/^nobody is present/, 'nobody'],
  [/^fewer than 2 people/, 'tooFew'],
  [/avoid pairs/, 'avoidPairs'],
];

/** `{ variant }` for an engine's reason it could not group; no params for a reason clients do not know. */
export function groupingParams(reason: string | undefined): ErrorParams | undefined {
  const found = VARIANTS.find(([re]) => reason && re.test(reason));
  return found ? { variant: found[1] } : undefined;
}
