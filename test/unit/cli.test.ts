import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseArguments, usage } from '../../src/cli/args';
import type { SiteCheckReport } from '../../src/cli/checkSite';
import { formatGithub } from '../../src/cli/format/github';
import { formatSarif } from '../../src/cli/format/sarif';
import type { Finding } from '../../src/core/index';
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

  it('takes the number of threads that index posts', () => {
    assert.equal((parseArguments(['--jobs', '1']) as { jobs?: number }).jobs, 1);
    assert.equal((parseArguments(['check', '--jobs=8']) as { jobs?: number }).jobs, 8);
    for (const bad of ['0', '-2', '1.5', '', 'many']) assert.equal(parseArguments(['--jobs', bad]).command, 'usage-error', bad);
  });

  it('rejects unknown options, formats and rules with a usage error', () => {
    assert.equal(parseArguments(['--frmat', 'json']).command, 'usage-error');
    assert.equal(parseArguments(['--format', 'xml']).command, 'usage-error');
    assert.equal(parseArguments(['--rule', 'nope=error']).command, 'usage-error');
    assert.equal(parseArguments(['--max-warnings', '-1']).command, 'usage-error');
    assert.equal(parseArguments(['--max-warnings', '']).command, 'usage-error');
    assert.equal(parseArguments(['--format']).command, 'usage-error');
    assert.equal(parseArguments(['--help=yes']).command, 'usage-error');
  });

  it('suggests the option or command meant by a typo', () => {
    assert.deepEqual(parseArguments(['--formt', 'json']), { command: 'usage-error', message: 'Unknown option --formt. Did you mean --format?' });
    assert.deepEqual(parseArguments(['check', '--max-warning=3']), { command: 'usage-error', message: 'Unknown option --max-warning. Did you mean --max-warnings?' });
    assert.deepEqual(parseArguments(['chekc']), { command: 'usage-error', message: 'Unknown command chekc. Did you mean check?' });
    assert.deepEqual(parseArguments(['--format', 'sarf']), { command: 'usage-error', message: '--format must be text, json, sarif, github (got sarf). Did you mean sarif?' });
    // No far-fetched suggestion: a word nothing like a command says how to check a folder of that name.
    assert.deepEqual(parseArguments(['blog']), { command: 'usage-error', message: 'Unknown command blog. To check a folder: postcraft check blog' });
    assert.deepEqual(parseArguments(['-x']), { command: 'usage-error', message: 'Unknown option -x' });
  });

  it("gives Node's own words when parseArgs refuses a value, as Node writes them", () => {
    const nodeSays = (args: string[], options: ParseArgsConfig['options']) => {
      try {
        parseArgs({ args, options, allowPositionals: true, strict: true });
      } catch (error) {
        return (error as Error).message;
      }
      return undefined;
    };
    assert.deepEqual(parseArguments(['--format']), { command: 'usage-error', message: nodeSays(['--format'], { format: { type: 'string' } }) });
    assert.deepEqual(parseArguments(['--fix=1']), { command: 'usage-error', message: nodeSays(['--fix=1'], { fix: { type: 'boolean' } }) });
    assert.deepEqual(parseArguments(['--jobs', '-1']), { command: 'usage-error', message: nodeSays(['--jobs', '-1'], { jobs: { type: 'string' } }) });
  });

  it('keeps a folder given as a path, options anywhere, and a folder after --', () => {
    assert.deepEqual(parseArguments(['./blog', '--format', 'github']), { command: 'check', folder: './blog', format: 'github', maxWarnings: undefined, severities: {} });
    assert.deepEqual(parseArguments(['--rule', 'tag-typo=off', 'check', '--rule=schema=warning', '.']), { command: 'check', folder: '.', format: 'text', maxWarnings: undefined, severities: { 'tag-typo': 'off', schema: 'warning' } });
    assert.equal((parseArguments(['check', '--', '-odd']) as { folder: string }).folder, '-odd');
    assert.equal(parseArguments(['check', 'a', 'b']).command, 'usage-error');
    assert.equal(parseArguments(['-h', '--format', 'json']).command, 'help');
    assert.equal(parseArguments(['check', '--version']).command, 'version');
  });

  it('lists the options in one column, a long description going on under itself', () => {
    const help = usage();
    assert.match(help, /^Usage: postcraft check \[folder\] \[options\]\n\nChecks every post/);
    assert.ok(help.includes('\n  --jobs N                          Threads that read and check posts (default: one per core with 4 cores\n                                    or more, on sites of 2,000 posts or more; 1: none)\n'));
    assert.ok(help.includes('\n  -v, --version                     Show the version\n\nExit codes: 0 no errors'));
  });
});

function reportWith(root: string, findings: Finding[]): SiteCheckReport {
  return { root, sites: [{ root, generator: 'Hugo', posts: 1, problems: [] }], findings, errors: findings.filter((f) => f.severity === 'error').length, warnings: 0, exitCode: 1 };
}
const brokenImage = (file: string): Finding => ({
  file,
  range: { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } },
  severity: 'error',
  code: 'broken-image',
  message: 'Image not found: 100%,\nsure: a.png\r',
  fixes: [],
});

describe('postcraft --format github', () => {
  it('prints one workflow command per finding, relative to the repository root, escaped as GitHub documents', () => {
    const output = formatGithub(reportWith('/repo/blog', [brokenImage('/repo/blog/content/a,b:c.md'), { ...brokenImage('/repo/blog/x.md'), severity: 'info', code: 'tag-typo', message: 'hm' }]), '/repo');
    assert.equal(
      output,
      '::error file=blog/content/a%2Cb%3Ac.md,line=4,col=5,endLine=4,endColumn=21,title=broken-image::Image not found: 100%25,%0Asure: a.png%0D\n' +
        '::notice file=blog/x.md,line=4,col=5,endLine=4,endColumn=21,title=tag-typo::hm\n',
    );
    assert.equal(formatGithub(reportWith('/repo', []), '/repo'), '');
  });
});

describe('postcraft --format sarif for a site in a subfolder of the repository', () => {
  it('gives uris from the repository root under %SRCROOT%, and says where the site is', () => {
    const sarif = JSON.parse(formatSarif(reportWith('/repo/my blog', [brokenImage('/repo/my blog/content/a#1.md')]), '1.0.0', '/repo'));
    const run = sarif.runs[0];
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'my%20blog/content/a%231.md', uriBaseId: '%SRCROOT%' });
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
    assert.deepEqual({ uri: run.originalUriBaseIds.SITEROOT.uri, uriBaseId: run.originalUriBaseIds.SITEROOT.uriBaseId }, { uri: 'my%20blog/', uriBaseId: '%SRCROOT%' });
    // Outside a repository the site is its own source root, and there is no SITEROOT to name.
    const alone = JSON.parse(formatSarif(reportWith('/site', [brokenImage('/site/a.md')]), '1.0.0')).runs[0];
    assert.deepEqual(Object.keys(alone.originalUriBaseIds), ['%SRCROOT%']);
    assert.equal(alone.results[0].locations[0].physicalLocation.artifactLocation.uri, 'a.md');
  });
});

describe('postcraft check on the sample Hugo site', () => {
  it('prints JSON with relative paths, 1-based positions and fixes, and exits 1 on errors', () => {
    const { code, stdout } = postcraft('check', hugoSite, '--format', 'json');
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { findings: { file: string; line: number; column: number; endLine: number; endColumn: number; code: string; fixes: { title: string }[] }[]; summary: { errors: number; warnings: number } };
    const typo = report.findings.find((finding) => finding.code === 'tag-typo');
    assert.deepEqual(typo && { file: typo.file, line: typo.line, column: typo.column, endLine: typo.endLine, endColumn: typo.endColumn }, { file: 'content/blog/2023/2023-06-01-dok-meetup.md', line: 5, column: 38, endLine: 5, endColumn: 48 });
    assert.deepEqual(typo?.fixes.map((fix) => fix.title), ['Change to "kubernetes"', 'Ignore this tag-typo here']);
    assert.equal(report.summary.errors, report.findings.filter((finding) => (finding as { severity?: string }).severity === 'error').length);
  });

  it('prints SARIF 2.1.0 that names each rule and location', () => {
    const { stdout } = postcraft('check', hugoSite, '--format', 'sarif');
    const sarif = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0]!.results.find((entry) => entry.ruleId === 'tag-typo');
    // The sample site sits in this repository, so its uris run from the repository root.
    assert.equal(result?.locations[0]?.physicalLocation.artifactLocation.uri, 'test/fixtures/sites/hugo-blog/content/blog/2023/2023-06-01-dok-meetup.md');
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

  it('prints GitHub annotations from the root of the repository holding the site', () => {
    const repo = temporarySite('postcraft-github-');
    mkdirSync(join(repo, '.git'));
    const site = join(repo, 'site');
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    writeFileSync(join(site, 'content', 'posts', 'hello.md'), '---\ntitle: Hello\n---\n![x](/missing.png)\n');
    const { code, stdout, stderr } = postcraft('check', site, '--format', 'github');
    assert.equal(code, 1, stderr);
    assert.match(stdout, /^::error file=site\/content\/posts\/hello\.md,line=4,col=\d+,endLine=4,endColumn=\d+,title=broken-image::.+\n$/);
  });

  it('refuses a mistyped command or option with a suggestion, exit 2, without looking for a folder', () => {
    for (const args of [['chekc'], ['check', '--formt', 'json']]) {
      const { code, stdout, stderr } = postcraft(...args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /Did you mean (check|--format)\?/);
      assert.doesNotMatch(stderr, /not a folder/);
    }
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

describe('postcraft check --fix, --fix-dry-run and --report-unused-disable', () => {
  it('parses the fix flags, one at a time, and the dry run only as text', () => {
    assert.deepEqual(parseArguments(['check', '--fix']), { command: 'check', folder: '.', format: 'text', maxWarnings: undefined, severities: {}, fix: 'write' });
    assert.deepEqual(parseArguments(['--fix-dry-run', '--report-unused-disable']), { command: 'check', folder: '.', format: 'text', maxWarnings: undefined, severities: {}, fix: 'dry-run', reportUnusedDisable: true });
    assert.equal(parseArguments(['--fix', '--fix-dry-run']).command, 'usage-error');
    assert.equal(parseArguments(['--fix-dry-run', '--format', 'json']).command, 'usage-error');
    assert.deepEqual(parseArguments(['--fxi']), { command: 'usage-error', message: 'Unknown option --fxi. Did you mean --fix?' });
  });

  /** A Hugo site with a tag typo (fixable), an ambiguous date (not), and posts --fix must leave alone. */
  function fixableSite(): { site: string; posts: string; texts: Record<string, Buffer> } {
    const site = temporarySite('postcraft-fix-');
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
    const posts = join(site, 'content', 'posts');
    mkdirSync(posts, { recursive: true });
    for (let i = 0; i < 4; i++) writeFileSync(join(posts, `p${i}.md`), `---\ntitle: P${i}\ntags: [kubernetes]\n---\n`);
    const texts: Record<string, Buffer> = {
      'typo.md': Buffer.from('---\r\ntitle: T\r\ntags: [kuberentes]\r\ndate: 2024-3-4\r\n---\r\nBody  with  odd   spacing\r\n<!-- postcraft-disable-next-line schema -->\r\nkept\r\n'),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: B\ntags: [kubernetess]\n---\n')]),
      'ambiguous.md': Buffer.from('---\ntitle: A\ndate: "03/04/2024"\n---\n'),
      'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: U\ntags: [kubernetse]\n---\n', 'utf16le')]),
    };
    for (const [name, bytes] of Object.entries(texts)) writeFileSync(join(posts, name), bytes);
    return { site, posts, texts };
  }

  it('--fix-dry-run prints a unified diff of the safe fixes and writes nothing', () => {
    const { site, posts, texts } = fixableSite();
    const { code, stdout, stderr } = postcraft('check', site, '--fix-dry-run', '--report-unused-disable');
    assert.equal(code, 1, stderr); // the ambiguous date is left, and Hugo stops on it
    for (const [name, bytes] of Object.entries(texts)) assert.deepEqual(readFileSync(join(posts, name)), bytes, `${name} untouched`);
    assert.match(stdout, /^--- a\/content\/posts\/bom\.md\n\+\+\+ b\/content\/posts\/bom\.md\n@@ /);
    assert.match(stdout, /^-tags: \[kuberentes\]\r$/m);
    assert.match(stdout, /^\+tags: \[kubernetes\]\r$/m);
    assert.match(stdout, /^\+date: 2024-03-04\r$/m);
    assert.match(stdout, /^-<!-- postcraft-disable-next-line schema -->\r$/m);
    assert.doesNotMatch(stdout, /ambiguous\.md|utf16\.md/);
    assert.match(stderr, /^Would fix content\/posts\/typo\.md: 3 problems \(tag-typo, schema, unused-disable\)$/m);
    assert.match(stderr, /^Not fixed content\/posts\/utf16\.md: the file is UTF-16/m);
  });

  it('--fix rewrites only the fixed bytes, keeps line endings and byte-order marks, and reports what it changed and what is left', () => {
    const { site, posts, texts } = fixableSite();
    const { code, stdout, stderr } = postcraft('check', site, '--fix', '--report-unused-disable');
    assert.equal(code, 1, stderr);
    assert.equal(readFileSync(join(posts, 'typo.md'), 'utf8'), '---\r\ntitle: T\r\ntags: [kubernetes]\r\ndate: 2024-03-04\r\n---\r\nBody  with  odd   spacing\r\nkept\r\n');
    assert.deepEqual(readFileSync(join(posts, 'bom.md')), Buffer.from(texts['bom.md']!.toString('latin1').replace('kubernetess', 'kubernetes'), 'latin1'));
    assert.deepEqual(readFileSync(join(posts, 'ambiguous.md')), texts['ambiguous.md']);
    assert.deepEqual(readFileSync(join(posts, 'utf16.md')), texts['utf16.md']);
    assert.match(stdout, /^Fixed content\/posts\/bom\.md: 1 problem \(tag-typo\)$/m);
    assert.match(stdout, /^Not fixed content\/posts\/utf16\.md: /m);
    assert.match(stdout, /^Fixed 4 problems in 2 files; 2 findings left\.$/m);
    // What is left: the ambiguous date (a choice for the writer) and the UTF-16 post's tag.
    assert.match(stdout, /content\/posts\/ambiguous\.md:3:\d+ +error +"date"/);
    assert.match(stdout, /content\/posts\/utf16\.md:3:\d+ +\w+ +.*tag-typo/);
    // A second run has nothing left to fix.
    assert.match(postcraft('check', site, '--fix').stdout, /^Fixed 0 problems in 0 files; 2 findings left\.$/m);
  });
});
