import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtureSites } from '../../support/fixtureSites';
import { comparePages, describeDisagreements } from './compare';
import type { GeneratorBuild } from './generatorPages';
import { postcraftModel } from './postcraftModel';

/**
 * Disagreements already reported to the owners of src/, per fixture site, as the lines the diff prints.
 * They are listed, not failed on, until fixed; any other disagreement fails the test.
 */
const known = JSON.parse(readFileSync(join(__dirname, '..', 'known-disagreements.json'), 'utf8')) as Record<string, string[]>;

/** Sites of the oracle's own (test/fixtures/oracle/): each reproduces, in our own words, a class of difference seen on the corpus. */
function oracleFixtureSites(): { name: string; root: string }[] {
  const root = join(__dirname, '..', '..', '..', 'fixtures', 'oracle');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, root: join(root, entry.name) }));
}

/** One test per fixture site whose name starts with `prefix`: the generator's pages against Postcraft's model. */
export function oracleSuite(generatorName: string, prefix: string, available: boolean, build: (root: string) => GeneratorBuild): void {
  const skip = available ? false : `${generatorName} is not installed (npm test installs it: node scripts/generators.mjs)`;
  describe(`${generatorName} agrees with Postcraft on every ${prefix}* fixture site`, () => {
    for (const site of [...fixtureSites(), ...oracleFixtureSites()].filter((candidate) => candidate.name.startsWith(prefix))) {
      it(site.name, { skip }, async (t) => {
        const comparison = comparePages(build(site.root), await postcraftModel(site.root));
        const lines = describeDisagreements(comparison).split('\n').filter(Boolean);
        const expected = new Set(known[site.name] ?? []);
        for (const line of lines.filter((candidate) => expected.has(candidate))) t.diagnostic(`known, reported: ${line}`);
        const unexpected = lines.filter((line) => !expected.has(line)).join('\n');
        assert.equal(unexpected, '', `${generatorName} and Postcraft disagree (- only ${generatorName}, + only Postcraft, ~ a field differs, ! errors)`);
        assert.ok(comparison.agreed.length > 0, 'no page was compared');
      });
    }
  });
}
