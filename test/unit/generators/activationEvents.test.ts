import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generators } from '../../../src/core/site/generators';

/**
 * The extension starts on `workspaceContains:` events; a config file a profile detects but no event
 * names leaves a site's folder without Postcraft until a Markdown file is opened.
 */
const events: string[] = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).activationEvents;
const patterns = events.filter((event) => event.startsWith('workspaceContains:')).map((event) => event.slice('workspaceContains:'.length));

/** A VS Code glob with `*` only (what package.json uses): `*` stays within one path segment. */
function globMatches(pattern: string, path: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return new RegExp(`^${source}$`).test(path);
}

test('every config file a generator profile detects starts the extension, at the root and one folder down', () => {
  const missing: string[] = [];
  for (const profile of generators) {
    assert.ok(profile.configFiles.length > 0, `${profile.displayName} lists the config files it detects`);
    for (const name of profile.configFiles) {
      for (const path of [name, `site/${name}`]) if (!patterns.some((pattern) => globMatches(pattern, path))) missing.push(`${profile.displayName}: ${path}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('detect returns only names from the profile\'s configFiles', () => {
  // Hugo needs a site folder beside a `config.*` file; the others a config file alone.
  for (const profile of generators) {
    for (const name of profile.configFiles) {
      const detected = profile.detect(new Set([name.split('/')[0]!, 'content']));
      assert.ok(detected === undefined || profile.configFiles.includes(detected), `${profile.displayName} detected ${detected}`);
      if (!name.includes('/')) assert.equal(detected, name, `${profile.displayName} detects ${name}`);
    }
  }
});

test('the glob matcher keeps `*` within one folder', () => {
  assert.ok(globMatches('*/hugo.toml', 'site/hugo.toml'));
  assert.ok(!globMatches('*/hugo.toml', 'a/b/hugo.toml'));
  assert.ok(globMatches('docusaurus.config.*', 'docusaurus.config.ts'));
  assert.ok(!globMatches('hugo.toml', 'hugoXtoml'));
});
