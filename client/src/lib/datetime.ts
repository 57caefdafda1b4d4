/**
 * Wall-clock time in a named time zone <-> ISO 8601 instants with an explicit offset.
 * A `datetime-local` input gives "2026-12-01T18:30"; together with "Europe/Paris" that is
 * "2026-12-01T18:30:00+01:00".
 */

import { currentLang, i18n } from '../i18n';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at an instant, in whole minutes (east positive). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const w = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - wholeSecond) / 60000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-12-01T18:30" in "Europe/Paris" -> "2026-12-01T18:30:00+01:00".
 * A wall-clock time skipped by a DST jump moves forward by the jump (02:30 -> 03:30).
 * Returns null when the local value is not a date-time.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(wallAsUtc)) return null;
  // Guess the instant with the offset at the wall time, then correct once with the offset there.
  const first = wallAsUtc - offsetMinutes(wallAsUtc, timeZone) * 60000;
  const second2 = wallAsUtc - offsetMinutes(first, timeZone) * 60000;
  const instant = offsetMinutes(second2, timeZone) === offsetMinutes(first, timeZone) ? second2 : Math.max(first, second2);
  return instantToIso(instant, timeZone);
}

/** An instant written as wall-clock time in the zone with its offset, seconds precision. */
export function instantToIso(epochMs: number, timeZone: string): string {
  const w = wallClockAt(epochMs, timeZone);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date}T${time}${formatOffset(offsetMinutes(epochMs, timeZone))}`;
}

/** An ISO instant as the value of a `datetime-local` input in the zone: "2026-12-01T18:30". */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallClockAt(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * A readable start time in the event's own zone, in the active language by default,
 * e.g. "Tue, Dec 1, 2026, 6:30 PM CET" or "Di., 1. Dez. 2026, 18:30 MEZ".
 */
export function formatInZone(iso: string | null, timeZone: string, locale: string = currentLang()): string {
  if (!iso) return i18n.global.t('commonUi.notSet');
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return i18n.global.t('commonUi.notSet');
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}

/** The browser's zone, or UTC. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the runtime knows, always including UTC and `ensure`. */
export function timeZones(ensure: readonly string[] = []): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const set = new Set(zones);
  for (const z of ['UTC', ...ensure]) if (z && !set.has(z)) zones = [...zones, z];
  return [...new Set(zones)].sort((a, b) => a.localeCompare(b));
}
