#!/usr/bin/env node
// Runs every test tier and ends with one line "N passed, N failed" that adds them all up.
// Integration and fuzz run on SQLite and, when TEST_DATABASE_URL is set, again on PostgreSQL.
// Exits non-zero when any tier fails or runs no test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'mingle-tests-'));
const only = process.argv.slice(2);
// The outage tier starts its own PostgreSQL and Redis servers: it runs where their binaries are.
const pgRoot = '/usr/lib/postgresql';
const hasServices =
  existsSync(pgRoot) &&
  readdirSync(pgRoot).some((v) => existsSync(join(pgRoot, v, 'bin/pg_ctl'))) &&
  spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

/** A Jest project on SQLite and, when TEST_DATABASE_URL is set, again on PostgreSQL. */
const onEachDatabase = (project) =>
  ['sqlite', process.env.TEST_DATABASE_URL && 'postgres'].filter(Boolean).map((db) => ({
    name: `${project} (${db})`,
    cwd: 'server',
    args: ['--selectProjects', project, '--runInBand'],
    env: { MINGLE_TEST_DB: db },
  }));

const tiers = [
  { name: 'unit', cwd: 'server', args: ['--selectProjects', 'unit'] },
  { name: 'client', cwd: 'client', node: ['npm', 'test'] },
  ...onEachDatabase('integration'),
  ...onEachDatabase('fuzz'),
  hasServices && { name: 'outage', cwd: 'server', args: ['--selectProjects', 'outage', '--runInBand'] },
  { name: 'e2e', cwd: 'e2e', args: ['--runInBand'], build: true },
]
  .filter(Boolean)
  .filter((t) => !only.length || only.some((o) => t.name.startsWith(o)));

const JEST = join(root, 'node_modules/jest/bin/jest.js');
const TIER_LIMIT_MS = 25 * 60_000;
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });

let passed = 0;
let failed = 0;
const summary = [];
let bad = false;
// Some integration tests start the real server process (src/main.ts through tsx), which loads
// @mingle/shared from its build like production does; a fresh clone has no build yet.
if (run('npm', ['run', 'build', '-w', '@mingle/shared']).status !== 0) {
  console.log('shared: build failed');
  process.exit(1);
}
for (const tier of tiers) {
  console.log(`\n=== ${tier.name} ===`);
  if (tier.build && run('npm', ['run', 'build']).status !== 0) {
    summary.push(`${tier.name}: build failed`);
    bad = true;
    continue;
  }
  if (tier.node) {
    // node:test reports "# pass N" and "# fail N" at the end.
    const res = spawnSync(tier.node[0], tier.node.slice(1), { cwd: join(root, tier.cwd), encoding: 'utf8' });
    process.stdout.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
    const p = Number(/^# pass (\d+)/m.exec(res.stdout ?? '')?.[1] ?? 0);
    const f = Number(/^# fail (\d+)/m.exec(res.stdout ?? '')?.[1] ?? 0);
    passed += p;
    failed += f;
    if (res.status !== 0 || f > 0 || p === 0) bad = true;
    summary.push(`${tier.name}: ${p} passed, ${f} failed${p + f === 0 ? ' (ran no test)' : ''}`);
    continue;
  }
  const file = join(out, `${tier.name.replace(/\W+/g, '-')}.json`);
  // A tier that does not finish in time (say a suite left something open after a failure) is
  // stopped and counted as failed, instead of holding CI until its own limit.
  const res = run(process.execPath, [JEST, ...tier.args, '--json', `--outputFile=${file}`], {
    cwd: join(root, tier.cwd),
    env: { ...process.env, ...tier.env },
    timeout: TIER_LIMIT_MS,
    killSignal: 'SIGKILL',
  });
  if (res.error) console.log(`${tier.name}: stopped after ${TIER_LIMIT_MS / 60_000} minutes (${res.error.message})`);
  const report = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  const p = report?.numPassedTests ?? 0;
  const f = (report?.numFailedTests ?? 0) + (report?.numRuntimeErrorTestSuites ?? 0);
  passed += p;
  failed += f;
  const ranNothing = p + f === 0;
  if (res.status !== 0 || f > 0 || ranNothing) bad = true;
  summary.push(
    `${tier.name}: ${p} passed, ${f} failed${ranNothing ? ' (ran no test)' : ''}${res.status !== 0 && !f ? ` (exit ${res.status ?? res.signal})` : ''}`,
  );
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(bad ? 1 : 0);
