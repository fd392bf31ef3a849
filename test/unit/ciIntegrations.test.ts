// The CI integrations as their users run them, with the CLI packed from packages/cli: the GitHub Action's check
// step (action.yml, scripts/action/check.mjs) and the pre-commit hook's entry (.pre-commit-hooks.yaml).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { fixturesRoot } from './support/fixtureSites';
import { isolatedNpmEnv, packPackage, projectRoot, writeCleanSite, type PackedPackage } from './support/npmPackages';

interface ActionStep {
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(projectRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: ActionStep[] } };
const hooks = parse(readFileSync(join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
const cliVersion = (JSON.parse(readFileSync(join(projectRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

let work: string;
let packed: PackedPackage;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'postcraft-ci-'));
  packed = packPackage('cli', work);
});
after(() => rmSync(work, { recursive: true, force: true }));

/** A repository (a workspace, as actions/checkout leaves it) with a fixture site in `blog/`. */
function repositoryWithSite(name: string, site: (folder: string) => void): string {
  const repository = join(work, name);
  mkdirSync(repository, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: repository });
  site(join(repository, 'blog'));
  return repository;
}

/** `${{ inputs.x }}` and `${{ runner.temp }}` of an action.yml value, as the runner evaluates them. */
function evaluate(value: string, inputs: Record<string, string>, runnerTemp: string): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'runner.temp') return runnerTemp;
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    assert.ok(input && input in action.inputs, `action.yml uses ${expression}`);
    return inputs[input] ?? action.inputs[input]?.default ?? '';
  });
}

/**
 * The action's check step, run as the runner runs it: its `run` line in bash, its env from the inputs.
 * `runnerTemp`: the job's temporary folder, where actions/cache restores the last run's cache (a new one by default).
 */
function runCheckStep(workspace: string, inputs: Record<string, string>, runnerTemp = mkdtempSync(join(work, 'runner-temp-'))) {
  const step = action.runs.steps.find((candidate) => candidate.id === 'check')!;
  const outputFile = join(runnerTemp, 'github-output');
  writeFileSync(outputFile, '');
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value, inputs, runnerTemp)]));
  // The published action runs postcraft-cli@<cli-version> from npm; here, the tarball of this tree.
  assert.equal(stepEnv.POSTCRAFT_CLI, `postcraft-cli@${inputs['cli-version'] ?? cliVersion}`);
  cpSync(packed.tarball, join(workspace, 'postcraft-cli.tgz'));
  const env = { ...isolatedNpmEnv(join(runnerTemp, 'npm-cache')), ...stepEnv, POSTCRAFT_CLI: './postcraft-cli.tgz', GITHUB_ACTION_PATH: projectRoot, GITHUB_OUTPUT: outputFile };
  const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs: outputs as Record<string, string> };
}

describe('the GitHub Action', () => {
  it('is a composite action: the cache, the check step, the SARIF upload, then the verdict', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['cache', 'cli-version', 'fail-on', 'path', 'upload']);
    assert.equal(action.inputs['cli-version']?.default, cliVersion, 'the action runs the CLI of its own release');
    const [cache, check, upload, verdict] = action.runs.steps as [ActionStep, ActionStep, ActionStep, ActionStep];
    assert.match(cache.uses!, /^actions\/cache@v\d+$/);
    assert.equal(cache.if, "inputs.cache == 'true'");
    // The folder it saves is the one the check step gives the CLI; a run restores the newest of the earlier runs' keys.
    assert.equal(cache.with?.path, check.env?.POSTCRAFT_CACHE_FOLDER);
    assert.ok(cache.with?.key?.startsWith(cache.with['restore-keys'] ?? '-'), 'the key extends its restore prefix');
    assert.match(cache.with?.key ?? '', /\$\{\{ github\.run_id \}\}/, 'each run saves a cache of its own');
    assert.equal(check.id, 'check');
    assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload.with?.sarif_file, '${{ steps.check.outputs.sarif-file }}');
    assert.equal(verdict.if, "steps.check.outputs.failed == 'true'");
  });

  it('writes SARIF with paths from the repository root and fails the job on errors', () => {
    const workspace = repositoryWithSite('errors', (folder) => cpSync(join(fixturesRoot, 'hugo-blog'), folder, { recursive: true }));
    const result = runCheckStep(workspace, { path: 'blog' });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual({ errors: result.outputs.errors, warnings: result.outputs.warnings, failed: result.outputs.failed }, { errors: '4', warnings: '1', failed: 'true' });
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file'] ?? '', 'utf8')) as { runs: [{ results: { locations: [{ physicalLocation: { artifactLocation: { uri: string } } }] }[] }] };
    const uris = sarif.runs[0].results.map((finding) => finding.locations[0].physicalLocation.artifactLocation.uri);
    assert.equal(uris.length, 6, 'the errors, the warning and the note on an author without a profile');
    for (const uri of uris) assert.match(uri, /^blog\/content\//);
    assert.match(result.stdout, /Postcraft: 4 errors, 1 warnings/);
  });

  it('does not fail with fail-on: never, and fails on warnings with fail-on: warning', () => {
    const workspace = repositoryWithSite('never', (folder) => cpSync(join(fixturesRoot, 'hugo-blog'), folder, { recursive: true }));
    assert.equal(runCheckStep(workspace, { path: 'blog', 'fail-on': 'never' }).outputs.failed, 'false');
    // The same site with every finding a warning, by its postcraft.config.json.
    const warningsOnly = repositoryWithSite('warnings', (folder) => {
      cpSync(join(fixturesRoot, 'hugo-blog'), folder, { recursive: true });
      const checks = Object.fromEntries(['broken-image', 'image-case', 'unknown-author', 'schema'].map((code) => [code, 'warning']));
      writeFileSync(join(folder, 'postcraft.config.json'), JSON.stringify({ checks }));
    });
    const lenient = runCheckStep(warningsOnly, { path: 'blog' });
    assert.deepEqual({ errors: lenient.outputs.errors, warnings: lenient.outputs.warnings, failed: lenient.outputs.failed }, { errors: '0', warnings: '6', failed: 'false' });
    assert.equal(runCheckStep(warningsOnly, { path: 'blog', 'fail-on': 'warning' }).outputs.failed, 'true');
  });

  it('keeps the cache in the folder actions/cache saves, and a run from it finds what changed since', () => {
    const workspace = repositoryWithSite('cached', (folder) => cpSync(join(fixturesRoot, 'hugo-blog'), folder, { recursive: true }));
    const runnerTemp = mkdtempSync(join(work, 'runner-temp-'));
    const first = runCheckStep(workspace, { path: 'blog' }, runnerTemp);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual({ errors: first.outputs.errors, warnings: first.outputs.warnings }, { errors: '4', warnings: '1' });
    const cacheFile = join(runnerTemp, 'postcraft-cache', 'check-cache.json');
    assert.ok(existsSync(cacheFile), 'the CLI wrote its cache where actions/cache saves');

    // The next push: one post gains a broken image; the run restored from the cache reports it.
    const post = join(workspace, 'blog/content/blog/2024/community-day.md');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\n![Missing](/images/not-there.png)\n`);
    const second = runCheckStep(workspace, { path: 'blog' }, runnerTemp);
    assert.deepEqual({ errors: second.outputs.errors, warnings: second.outputs.warnings }, { errors: '5', warnings: '1' });
    // The same SARIF as a run without the cache, which keeps none.
    const uncachedTemp = mkdtempSync(join(work, 'runner-temp-'));
    const uncached = runCheckStep(workspace, { path: 'blog', cache: 'false' }, uncachedTemp);
    assert.deepEqual(readFileSync(second.outputs['sarif-file']!, 'utf8'), readFileSync(uncached.outputs['sarif-file']!, 'utf8'));
    assert.ok(!existsSync(join(uncachedTemp, 'postcraft-cache')), 'cache: false keeps nothing');

    // A cache file that is not one (cut short, another tool's) is said and rebuilt; the findings stand.
    writeFileSync(cacheFile, '{"not": "a cache"');
    const rebuilt = runCheckStep(workspace, { path: 'blog' }, runnerTemp);
    assert.match(rebuilt.stderr, /is not a cache this version of Postcraft wrote/);
    assert.equal(rebuilt.outputs.errors, '5');
  });

  it('passes a clean site and refuses an unknown fail-on', () => {
    const clean = repositoryWithSite('clean', writeCleanSite);
    const result = runCheckStep(clean, { path: 'blog' });
    assert.deepEqual({ errors: result.outputs.errors, warnings: result.outputs.warnings, failed: result.outputs.failed }, { errors: '0', warnings: '0', failed: 'false' });
    const refused = runCheckStep(clean, { path: 'blog', 'fail-on': 'warnings' });
    assert.equal(refused.code, 2);
    assert.match(refused.stdout, /::error::fail-on is error, warning or never/);
  });
});

describe('the pre-commit hook', () => {
  const hook = hooks.find((candidate) => candidate.id === 'postcraft')!;

  it('runs the CLI of this release on Markdown and MDX changes, once for the whole site', () => {
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.additional_dependencies, [`postcraft-cli@${cliVersion}`]);
    assert.equal(hook.pass_filenames, false);
    const files = new RegExp(hook.files as string);
    for (const path of ['content/posts/a.md', 'docs/intro.mdx', 'b.markdown']) assert.match(path, files);
    for (const path of ['hugo.toml', 'static/a.png', 'notes.md.bak']) assert.doesNotMatch(path, files);
  });

  it('its entry, installed as pre-commit installs it (npm install -g of the package), fails on a broken site', () => {
    // pre-commit's node hooks: `npm install -g <hook repository> <additional_dependencies>` into the hook's own
    // prefix, then the entry on that PATH in the repository's root; here the dependency is the packed CLI.
    const prefix = join(work, 'hook-env');
    execFileSync('npm', ['install', '--global', '--prefix', prefix, packed.tarball], { env: isolatedNpmEnv(join(work, 'hook-cache')), stdio: 'ignore' });
    const [command = '', ...args] = (hook.entry as string).split(' ');
    const run = (repository: string) => spawnSync(command, [...args, ...((hook.args as string[] | undefined) ?? [])], {
      cwd: repository,
      env: { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}` },
      encoding: 'utf8',
    });
    const broken = run(repositoryWithSite('hook-broken', (folder) => cpSync(join(fixturesRoot, 'hugo-blog'), folder, { recursive: true })));
    assert.equal(broken.status, 1, broken.stderr);
    assert.match(broken.stdout, /blog\/content\/blog\/2024\/postgres-on-kubernetes\.md:19:16 +error .*image-case/);
    const clean = run(repositoryWithSite('hook-clean', writeCleanSite));
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });

  // `pre-commit try-repo` on this repository cannot run offline: pre-commit's node hooks `npm install` the hook
  // repository's own package.json (the extension's, hundreds of development packages) and then the
  // additional_dependencies, postcraft-cli from the registry. So the real pre-commit (Debian's, installed by
  // scripts/generators.mjs) runs the hook as written here, as a local hook with the packed CLI as its dependency.
  it('runs in pre-commit: fails a commit of a post on a broken site, passes a clean one, skips other files', () => {
    const preCommitHome = join(work, 'pre-commit-home');
    const hookRepository = (name: string, site: (folder: string) => void) => {
      const repository = repositoryWithSite(name, site);
      const local = { ...hook, additional_dependencies: [packed.tarball], args: ['blog'] };
      writeFileSync(join(repository, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks: [local] }] }));
      writeFileSync(join(repository, 'notes.txt'), 'not a post\n');
      execFileSync('git', ['add', '--all'], { cwd: repository });
      return repository;
    };
    const preCommit = (repository: string, ...files: string[]) => {
      const env = { ...isolatedNpmEnv(join(work, 'pre-commit-npm-cache')), PRE_COMMIT_HOME: preCommitHome };
      const result = spawnSync('pre-commit', ['run', '--color', 'never', '--files', ...files], { cwd: repository, env, encoding: 'utf8' });
      assert.notEqual(result.error?.message.includes('ENOENT'), true, 'pre-commit is missing: node scripts/generators.mjs installs it');
      return { code: result.status, output: result.stdout + result.stderr };
    };
    const broken = hookRepository('pre-commit-broken', (folder) => cpSync(join(fixturesRoot, 'hugo-blog'), folder, { recursive: true }));
    const failed = preCommit(broken, 'blog/content/blog/2024/community-day.md');
    assert.equal(failed.code, 1, failed.output);
    assert.match(failed.output, /postcraft check\.+Failed/);
    assert.match(failed.output, /image-case/);
    const skipped = preCommit(broken, 'notes.txt');
    assert.equal(skipped.code, 0, skipped.output);
    assert.match(skipped.output, /postcraft check\.+\(no files to check\)Skipped/);
    const clean = hookRepository('pre-commit-clean', writeCleanSite);
    const passed = preCommit(clean, 'blog/content/posts/hello.md');
    assert.equal(passed.code, 0, passed.output);
    assert.match(passed.output, /postcraft check\.+Passed/);
  });
});
