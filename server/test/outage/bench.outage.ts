import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const PHONES = 40;

/** Runs `npm run bench:realtime` with a small room; resolves with its exit code and output. */
function bench(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'bench:realtime'], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/**
 * The realtime bench (npm run bench:realtime) at a few dozen phones, so it keeps working: it builds
 * the server, runs Mingle beside plain socket.io, then two nodes behind nginx with one killed, Mingle's
 * and plain socket.io's. It exits 1 when a phone never holds its group, a join or tap fails, or a
 * phone of the killed node never comes back. No timing is checked here: figures come from the full bench on a quiet machine.
 */
describe('the realtime bench', () => {
  it(`runs end to end at ${PHONES} phones, one node and two`, async () => {
    const { code, out } = await bench({
      BENCH_SIZES: String(PHONES),
      BENCH_ROUNDS: '2',
      BENCH_TAPS: '20',
      BENCH_JOIN_SECONDS: '2',
      BENCH_TWO_NODES: String(PHONES),
    });
    if (code !== 0) console.log(out.slice(-4000));
    expect(code).toBe(0);
    for (const round of [1, 2])
      expect(out).toContain(`round ${round} start → every phone holds its group, p50 / p99 / max ms (${PHONES}/${PHONES} holding`);
    expect(out).toMatch(/two nodes: kill -9 of one mid-round → its \d+ phones hold their group again/);
    // plain socket.io on two nodes beside it: every socket of the killed server came back through nginx
    expect(out).toMatch(/\| \d+ \/ \d+ \/ \d+ \([1-9]\d* sockets, 0 not back in 20 s\) \|/);
    expect(out).toMatch(/two nodes: joins and connections refused \| 0 \|/);
  }, 300_000);
});
