import type { OrganizerAttendee } from '@mingle/shared';
import { i18n } from '../../i18n';

/** Offline for longer than this is worth showing: a phone reconnecting after a blip is not. */
export const LONG_OFFLINE_MS = 60_000;

/** How long their last socket has been gone; null while online or if they never connected. */
export function offlineFor(a: OrganizerAttendee, now: number): number | null {
  if (a.online || a.offlineSince === null) return null;
  const since = Date.parse(a.offlineSince);
  return Number.isNaN(since) ? null : Math.max(0, now - since);
}

/** Here (active) and connected before, but offline for more than a minute. */
export function isLongOffline(a: OrganizerAttendee, now: number): boolean {
  return a.status === 'active' && (offlineFor(a, now) ?? 0) > LONG_OFFLINE_MS;
}

/** "Online", "Offline 3 min", "Never connected", or their status when not active. */
export function presenceLabel(a: OrganizerAttendee, now: number): string {
  const t = i18n.global.t;
  if (a.status !== 'active') return t(`consoleLive.presence.${a.status}`);
  if (a.neverConnected) return t('consoleLive.presence.neverConnected');
  if (a.online) return t('consoleLive.presence.online');
  const ms = offlineFor(a, now) ?? 0;
  if (ms <= LONG_OFFLINE_MS) return t('consoleLive.presence.offline');
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60
    ? t('consoleLive.presence.offlineMinutes', { n: minutes })
    : t('consoleLive.presence.offlineHours', { n: Math.floor(minutes / 60) });
}
