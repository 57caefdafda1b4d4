/**
 * Planner CLI: `npm run -s plan -- FILE.json` (`-` = stdin). Prints one JSON object
 * {rounds, stats} on stdout. Invalid input: message naming the field on stderr, exit code 2.
 */
import { readFileSync } from 'fs';
import { planSchedule } from './schedule';
import { validatePlanRequest, ValidationError } from './validate';

function fail(message: string): never {
  process.stderr.write(`invalid input: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const file = argv[0];
  if (!file) fail('usage: plan FILE.json (or - for stdin)');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`(root): not valid JSON: ${(e as Error).message}`);
  }
  let req;
  try {
    req = validatePlanRequest(json);
  } catch (e) {
    if (e instanceof ValidationError) fail(e.message);
    throw e;
  }
  const result = planSchedule({
    people: req.people,
    settings: {
      groupSize: req.groupSize,
      mode: req.mode,
      separateColleagues: req.separateColleagues,
      seed: req.seed,
      timeLimitMs: req.timeLimitMs,
    },
    rounds: req.rounds,
    history: req.history,
    avoid: req.avoid,
  });
  const out: Record<string, unknown> = { rounds: result.rounds, stats: result.stats };
  if (result.reason) out.reason = result.reason;
  process.stdout.write(JSON.stringify(out) + '\n');
}

main(process.argv.slice(2));
