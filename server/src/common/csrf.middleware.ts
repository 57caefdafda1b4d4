import type { NextFunction, Request, Response } from 'express';
import { CSRF_HEADER } from '@mingle/shared';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must carry the custom CSRF header (a cross-site form cannot set it and
 * a cross-site fetch with it needs a CORS preflight we never grant) and, when the browser names an
 * Origin, come from our own.
 */
export function csrfGuard(publicUrl: string) {
  const ours = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.headers.origin;
    const fromUs = origin === undefined || origin === ours || hostOf(origin) === req.headers.host;
    if (req.headers[CSRF_HEADER] !== '1' || !fromUs) {
      res.status(403).json({ statusCode: 403, code: 'csrf', message: 'Cross-site request refused' });
      return;
    }
    next();
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
