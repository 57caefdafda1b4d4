import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';

/**
 * Security headers for every response. The built client has no inline script or style (Vite emits
 * files; Vue's style bindings go through the CSSOM, which CSP allows); the QR code and the favicon
 * are data: images; the socket connects to our own origin. HSTS and upgrading requests only when the
 * public URL is https: a laptop serving a meetup over plain http on the venue Wi-Fi must keep working.
 */
export function securityHeaders(publicUrl: string) {
  const url = new URL(publicUrl);
  const https = url.protocol === 'https:';
  const socketOrigin = `${https ? 'wss' : 'ws'}://${url.host}`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", socketOrigin],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    // Links to the screen carry its key and join links a code: tell no other site where people came from.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}

/** The API answers personal data (profiles, cards, matches, exports, attendee lists): never cached. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}
