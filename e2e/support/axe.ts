import AxeBuilder from '@axe-core/playwright';
import * as axeCore from 'axe-core';
import type { Page } from 'playwright-core';

interface AxeRule {
  id: string;
  impact?: string | null;
}

/**
 * The rules whose impact is fixed at minor or moderate. axe gives every violation of such a rule
 * the rule's own impact, so they can never report a serious or critical violation; skipping them
 * leaves the result below unchanged. It saves time on big pages: `region` alone takes about 20 s
 * on the console's live page of a 400-person room.
 */
const NEVER_SERIOUS: string[] = ((axeCore as unknown as { _audit?: { rules?: AxeRule[] } })._audit?.rules ?? [])
  .filter((r) => r.impact === 'minor' || r.impact === 'moderate')
  .map((r) => r.id);

/** The serious and critical accessibility violations on the page as it is now, one line each (empty when clean). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Only violations are read: axe then describes every passing node no more than once (it builds
  // a selector for each), which is most of its time on a big page.
  const { violations } = await new AxeBuilder({ page })
    .disableRules(NEVER_SERIOUS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
