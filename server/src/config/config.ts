import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';
export type RealtimeKind = 'memory' | 'redis';

export interface Config {
  nodeEnv: string;
  /** the address to listen on; null: every interface */
  host: string | null;
  port: number;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string };
  redisUrl: string | null;
  publicUrl: string;
  sessionSecret: string;
  allowSignup: boolean;
  /** Express's `trust proxy`: false, a hop count, or the proxies' addresses, subnets and names. */
  trustProxy: false | number | string[];
  authRateLimit: number;
  joinRateLimit: number;
  wrongCodeLimit: number;
  handshakeRateLimit: number;
  contactRetentionDays: number;
  /** crash tests only: the follow-up after whose commit the process kills itself (MINGLE_CRASH_AFTER) */
  crashAfter: string | null;
  /** how long a starting node waits for PostgreSQL and Redis before it gives up */
  startupWaitSeconds: number;
  /** pino's level for the JSON logs on stdout (LOG_LEVEL) */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** The one place that reads the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV?.trim() || 'development';

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): URL | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
      return u;
    } catch {
      problems.push(`${name} must be a ${protocols.join(' or ')}// URL (got "${raw}")`);
      return null;
    }
  };

  const port = int('PORT', 3000, 0, 65535);
  const host = listenHost(env.HOST, problems);
  const dataDir = resolve(env.DATA_DIR?.trim() || 'data');

  const dbUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const schema = env.DATABASE_SCHEMA?.trim() || 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) problems.push(`DATABASE_SCHEMA must be a lower-case SQL identifier (got "${schema}")`);
  const redis = url('REDIS_URL', ['redis:', 'rediss:']);
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']);

  const sessionSecret = env.SESSION_SECRET?.trim() ?? '';
  if (sessionSecret && sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  if (!sessionSecret && nodeEnv === 'production') problems.push('SESSION_SECRET is required when NODE_ENV=production');

  const config: Config = {
    nodeEnv,
    host,
    port,
    dataDir,
    database: dbUrl ? { kind: 'postgres', url: dbUrl.toString(), schema } : { kind: 'sqlite', file: join(dataDir, 'mingle.sqlite') },
    redisUrl: redis?.toString() ?? null,
    publicUrl: (publicUrl?.toString() ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    sessionSecret,
    allowSignup: bool('ALLOW_SIGNUP', true),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    authRateLimit: int('AUTH_RATE_LIMIT', 10, 1, 100000),
    joinRateLimit: int('JOIN_RATE_LIMIT', 600, 1, 100000),
    wrongCodeLimit: int('WRONG_CODE_LIMIT', 120, 1, 100000),
    handshakeRateLimit: int('HANDSHAKE_RATE_LIMIT', 3000, 1, 1000000),
    contactRetentionDays: int('CONTACT_RETENTION_DAYS', 30, 0, 3650),
    crashAfter: env.MINGLE_CRASH_AFTER?.trim() || null,
    startupWaitSeconds: int('STARTUP_WAIT_SECONDS', 120, 0, 86400),
    logLevel: logLevel(env.LOG_LEVEL, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  if (!config.sessionSecret) config.sessionSecret = localSecret(dataDir);
  return config;
}

/**
 * HOST: the address the node listens on, e.g. 127.0.0.1 when only a proxy on this machine may reach
 * it. Unset: every interface, as the embedded `npm start` and a container need.
 */
function listenHost(raw: string | undefined, problems: string[]): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (isIP(value) || /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value)) return value;
  problems.push(`HOST must be an IP address such as 127.0.0.1 or ::1, or a host name (got "${raw}")`);
  return null;
}

function logLevel(raw: string | undefined, problems: string[]): LogLevel {
  const value = raw?.trim().toLowerCase() || 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  return 'info';
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: a hop count, or a comma-separated list of proxy addresses, subnets (CIDR) and
 * names. Trusting every hop would let any client pick its own address with X-Forwarded-For, so
 * `true` means one hop: the proxy right in front of the server.
 */
function trustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  const value = raw?.trim().toLowerCase() ?? '';
  if (['', 'false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d+$/.test(value) && Number(value) <= 100) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  if (entries.every((e) => PROXY_NAMES.includes(e) || isSubnet(e))) return entries;
  problems.push(
    `TRUST_PROXY must be false, a hop count such as 1 (true means 1), or a comma-separated list of proxy addresses, subnets or ${PROXY_NAMES.join('/')} (got "${raw}")`,
  );
  return false;
}

function isSubnet(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Outside production the secret is generated once and kept beside the SQLite file. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const CONFIG = Symbol('CONFIG');
