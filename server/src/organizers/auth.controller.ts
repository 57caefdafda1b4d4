import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { logInBody, signUpBody, type LogInBody, type OrganizerView, type SignUpBody } from '@mingle/shared';
import { Valid } from '../common/validate';
import { Organizer } from './organizer.entity';
import { CurrentOrganizer, OrganizerGuard } from './organizer.guard';
import { OrganizersService, SESSION_DAYS, toOrganizerView } from './organizers.service';
import { SESSION_COOKIE, sessionCookieOptions, sessionToken } from './session.cookie';

const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

@Controller('auth')
export class AuthController {
  constructor(private readonly organizers: OrganizersService) {}

  @Post('signup')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ join: true })
  async signUp(
    @Body(new Valid(signUpBody)) body: SignUpBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganizerView> {
    const { organizer, token } = await this.organizers.signUp(body);
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, SESSION_MS));
    return toOrganizerView(organizer);
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ join: true })
  async logIn(
    @Body(new Valid(logInBody)) body: LogInBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganizerView> {
    const { organizer, token } = await this.organizers.logIn(body);
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, SESSION_MS));
    return toOrganizerView(organizer);
  }

  @Post('logout')
  @HttpCode(204)
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionToken(req);
    if (token) await this.organizers.logOut(token);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req, 0), maxAge: undefined });
  }

  @Get('me')
  @UseGuards(OrganizerGuard)
  me(@CurrentOrganizer() organizer: Organizer): OrganizerView {
    return toOrganizerView(organizer);
  }
}
