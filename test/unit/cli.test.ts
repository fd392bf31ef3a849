import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseArguments } from '../../src/cli/args';
import { fixturesRoot } from './support/fixtureSites';

const projectRoot = resolve(__dirname, '../..');
const hugoSite = join(fixturesRoot, 'hugo-blog');

const temporaryFolders: string[] = [];
after(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

function temporarySite(prefix: string): string {
  const site = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(site);
  return site;
}

function postcraft(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: projectRoot });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('postcraft command-line arguments', () => {
  it('defaults to checking the current folder as text', () => {
    assert.deepEqual(parseArguments([]), { command: 'check', folder: '.', format: 'text', maxWarnings: undefined, severities: {} });
  });

  it('takes a folder, a format, a warning budget and rule severities', () => {
    assert.deepEqual(parseArguments(['check', 'site', '--format=sarif', '--max-warnings', '3', '--rule', 'tag-typo=off']), {
      command: 'check',
      folder: 'site',
      format: 'sarif',
      maxWarnings: 3,
      severities: { 'tag-typo': 'off' },
    });
  });

  it('rejects unknown options, formats and rules with a usage error', () => {
    assert.equal(parseArguments(['--frmat', 'json']).command, 'usage-error');
    assert.equal(parseArguments(['--format', 'xml']).command, 'usage-error');
    assert.equal(parseArguments(['--rule', 'nope=error']).command, 'usage-error');
    assert.equal(parseArguments(['--max-warnings', '-1']).command, 'usage-error');
  });
});

describe('postcraft check on the sample Hugo site', () => {
  it('prints JSON with relative paths, 1-based positions and fixes, and exits 1 on errors', () => {
    const { code, stdout } = postcraft('check', hugoSite, '--format', 'json');
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { findings: { file: string; line: number; column: number; endLine: number; endColumn: number; code: string; fixes: { title: string }[] }[]; summary: { errors: number; warnings: number } };
    const typo = report.findings.find((finding) => finding.code === 'tag-typo');
    assert.deepEqual(typo && { file: typo.file, line: typo.line, column: typo.column, endLine: typo.endLine, endColumn: typo.endColumn }, { file: 'content/blog/2023/2023-06-01-dok-meetup.md', line: 5, column: 38, endLine: 5, endColumn: 48 });
    assert.deepEqual(typo?.fixes.map((fix) => fix.title), ['Change to "kubernetes"']);
    assert.equal(report.summary.errors, report.findings.filter((finding) => (finding as { severity?: string }).severity === 'error').length);
  });

  it('prints SARIF 2.1.0 that names each rule and location', () => {
    const { stdout } = postcraft('check', hugoSite, '--format', 'sarif');
    const sarif = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0]!.results.find((entry) => entry.ruleId === 'tag-typo');
    assert.equal(result?.locations[0]?.physicalLocation.artifactLocation.uri, 'content/blog/2023/2023-06-01-dok-meetup.md');
    assert.equal(result?.locations[0]?.physicalLocation.region.startLine, 5);
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((rule) => rule.id === 'broken-image'));
  });

  it('ends the text output with a summary line', () => {
    const { stdout } = postcraft('check', hugoSite);
    assert.match(stdout.trim().split('\n').at(-1)!, /^✗ \d+ errors, \d+ warnings? in Hugo \(\d+ posts\)$/);
  });

  it('exits 0 when every error-level check is switched off and warnings fit the budget', () => {
    const rules = ['broken-image', 'image-case', 'unknown-author', 'schema'].flatMap((rule) => ['--rule', `${rule}=off`]);
    assert.equal(postcraft('check', hugoSite, ...rules, '--max-warnings', '5').code, 0);
    assert.equal(postcraft('check', hugoSite, ...rules, '--max-warnings', '0').code, 1);
  });

  it('reports a clean site in every format with exit 0', () => {
    const site = temporarySite('postcraft-clean-');
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'content', 'posts', 'hello.md'), '---\ntitle: Hello\ndate: 2024-01-02\n---\nHello.\n');
    const json = postcraft('check', site, '--format', 'json');
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), { findings: [], summary: { errors: 0, warnings: 0, infos: 0, sites: [{ root: '.', generator: 'Hugo', posts: 1, problems: [] }] } });
    const sarif = postcraft('check', site, '--format', 'sarif');
    assert.equal(sarif.code, 0, sarif.stderr);
    assert.deepEqual(JSON.parse(sarif.stdout).runs[0].results, []);
    const text = postcraft('check', site);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stderr, '');
  });

  it("warns on stderr, apart from the report, when it cannot read the site's config", () => {
    const site = temporarySite('postcraft-badconfig-');
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/\n[taxonomies\n');
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'content', 'posts', 'hello.md'), '---\ntitle: Hello\n---\nHello.\n');
    const { code, stdout, stderr } = postcraft('check', site, '--format', 'json');
    assert.equal(code, 0);
    assert.match(stderr, /^postcraft: warning: \.: hugo\.toml: /m);
    assert.equal(JSON.parse(stdout).summary.sites[0].problems.length, 1);
  });

  it('says in one line that a missing folder does not exist, exit 2', () => {
    const { code, stderr } = postcraft('check', join(projectRoot, 'no-such-folder'));
    assert.equal(code, 2);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /is not a folder/);
  });

  it('ends quietly, with the check\'s exit code, when the reader closes the pipe early (postcraft check | head)', async () => {
    const site = temporarySite('postcraft-epipe-');
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    // Far more output than a pipe buffers, so the CLI is still writing when the reader goes.
    for (let i = 0; i < 300; i++) writeFileSync(join(site, 'content', 'posts', `p${i}.md`), `---\ntitle: P${i}\n---\n${'![x](/missing.png)\n'.repeat(20)}`);
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), 'check', site], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });
});
