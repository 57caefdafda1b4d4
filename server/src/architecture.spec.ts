import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** A module is a folder under src/ (the mixer's engine, planner and rounds count one each); the app's own files are one. */
const moduleOf = (file: string): string => {
  const parts = file.split('/');
  if (parts.length === 1) return 'app';
  return parts[0] === 'mixer' && parts.length > 2 ? `mixer/${parts[1]}` : parts[0]!;
};

/** Who may touch TypeORM: repositories, entities, and the database folder with its migrations. */
const MAY_TOUCH_TYPEORM = /(\.repository|\.entity|\.entities)\.ts$|^database\//;

function sources(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, root);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [relative(root, path)] : [];
  });
}

const files = sources(__dirname);
const read = (file: string) => readFileSync(join(__dirname, file), 'utf8');

/** Which module imports which, from the relative imports of every source file. */
function moduleImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = moduleOf(file);
    for (const [, spec] of read(file).matchAll(/from '(\.[^']+)'/g)) {
      const to = moduleOf(normalize(join(dirname(file), spec!)));
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Every loop of imports between modules, each as the path that closes it. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (node: string, path: string[]): void => {
    const at = path.indexOf(node);
    if (at >= 0) return void found.push([...path.slice(at), node]);
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) walk(next, [...path, node]);
    done.add(node);
  };
  for (const node of edges.keys()) walk(node, []);
  return found;
}

describe('the house', () => {
  it('has module dependencies that point one way: no folder imports one that imports it back', () => {
    const edges = moduleImports();
    expect(edges.size).toBeGreaterThan(10);
    expect(cycles(edges).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a loop when there is one', () => {
    const loop = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycles(loop).map((c) => c.join(' -> '))).toEqual(['a -> b -> c -> a']);
  });

  it("has one door to the database: only repositories, entities and database/ import 'typeorm' or name the DataSource", () => {
    expect(files.length).toBeGreaterThan(80);
    const offenders = files.filter((file) => !MAY_TOUCH_TYPEORM.test(file) && /from 'typeorm'|\bDataSource\b/.test(read(file)));
    expect(offenders).toEqual([]);
  });
});
