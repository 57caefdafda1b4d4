import { spawnSync } from 'child_process';
import { resolve } from 'path';
import { validatePlanRequest } from './validate';

const root = resolve(__dirname, '../../../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function run(input: string) {
  const r = spawnSync(tsx, ['server/src/mixer/engine/cli.ts', '-'], { cwd: root, input, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, interests: [`t${i % 3}`], company: `c${i % 4}` }));

describe('validatePlanRequest', () => {
  const ok = { groupSize: 4, rounds: 2, people: people(8) };
  const bad: Array<[string, unknown]> = [
    ['groupSize', { ...ok, groupSize: 1 }],
    ['groupSize', { ...ok, groupSize: undefined }],
    ['rounds', { ...ok, rounds: 0 }],
    ['rounds', { ...ok, rounds: 2.5 }],
    ['people', { ...ok, people: 'x' }],
    ['people[1].id', { ...ok, people: [{ id: 'a' }, { id: 'a' }] }],
    ['people[0].id', { ...ok, people: [{ id: '' }] }],
    ['people[0].interests', { ...ok, people: [{ id: 'a', interests: [1] }] }],
    ['people[0].company', { ...ok, people: [{ id: 'a', company: 3 }] }],
    ['history[0]', { ...ok, history: [['p0', 'nobody']] }],
    ['avoid[0]', { ...ok, avoid: [['p0']] }],
    ['avoid[0]', { ...ok, avoid: [['p0', 'p0']] }],
    ['mode', { ...ok, mode: 'random' }],
    ['separateColleagues', { ...ok, separateColleagues: 'yes' }],
    ['timeLimitMs', { ...ok, timeLimitMs: -5 }],
    ['(root)', [1, 2]],
  ];
  it.each(bad)('rejects invalid %s', (field, input) => {
    expect(() => validatePlanRequest(input)).toThrow(field);
  });
  it('accepts the minimal and the full shape', () => {
    expect(validatePlanRequest(ok).history).toEqual([]);
    const full = validatePlanRequest({
      ...ok,
      mode: 'diverse',
      separateColleagues: true,
      seed: 3,
      timeLimitMs: 100,
      history: [['p0', 'p1']],
      avoid: [['p2', 'p3']],
    });
    expect(full.avoid).toEqual([['p2', 'p3']]);
  });
});

describe('planner CLI', () => {
  it('prints the plan as one JSON object', () => {
    const input = {
      groupSize: 4,
      rounds: 3,
      mode: 'similar',
      separateColleagues: true,
      seed: 1,
      timeLimitMs: 5000,
      people: people(16),
      history: [['p0', 'p1']],
      avoid: [['p2', 'p3']],
    };
    const r = run(JSON.stringify(input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['rounds', 'stats']);
    expect(out.rounds).toHaveLength(3);
    for (const round of out.rounds) expect(round.flat().sort()).toEqual(input.people.map((p) => p.id).sort());
    expect(Object.keys(out.stats).sort()).toEqual(['colleaguePairs', 'meanSharedInterests', 'ms', 'repeatFreeRounds', 'repeatPairs']);
    expect(out.stats.repeatFreeRounds).toBe(3);
  });

  it.each([
    ['not json', '{"groupSize":', '(root)'],
    ['missing people', '{"groupSize":4,"rounds":1}', 'people'],
    ['bad groupSize', '{"groupSize":1,"rounds":1,"people":[]}', 'groupSize'],
    ['duplicate ids', '{"groupSize":2,"rounds":1,"people":[{"id":"a"},{"id":"a"}]}', 'people[1].id'],
    ['unknown history id', '{"groupSize":2,"rounds":1,"people":[{"id":"a"},{"id":"b"}],"history":[["a","zz"]]}', 'history[0]'],
  ])('%s: exit 2, field named on stderr, nothing on stdout', (_name, input, field) => {
    const r = run(input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(field);
  });
});
