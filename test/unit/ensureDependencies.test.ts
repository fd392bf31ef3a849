import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { installedMatchesLockfile } from '../../scripts/ensureDependencies.mjs';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project with a lockfile and, unless `installed` is undefined, npm's record of what node_modules holds. */
function project(locked: Record<string, object>, installed?: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'postcraft-deps-'));
  roots.push(root);
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'postcraft' }, ...locked } }));
  if (installed) {
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return root;
}

describe('npm ci runs when node_modules differs from the lockfile', () => {
  const locked = {
    'node_modules/yaml': { version: '2.9.1' },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
  };

  it('not when every package is installed at its locked version (optional ones for other platforms may be absent)', () => {
    assert.equal(installedMatchesLockfile(project(locked, { 'node_modules/yaml': { version: '2.9.1' } })), true);
  });

  it('when node_modules was never installed, a package is missing, or one has another version', () => {
    assert.equal(installedMatchesLockfile(project(locked)), false);
    assert.equal(installedMatchesLockfile(project(locked, {})), false);
    assert.equal(installedMatchesLockfile(project(locked, { 'node_modules/yaml': { version: '2.8.0' } })), false);
  });
});
