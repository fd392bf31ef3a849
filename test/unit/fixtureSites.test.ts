import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSites } from '../../src/cli/checkSite';
import { locate } from '../../src/cli/format/location';
import { toSitePath } from '../../src/core/index';
import { nodeFileSystem } from '../../src/node/index';
import { fixtureSites } from './support/fixtureSites';

// Each fixture site is a real folder tree; the findings it must produce sit beside it.
describe('fixture sites give exactly their expected findings', () => {
  for (const site of fixtureSites()) {
    it(site.name, async () => {
      const root = toSitePath(site.root);
      const report = await checkSites(nodeFileSystem, root, {});
      const actual = report.findings.map((finding) => {
        const { file, line, column } = locate(root, finding);
        return { file, line, column, severity: finding.severity, code: finding.code };
      });
      assert.deepEqual(actual, site.expected);
    });
  }
});
