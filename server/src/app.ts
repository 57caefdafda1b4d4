import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import type { DestinationStream } from 'pino';
import type { Config } from './config/config';
import { openDatabase } from './database/data-source';
import { entities } from './entities';
import { AppModule } from './app.module';
import { csrfGuard } from './common/csrf.middleware';
import { ErrorFilter } from './common/error.filter';
import { AppLogger, httpLogger, requestContext } from './common/logging';
import { isPlannerJson, PLANNER_BODY_LIMIT } from './mixer/planner/planner-body';
import { noStore, securityHeaders } from './common/security-headers';
import { checkRedis } from './realtime/redis-check';
import { RedisIoAdapter } from './realtime/redis-io.adapter';
import { LeanIoAdapter } from './realtime/lean-io.adapter';
import { Broadcaster } from './broadcast/broadcaster';
import { snapshotRefresher } from './realtime/snapshot-refresh';
import { Snapshots } from './realtime/snapshots';

const CLIENT_DIST = resolve(__dirname, '../../client/dist');

export interface AppOptions {
  /** false: no logs at all (the tests' default) */
  logger?: boolean;
  /** where the JSON log lines go; stdout by default */
  logStream?: DestinationStream;
}

/** Builds the whole app for a config: database migrated, API under /api, the client's pages. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<NestExpressApplication> {
  if (config.redisUrl) await checkRedis(config.redisUrl);
  const db = await openDatabase(config.database, entities);
  const logs = options.logger !== false;
  const requests = httpLogger(logs ? config.logLevel : 'silent', options.logStream);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, db, requests.logger), {
    logger: logs ? undefined : false,
    bufferLogs: logs,
    bodyParser: false,
  });
  if (logs) app.useLogger(app.get(AppLogger));
  // First, so that every request (even one a later middleware refuses) gets an id and a log line.
  app.use(requests, requestContext);
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app, config.redisUrl);
    await adapter.connect();
    adapter.onRecovered = snapshotRefresher(() => app.get(Snapshots, { strict: false }));
    app.get(Broadcaster).shareOnline(() => adapter.linked);
    app.useWebSocketAdapter(adapter);
  } else app.useWebSocketAdapter(new LeanIoAdapter(app));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config.publicUrl));
  app.use('/api', noStore);
  // The planner's route alone takes larger bodies; it parses first, and the 100 KB parser skips it.
  app.useBodyParser('json', { limit: PLANNER_BODY_LIMIT, type: isPlannerJson });
  app.useBodyParser('json', { limit: '100kb' });
  app.use(cookieParser());
  app.use('/api', csrfGuard(config.publicUrl));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  serveClient(app);
  return app;
}

/** The built client: static files, and index.html for any page path (the router takes it from there). */
function serveClient(app: NestExpressApplication): void {
  const index = join(CLIENT_DIST, 'index.html');
  if (!existsSync(index)) return;
  // Source maps are not served, even when a debug build left some in dist.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.map')) res.status(404).json({ statusCode: 404, code: 'not_found', message: 'Not found' });
    else next();
  });
  app.useStaticAssets(CLIENT_DIST, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = req.method === 'GET' && !req.path.startsWith('/api') && !req.path.startsWith('/socket.io');
    if (isPage && req.accepts('html')) res.sendFile(index, { headers: { 'cache-control': 'no-cache' } });
    else next();
  });
}
