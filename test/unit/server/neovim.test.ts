// Neovim's built-in LSP client (Debian's neovim 0.7), a client nobody here wrote, drives the bundled
// server through test/nvim/lspClient.lua: diagnostics, a quick fix it applies itself, completion, hover.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { copyFixtures, projectRoot } from './lspClient';

/** Neovim, installed through the project's apt list when missing (as root, scripts/host/install.mjs); else why not. */
function neovimMissing(): string | undefined {
  const hasNvim = () => spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
  if (hasNvim()) return undefined;
  const install = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/host/install.mjs'); m.ensureAptPackages(m.lspClientPackages);"], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 2, 'pipe'] }); // apt's output to stderr, off the test report
  if (install.status !== 0) return `nvim is not installed and could not be: ${/\bError: .*$/m.exec(install.stderr)?.[0] ?? install.stderr.trim()}`;
  return hasNvim() ? undefined : 'nvim is still missing after installing the neovim package';
}

const missing = neovimMissing();
// In CI a missing client is a failure, never a quiet pass; locally the test is skipped and says why.
if (missing && process.env.CI) throw new Error(`The Neovim LSP test cannot run: ${missing}`);

interface NeovimReport {
  readonly nvim: string;
  readonly steps: string[];
  readonly error?: string;
  readonly serverName: string;
  readonly diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; code: string; source: string }[];
  readonly actions: { title: string; kind: string; isPreferred: boolean }[];
  readonly fixedLine: string;
  readonly diagnosticsAfterFix: unknown[];
  readonly completion: { label: string; detail?: string; textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } }[];
  readonly hover: string;
  readonly stopped: boolean;
}

describe('Neovim 0.7 as the language server’s client', { skip: missing && `skipped: ${missing} (install Debian's neovim)` }, () => {
  const site = copyFixtures('hugo-blog');
  let report: NeovimReport;
  after(() => site.dispose());

  before(async () => {
    // The bundle users run (packages/language-server/dist/server.js), built here from the same entry so the test never runs a stale one.
    const server = join(site.dir, 'server.js');
    await esbuild.build({ entryPoints: [join(projectRoot, 'src/server/main.ts')], outfile: server, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
    const root = site.roots[0]!;
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(projectRoot, 'test/nvim/lspClient.lua')}`], {
      cwd: site.dir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, HOME: site.dir, XDG_STATE_HOME: site.dir, XDG_CACHE_HOME: site.dir, POSTCRAFT_SERVER_CMD: JSON.stringify([process.execPath, server, '--stdio']), POSTCRAFT_ROOT: root, POSTCRAFT_POST: join(root, 'content/blog/2023/2023-06-01-dok-meetup.md') },
    });
    const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('{'));
    assert.ok(line, `Neovim printed no report (exit ${result.status ?? result.signal}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
    report = JSON.parse(line) as NeovimReport;
    assert.equal(report.error, undefined, `The Lua script failed: ${report.error}`);
  });

  it('runs Debian’s Neovim 0.7 through every step', () => {
    assert.equal(report.nvim, '0.7');
    assert.deepEqual(report.steps, ['start', 'diagnostics', 'codeAction', 'completion', 'hover', 'stop']);
    assert.equal(report.stopped, true);
  });

  it('shows the tag typo at its exact place, as an error because the settings Neovim sent say so', () => {
    assert.deepEqual(
      report.diagnostics.map(({ lnum, col, end_lnum, end_col, severity, code, source }) => ({ lnum, col, end_lnum, end_col, severity, code, source })),
      [{ lnum: 4, col: 37, end_lnum: 4, end_col: 47, severity: 1, code: 'tag-typo', source: 'postcraft' }],
    );
  });

  it('offers the quick fix, whose edit Neovim applies to the tag alone, and the diagnostic goes', () => {
    assert.deepEqual(report.actions, [
      { title: 'Change to "kubernetes"', kind: 'quickfix', isPreferred: true },
      { title: 'Ignore this tag-typo here', kind: 'quickfix', isPreferred: false },
    ]);
    assert.equal(report.fixedLine, 'tags: ["dok", "opensource", "cncf", "kubernetes", "percona", "operators"]');
    assert.deepEqual(report.diagnosticsAfterFix, []);
  });

  it('completes the site’s tags in the tags list, replacing the typed prefix', () => {
    const first = report.completion[0]!;
    assert.equal(first.label, 'databases', 'kubernetes is in the list now, so the next most used tag comes first');
    assert.equal(first.detail, '2 posts');
    assert.deepEqual(first.textEdit, { range: { start: { line: 4, character: 15 }, end: { line: 4, character: 17 } }, newText: 'databases' });
    assert.ok(!report.completion.some((item) => item.label === 'kubernetes' || item.label === 'dok'), 'tags the post has are not offered');
  });

  it('hovers a tag', () => {
    assert.equal(report.hover, '**Tag `dok`**: used in 1 post\n\n- Data on Kubernetes Meetup May 23');
  });
});
