import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import pino, { type DestinationStream } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { CONTACT_FIELDS } from '@mingle/shared';
import type { LogLevel } from '../config/config';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming request id is kept only when it is a short plain token: it lands in every log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Secrets and card fields: whatever object a log line carries, these keys never reach the log. */
const SECRET_KEYS = ['authorization', 'cookie', 'set-cookie', 'token', 'key', 'screenKey', 'password', 'card', ...CONTACT_FIELDS];
const SECRET_QUERY = new Set(['token', 'key']);

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((k) => [`["${k}"]`, `*["${k}"]`]),
];

/** The request's path with secret query values (a screen key, a token) blanked. */
function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of [...params.keys()]) if (SECRET_QUERY.has(name)) params.set(name, '[Redacted]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

/** Honours a sane incoming x-request-id, else makes one, and echoes it in the response. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** One JSON line per request, with its id, status and time; logs from inside the request carry the id. */
export function httpLogger(level: LogLevel, stream?: DestinationStream): HttpLogger {
  const logger = pino({ level, redact: { paths: REDACT_PATHS }, base: undefined }, stream ?? pino.destination(1));
  return pinoHttp({
    logger,
    genReqId: requestId,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: unknown; method: string; url: string; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: safeUrl(req.url),
        headers: req.headers,
      }),
    },
  });
}

/**
 * Runs the rest of the request with its logger at hand, so that Nest loggers called while it is
 * handled write the request id too (what nestjs-pino's own route middleware would do, for every path).
 */
export function requestContext(req: IncomingMessage & { log: pino.Logger }, _res: ServerResponse, next: () => void): void {
  storage.run(new Store(req.log), next);
}

/** Nest's start-up chatter (modules loaded, routes mapped) is left out; everything else goes to pino. */
const FRAMEWORK = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'WebSocketsController']);

@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    if (typeof context === 'string' && FRAMEWORK.has(context)) return;
    super.log(message, ...params);
  }
}
