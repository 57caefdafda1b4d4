import type { AutopilotView } from '@mingle/shared';

const rounds = (n: number) => `${n} ${n === 1 ? 'round' : 'rounds'}`;
const minutes = (n: number) => `${n} min`;

/** "3 rounds left · 8 min rounds, 2 min breaks"; the last one and breakless runs said as they are. */
export function autopilotSummary(a: AutopilotView): string {
  const left = a.roundsLeft === 0 ? 'Last round' : `${rounds(a.roundsLeft)} left`;
  const breaks = a.breakMinutes === 0 ? 'no breaks' : `${minutes(a.breakMinutes)} breaks`;
  return `${left} · ${minutes(a.roundMinutes)} rounds, ${breaks}`;
}

/** What happens when the running round ends, while the autopilot runs. */
export function afterThisRound(a: AutopilotView): string {
  if (a.roundsLeft === 0) return 'This is the last round: the autopilot stops when it ends.';
  if (a.breakMinutes === 0) return 'The next round starts as soon as this one ends.';
  return `The next round starts after this one and a ${minutes(a.breakMinutes)} break.`;
}

/** A round's length as m:ss ("0:18", "8:00"); empty while it runs. */
export function roundLength(startedAt: number, endedAt: number | null): string {
  if (endedAt === null) return '';
  const seconds = Math.max(0, Math.round((endedAt - startedAt) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
