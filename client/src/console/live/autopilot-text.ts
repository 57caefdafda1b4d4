import type { AutopilotView } from '@mingle/shared';
import { i18n } from '../../i18n';

const t = i18n.global.t;

/** "3 rounds left · 8 min rounds, 2 min breaks"; the last one and breakless runs said as they are. */
export function autopilotSummary(a: AutopilotView): string {
  const left =
    a.roundsLeft === 0 ? t('consoleLive.autopilot.lastRound') : t('consoleLive.autopilot.roundsLeft', { n: a.roundsLeft }, a.roundsLeft);
  const breaks = a.breakMinutes === 0 ? t('consoleLive.autopilot.noBreaks') : t('consoleLive.autopilot.breaks', { n: a.breakMinutes });
  return t('consoleLive.autopilot.summary', { left, round: a.roundMinutes, breaks });
}

/** What happens when the running round ends, while the autopilot runs. */
export function afterThisRound(a: AutopilotView): string {
  if (a.roundsLeft === 0) return t('consoleLive.autopilot.lastStops');
  if (a.breakMinutes === 0) return t('consoleLive.autopilot.nextAtOnce');
  return t('consoleLive.autopilot.nextAfterBreak', { n: a.breakMinutes });
}

/** A round's length as m:ss ("0:18", "8:00"); empty while it runs. */
export function roundLength(startedAt: number, endedAt: number | null): string {
  if (endedAt === null) return '';
  const seconds = Math.max(0, Math.round((endedAt - startedAt) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
