/**
 * Attendee tokens on this phone: one per event (keyed by event id), plus which event was used last.
 * localStorage so a sleeping phone or a closed tab comes back signed in. Plain localStorage, not
 * @vueuse's useStorage: this is on the phone's first page, and @vueuse/core is one module, so any use
 * here would load every @vueuse function the app uses (about 5 kB gzipped) before the join form.
 */
export interface StoredJoin {
  eventId: string;
  token: string;
  /** the code typed to join, to offer "join again" */
  code: string;
  eventName: string;
}

const KEY = 'mingle.phone.joins';
const LAST = 'mingle.phone.last';

function readAll(): Record<string, StoredJoin> {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, StoredJoin>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, StoredJoin>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    /* private mode or full: the token lives for this page only */
  }
}

export function storedJoin(eventId: string): StoredJoin | null {
  const found = readAll()[eventId];
  return found && typeof found.token === 'string' ? found : null;
}

export function rememberJoin(join: StoredJoin): void {
  const all = readAll();
  all[join.eventId] = join;
  writeAll(all);
  try {
    localStorage.setItem(LAST, join.eventId);
  } catch {
    /* ignore */
  }
}

export function forgetJoin(eventId: string): void {
  const all = readAll();
  delete all[eventId];
  writeAll(all);
  try {
    if (localStorage.getItem(LAST) === eventId) localStorage.removeItem(LAST);
  } catch {
    /* ignore */
  }
}

/** The event this phone used last, if its token is still stored. */
export function lastJoin(): StoredJoin | null {
  try {
    const id = localStorage.getItem(LAST);
    return id ? storedJoin(id) : null;
  } catch {
    return null;
  }
}

/** A stored join whose code matches what was typed (ignoring case and spaces). */
export function joinForCode(code: string): StoredJoin | null {
  const want = code.toUpperCase().replace(/[\s.\-_]/g, '');
  return Object.values(readAll()).find((j) => j.code === want) ?? null;
}

/** Where this phone said "I'm here", so a reload keeps the arrived state. */
const ARRIVED = 'mingle.phone.arrived';
export function arrivedGroups(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(ARRIVED) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
export function rememberArrived(groupId: string): void {
  try {
    localStorage.setItem(ARRIVED, JSON.stringify([...arrivedGroups().slice(-20), groupId]));
  } catch {
    /* ignore */
  }
}
