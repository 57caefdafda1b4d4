import type { LocationQueryValue } from 'vue-router';

/** Where to go after signing in: only a console path of this site, never another origin. */
export function safeNext(next: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (typeof value === 'string' && value.startsWith('/console') && !value.startsWith('//')) return value;
  return '/console';
}
