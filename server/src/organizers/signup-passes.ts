import { Injectable } from '@nestjs/common';

type Check = (invite: string) => Promise<boolean>;

/**
 * While sign-up is closed, an open invite to an event's team still lets its invitee create an
 * account. The team (a later module) registers how an invite is checked at start.
 */
@Injectable()
export class SignupPasses {
  private readonly checks: Check[] = [];

  register(check: Check): void {
    this.checks.push(check);
  }

  async admits(invite: string): Promise<boolean> {
    for (const check of this.checks) if (await check(invite)) return true;
    return false;
  }
}
