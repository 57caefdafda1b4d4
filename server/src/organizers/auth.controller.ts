import { Controller, HttpCode, Req, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { ParsedBody } from '@mingle/shared';
import { BodyOf, Route } from '../common/route';
import { Organizer } from './organizer.entity';
import { CurrentOrganizer } from './organizer.guard';
import { OrganizersService, SESSION_DAYS, toOrganizerView } from './organizers.service';
import { SESSION_COOKIE, sessionCookieOptions, sessionToken } from './session.cookie';

const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

@Controller()
export class AuthController {
  constructor(private readonly organizers: OrganizersService) {}

  @Route('POST /api/auth/signup', 'public')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ join: true })
  async signUp(
    @BodyOf('POST /api/auth/signup') body: ParsedBody<'POST /api/auth/signup'>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { organizer, token } = await this.organizers.signUp(body);
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, SESSION_MS));
    return toOrganizerView(organizer);
  }

  @Route('POST /api/auth/login', 'public')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ join: true })
  async logIn(
    @BodyOf('POST /api/auth/login') body: ParsedBody<'POST /api/auth/login'>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { organizer, token } = await this.organizers.logIn(body);
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, SESSION_MS));
    return toOrganizerView(organizer);
  }

  @Route('POST /api/auth/logout', 'public')
  @HttpCode(204)
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionToken(req);
    if (token) await this.organizers.logOut(token);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req, 0), maxAge: undefined });
  }

  @Route('GET /api/auth/me', 'organizer')
  me(@CurrentOrganizer() organizer: Organizer) {
    return toOrganizerView(organizer);
  }

  /** The console's language, kept with the organizer so each device they log in on follows it. */
  @Route('PATCH /api/auth/me', 'organizer')
  async setLanguage(@CurrentOrganizer() organizer: Organizer, @BodyOf('PATCH /api/auth/me') body: ParsedBody<'PATCH /api/auth/me'>) {
    return toOrganizerView(await this.organizers.setLanguage(organizer, body.language));
  }
}
