import { MIN_GRACE_MS, isPresent, presenceGraceMs } from './presence-rule';

const MINUTE = 60_000;

describe('presence rule', () => {
  it('gives a dropped phone a round plus a break, and never less than the minimum', () => {
    expect(presenceGraceMs({ roundMinutes: 8, breakMinutes: 2 })).toBe(10 * MINUTE);
    expect(presenceGraceMs({ roundMinutes: 20, breakMinutes: 5 })).toBe(25 * MINUTE);
    expect(presenceGraceMs({ roundMinutes: 1, breakMinutes: 0 })).toBe(MIN_GRACE_MS);
  });

  it('never counts someone who never connected, however recently they joined', () => {
    const now = 1_000_000_000;
    expect(isPresent({ status: 'active', connectedAt: null, lastSeenAt: now }, false, 10 * MINUTE, now)).toBe(false);
    expect(isPresent({ status: 'active', connectedAt: now - MINUTE, lastSeenAt: now - 9 * MINUTE }, false, 10 * MINUTE, now)).toBe(true);
    expect(isPresent({ status: 'active', connectedAt: now - MINUTE, lastSeenAt: now - 11 * MINUTE }, false, 10 * MINUTE, now)).toBe(false);
    expect(isPresent({ status: 'active', connectedAt: now - MINUTE, lastSeenAt: now - 11 * MINUTE }, true, 10 * MINUTE, now)).toBe(true);
    expect(isPresent({ status: 'away', connectedAt: now - MINUTE, lastSeenAt: now }, true, 10 * MINUTE, now)).toBe(false);
  });
});
