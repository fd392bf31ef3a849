import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildIdentity } from '../../scripts/buildIdentity.mjs';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'postcraft-build-'));
  roots.push(root);
  for (const [path, text] of Object.entries({ 'package-lock.json': '{}', ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the build identity that caches key on', () => {
  it('is the same for the same sources, and changes with a source, a new source or the lockfile', () => {
    const sources = { 'src/core/checks/a.ts': 'export const a = 1;', 'src/cli/main.ts': 'main();' };
    const identity = buildIdentity(project(sources));
    assert.match(identity, /^[0-9a-f]{16}$/);
    assert.equal(buildIdentity(project(sources)), identity);
    assert.notEqual(buildIdentity(project({ ...sources, 'src/core/checks/a.ts': 'export const a = 2;' })), identity);
    assert.notEqual(buildIdentity(project({ ...sources, 'src/core/checks/b.ts': '' })), identity);
    assert.notEqual(buildIdentity(project({ ...sources, 'package-lock.json': '{"lockfileVersion":3}' })), identity);
    assert.equal(buildIdentity(project({ ...sources, 'docs/notes.md': 'not a source' })), identity);
  });

  it('is built into the CLI: a build of other sources does not answer from the cache another build wrote', () => {
    const projectRoot = join(import.meta.dirname, '../..');
    const out = project({});
    execFileSync(process.execPath, ['esbuild.config.mjs', '--only=cli', `--outbase=${out}`], { cwd: projectRoot });
    const dist = join(out, 'packages/cli/dist');
    const identity = JSON.stringify(buildIdentity(projectRoot));
    const bundle = readFileSync(join(dist, 'cli.js'), 'utf8');
    assert.ok(bundle.includes(identity), 'the identity is in the bundle');
    // The same version built from other sources: only its identity differs.
    writeFileSync(join(dist, 'other.js'), bundle.replace(identity, JSON.stringify('0'.repeat(16))));
    const site = join(projectRoot, 'test/fixtures/sites/hugo-blog');
    const cacheFile = join(out, 'cache.json');
    const run = (cli: string) => spawnSync(process.execPath, [join(dist, cli), 'check', site, '--format', 'json', '--cache', '--cache-location', cacheFile], { encoding: 'utf8' });
    const first = run('cli.js');
    const written = readFileSync(cacheFile, 'utf8');
    assert.equal(run('cli.js').stdout, first.stdout);
    assert.ok(readFileSync(cacheFile, 'utf8') === written, 'the same build answers from its cache and leaves it as it was');
    const other = run('other.js');
    assert.equal(other.stdout, first.stdout, 'the other build finds the same');
    assert.ok(readFileSync(cacheFile, 'utf8') !== written, 'but from a check of its own, whose cache it writes');
  });
});
