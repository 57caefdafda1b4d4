import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ConfigError, loadConfig } from '../src/config/config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'mingle-config-'));

describe('config', () => {
  it('defaults to a SQLite file under the data folder and in-process realtime', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'sqlite', file: join(dir, 'mingle.sqlite') });
    expect(config.redisUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.host).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.allowSignup).toBe(true);
  });

  it('limits wrong join codes to 120 per hour per address unless told otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).wrongCodeLimit).toBe(120);
    expect(loadConfig({ DATA_DIR: dataDir(), WRONG_CODE_LIMIT: '300' }).wrongCodeLimit).toBe(300);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    // Trusting every hop would let a client choose its own address: true means the one proxy in front.
    ['true', 1],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['172.18.0.5,fd00::/8,uniquelocal', ['172.18.0.5', 'fd00::/8', 'uniquelocal']],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    [' localhost ', 'localhost'],
    ['', null],
  ])('reads HOST=%j as %j', (value, expected) => {
    expect(loadConfig({ DATA_DIR: dataDir(), HOST: value }).host).toBe(expected);
  });

  it('generates the session secret once and keeps it', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first).toHaveLength(64);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'http://127.0.0.1' }, 'HOST'],
    [{ HOST: 'my host' }, 'HOST'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ ALLOW_SIGNUP: 'maybe' }, 'ALLOW_SIGNUP'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ CONTACT_RETENTION_DAYS: '-1' }, 'CONTACT_RETENTION_DAYS'],
    [{ WRONG_CODE_LIMIT: '0' }, 'WRONG_CODE_LIMIT'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback, *' }, 'TRUST_PROXY'],
    [{ STARTUP_WAIT_SECONDS: 'forever' }, 'STARTUP_WAIT_SECONDS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain(variable);
  });

  it('stops the process at start with a message naming the bad variable', () => {
    const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', join(__dirname, '../src/main.ts')], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir(), PORT: 'abc', REDIS_URL: 'ftp://x' },
      // tsx takes the decorator settings from the tsconfig.json where it runs
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number');
    expect(result.stderr).toContain('REDIS_URL must be');
  });

  it('stops the process when REDIS_URL is set but nothing answers there', () => {
    const result = spawnSync(process.execPath, ['-r', 'tsx/cjs', join(__dirname, '../src/main.ts')], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir(), PORT: '0', REDIS_URL: 'redis://127.0.0.1:1', STARTUP_WAIT_SECONDS: '1' },
      // tsx takes the decorator settings from the tsconfig.json where it runs
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Redis did not answer within 1 s (STARTUP_WAIT_SECONDS)');
    expect(result.stderr).toContain('REDIS_URL: cannot reach Redis');
  });
});
