import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'mingle_session';

export function sessionCookieOptions(req: Request, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs };
}

/** The session token, only ever a string: cookie-parser turns a crafted `j:…` value into JSON. */
export function sessionToken(req: Request): string | undefined {
  const value: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof value === 'string' ? value : undefined;
}
