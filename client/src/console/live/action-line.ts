import type { LiveAction } from '@mingle/shared';
import { i18n } from '../../i18n';

/** "Round 3 started by Sam", in the active language, from the action's kind, count and who did it. */
export function actionLine(a: LiveAction): string {
  const t = i18n.global.t;
  const n = a.count ?? 0;
  const by = a.by;
  const key = a.kind.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
  // rounds say their number when they have one; removals count people
  if (a.kind.startsWith('round.') && !a.count) return t(`consoleLive.actions.${key}Unnumbered`, { by });
  return t(`consoleLive.actions.${key}`, { n, by }, n);
}
