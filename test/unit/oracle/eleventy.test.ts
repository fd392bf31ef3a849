// Eleventy as the oracle: each fixture site named eleventy-* (test/fixtures/sites/) is built with the real
// Eleventy (the pinned 3.x `npm test` installs from npm into .generators/eleventy/), `--to=json`, and the
// templates it wrote are compared with Postcraft's site model: which Markdown files are pages, their title,
// draft flag and authors as the data cascade gives them; a file Eleventy refuses (front matter it cannot
// read) must get an error. A site whose config needs a package this install lacks is skipped, saying so,
// unless that package is a plugin that cannot change which files are pages (it is stubbed, and named).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtureSites } from '../support/fixtureSites';
import { comparePages, describeDisagreements } from './support/compare';
import { buildWithEleventy, eleventyAvailable, missingPackages } from './support/eleventyBuild';
import { postcraftModel } from './support/postcraftModel';

/** Disagreements already reported to the owners of src/, as the lines the diff prints (shared with the Hugo and Jekyll oracles). */
const known = JSON.parse(readFileSync(join(__dirname, 'known-disagreements.json'), 'utf8')) as Record<string, string[]>;

describe('Eleventy agrees with Postcraft on every eleventy-* fixture site', () => {
  const installed = eleventyAvailable();
  for (const site of fixtureSites().filter((candidate) => candidate.name.startsWith('eleventy-'))) {
    const { stubbed, missing } = missingPackages(site.root);
    const skip = !installed ? 'Eleventy is not installed (npm test installs it: node scripts/generators.mjs)' : missing.length > 0 ? `its config needs ${missing.join(', ')}, not installed` : false;
    const name = stubbed.length > 0 ? `${site.name} (stubbed, they only add filters and transforms: ${stubbed.join(', ')})` : site.name;
    it(name, { skip }, async (t) => {
      const comparison = comparePages(buildWithEleventy(site.root), await postcraftModel(site.root));
      const lines = describeDisagreements(comparison).split('\n').filter(Boolean);
      const expected = new Set(known[site.name] ?? []);
      for (const line of lines.filter((candidate) => expected.has(candidate))) t.diagnostic(`known, reported: ${line}`);
      for (const entry of comparison.rejected) t.diagnostic(`refused by Eleventy: ${entry.file} (${entry.message})`);
      const unexpected = lines.filter((line) => !expected.has(line)).join('\n');
      assert.equal(unexpected, '', 'Eleventy and Postcraft disagree (- only Eleventy, + only Postcraft, ~ a field differs, ! errors)');
      assert.ok(comparison.agreed.length > 0, 'no page was compared');
    });
  }
});

describe('the Eleventy oracle on its own', () => {
  it('lists the templates Eleventy writes, with their data, and the ones it refuses', { skip: eleventyAvailable() ? false : 'Eleventy is not installed' }, () => {
    const root = mkdtempSync(join(tmpdir(), 'postcraft-oracle-eleventy-own-'));
    try {
      const files: Record<string, string> = {
        // An ignore Postcraft cannot read (a variable): only the real Eleventy knows hidden/ is no page.
        'eleventy.config.js': 'const hidden = "hidden/**";\nmodule.exports = function (eleventyConfig) { eleventyConfig.ignores.add(hidden); };\n',
        'a.md': '---\ntitle: A\nauthor: jane\n---\n',
        'posts/posts.11tydata.json': '{ "authors": ["sam"], "draft": true }',
        'posts/b.md': '---\ntitle: B\n---\n',
        'hidden/h.md': '---\ntitle: H\n---\n',
        'broken.md': '---\ntitle: "unclosed\n---\n',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
      const build = buildWithEleventy(root);
      assert.equal(build.failure, undefined);
      assert.deepEqual(
        build.pages.map((page) => [page.file, page.title, page.draft, page.authors]).sort(),
        [['a.md', 'A', false, ['jane']], ['posts/b.md', 'B', true, ['sam']]],
      );
      assert.deepEqual(build.rejected.map((entry) => entry.file), ['broken.md']);
      assert.match(build.rejected[0]!.message, /front matter/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
