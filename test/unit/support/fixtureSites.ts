import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const fixturesRoot = resolve(__dirname, '../../fixtures/sites');

/** What a fixture site must produce, kept beside it in `expected-findings.json`. */
export interface ExpectedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
}

export function fixtureSites(): { name: string; root: string; expected: ExpectedFinding[] }[] {
  return readdirSync(fixturesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(fixturesRoot, entry.name, 'expected-findings.json')))
    .map((entry) => ({
      name: entry.name,
      root: join(fixturesRoot, entry.name),
      expected: JSON.parse(readFileSync(join(fixturesRoot, entry.name, 'expected-findings.json'), 'utf8')) as ExpectedFinding[],
    }));
}

/** A fixture site's files by path below its root (without `expected-findings.json`), to hold in memory. */
export function fixtureFiles(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && entry.name !== 'expected-findings.json') files[relative(root, path).split('\\').join('/')] = new Uint8Array(readFileSync(path));
    }
  };
  visit(root);
  return files;
}
