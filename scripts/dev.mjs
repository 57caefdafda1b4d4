#!/usr/bin/env node
// Development: tsc recompiles the server on change and node restarts it (Nest needs tsc's decorator
// metadata, which esbuild-based runners do not emit); Vite hot-reloads the client on :5173, proxying
// /api and /socket.io to the server on :3000. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
if (spawnSync('npx', ['tsc', '-p', 'server/tsconfig.build.json'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const children = [
  spawn('npx', ['tsc', '-p', 'server/tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=server/dist', 'server/dist/main.js'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['vite'], { cwd: `${root}client`, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => code && code !== 0 && stop()));
console.log('\nMingle dev: open http://localhost:5173/console (API on http://localhost:3000)\n');
