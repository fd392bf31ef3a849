// The CLI and the language server as users get them from npm: `npm pack` of packages/cli and
// packages/language-server, then the tarball run with npx, offline (the bundles carry every dependency).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureSites, type ExpectedFinding } from './support/fixtureSites';
import { npxTarball, packPackage, projectRoot, writeCleanSite, type PackedPackage } from './support/npmPackages';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('the postcraft-cli package', () => {
  let work: string;
  let packed: PackedPackage;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'postcraft-cli-package-'));
    packed = packPackage('cli', work);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds its bin and the checks it loads, its README and the license, and nothing else', () => {
    const manifest = readJson(join(projectRoot, 'packages/cli/package.json'));
    assert.deepEqual(manifest.bin, { postcraft: 'dist/cli.js' });
    assert.deepEqual(packed.files, ['LICENSE', 'README.md', 'dist/checking.js', 'dist/cli.js', 'package.json']);
  });

  it('declares no dependency: the tarball needs nothing from the registry', () => {
    const manifest = readJson(join(projectRoot, 'packages/cli/package.json'));
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies']) assert.equal(manifest[key], undefined, key);
  });

  it('runs from the tarball with npx and finds what the fixture site holds', () => {
    const site = fixtureSites().find((candidate) => candidate.name === 'hugo-blog')!;
    const result = npxTarball(packed.tarball, ['check', site.root, '--format', 'json'], work);
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { findings: (ExpectedFinding & Record<string, unknown>)[] };
    const findings = report.findings.map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code }));
    assert.deepEqual(findings, site.expected);
  });

  it('exits 0 on a clean site and reports its own version', () => {
    const clean = npxTarball(packed.tarball, ['check', writeCleanSite(join(work, 'clean-site'))], work);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    const version = npxTarball(packed.tarball, ['--version'], work);
    assert.equal(version.stdout.trim(), packed.version);
  });
});

describe('the postcraft-language-server package', () => {
  let work: string;
  let packed: PackedPackage;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'postcraft-server-package-'));
    packed = packPackage('language-server', work);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds its bin, its README and the license, and runs from the tarball', () => {
    assert.deepEqual(packed.files, ['LICENSE', 'README.md', 'dist/server.js', 'package.json']);
    const result = npxTarball(packed.tarball, ['--version'], work);
    assert.equal(result.stdout.trim(), packed.version, result.stderr);
  });
});

describe('one version for a release', () => {
  it('the CLI and language server packages carry the extension version', () => {
    const version = readJson(join(projectRoot, 'package.json')).version;
    for (const name of ['cli', 'language-server']) {
      assert.equal(readJson(join(projectRoot, 'packages', name, 'package.json')).version, version, relative(projectRoot, join('packages', name)));
    }
  });
});
