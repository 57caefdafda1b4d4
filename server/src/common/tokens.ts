import { createHmac, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What we store for a token: a keyed hash, so a database leak does not hand out working tokens. */
export const tokenHash = (secret: string, token: string) => createHmac('sha256', secret).update(token).digest('hex');
