import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS, type Access } from '../common/route';
import type { AttendeeGuard } from '../attendees/attendee.guard';
import type { EventRoleGuard } from '../events/event-role.guard';
import type { OrganizerGuard } from '../organizers/organizer.guard';
import { AccessGuard } from './access.guard';

/** Each guard answers with its own name, so the test sees which one the rule chose. */
const asked: string[] = [];
const guard = (name: string) => ({
  canActivate: (_: unknown, least?: string) => (asked.push(least ? `${name} ${least}` : name), Promise.resolve(true)),
});
const access = new AccessGuard(
  new Reflector(),
  guard('organizer') as unknown as OrganizerGuard,
  guard('event') as unknown as EventRoleGuard,
  guard('attendee') as unknown as AttendeeGuard,
);

function httpCall(rule: Access | undefined): ExecutionContext {
  class SomeController {
    handler() {}
  }
  if (rule) Reflect.defineMetadata(ACCESS, rule, SomeController.prototype.handler);
  return { getType: () => 'http', getHandler: () => SomeController.prototype.handler, getClass: () => SomeController } as never;
}

describe('AccessGuard', () => {
  beforeEach(() => (asked.length = 0));

  it.each(['organizer', 'attendee'] as const)('hands a %s route to its guard', async (rule) => {
    await expect(access.canActivate(httpCall(rule))).resolves.toBe(true);
    expect(asked).toEqual([rule]);
  });

  it.each([
    ['event owner', 'event owner'],
    ['event host', 'event host'],
    ['event viewer', 'event viewer'],
  ] as const)('hands a %s route to the event role guard with its least role', async (rule, expected) => {
    await expect(access.canActivate(httpCall(rule))).resolves.toBe(true);
    expect(asked).toEqual([expected]);
  });

  it('lets a public route through without asking anyone', async () => {
    expect(await access.canActivate(httpCall('public'))).toBe(true);
    expect(asked).toEqual([]);
  });

  it('refuses a route that declares no rule', () => {
    expect(() => access.canActivate(httpCall(undefined))).toThrow('SomeController.handler declares no access rule');
    expect(asked).toEqual([]);
  });
});
