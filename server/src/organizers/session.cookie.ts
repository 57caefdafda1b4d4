import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'mingle_session';

export function sessionCookieOptions(req: Request, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs };
}

export const sessionToken = (req: Request): string | undefined => req.cookies?.[SESSION_COOKIE];
