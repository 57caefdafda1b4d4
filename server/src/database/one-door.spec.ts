import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');

/** Folders already read through their repositories; the mixer joins once its rounds repository lands. */
const DONE = ['organizers', 'events', 'attendees', 'connections', 'realtime', 'health', 'common'];

/** Who may touch TypeORM: repositories, entities, and the database folder (with its migrations). */
const MAY_IMPORT_TYPEORM = /(\.repository|\.entity|\.entities)\.ts$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the database has one door', () => {
  const files = DONE.flatMap((folder) => sources(join(SRC, folder)));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("only repositories and entities import 'typeorm' or inject the DataSource", () => {
    const offenders = files
      .filter((file) => !MAY_IMPORT_TYPEORM.test(file))
      .filter((file) => /from 'typeorm'|\bDataSource\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
