// The check step of the GitHub Action (action.yml at the root): runs the Postcraft CLI on the site with SARIF output
// into a file for code scanning, prints a summary, and says through step outputs whether the job should fail, so
// that the SARIF is uploaded first. Inputs come as environment variables (never pasted into a shell line):
//   POSTCRAFT_PATH      the site folder (default .)
//   POSTCRAFT_FAIL_ON   error (default): fail on errors; warning: on any warning too; never
//   POSTCRAFT_CLI       the npm package spec npx runs (action input cli-version; a tarball in the tests)
//   POSTCRAFT_SARIF     where to write the SARIF file
//   POSTCRAFT_CACHE     true (default in action.yml): check with --cache, kept in POSTCRAFT_CACHE_FOLDER
//   GITHUB_OUTPUT       the step outputs file (sarif-file, errors, warnings, failed)
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const failOnChoices = { error: [], warning: ['--max-warnings', '0'], never: [] };

function output(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

export function runCheck(env = process.env) {
  const site = env.POSTCRAFT_PATH || '.';
  const failOn = env.POSTCRAFT_FAIL_ON || 'error';
  const sarifFile = resolve(env.POSTCRAFT_SARIF || 'postcraft.sarif');
  if (!(failOn in failOnChoices)) {
    console.log(`::error::fail-on is error, warning or never, not "${failOn}"`);
    return 2;
  }
  const cli = env.POSTCRAFT_CLI || 'postcraft-cli';
  if (!['true', 'false', undefined, ''].includes(env.POSTCRAFT_CACHE)) {
    console.log(`::error::cache is true or false, not "${env.POSTCRAFT_CACHE}"`);
    return 2;
  }
  // The folder actions/cache restores and saves; the CLI keeps its file there (check-cache.json).
  const cache = env.POSTCRAFT_CACHE === 'true' ? ['--cache', '--cache-location', `${resolve(env.POSTCRAFT_CACHE_FOLDER || 'postcraft-cache')}/`] : [];
  const args = ['--yes', cli, 'check', site, '--format', 'sarif', ...failOnChoices[failOn], ...cache];
  // On Windows npx is npx.cmd, which only a shell runs: the arguments are quoted for cmd.exe there.
  const windows = process.platform === 'win32';
  const result = windows
    ? spawnSync('npx', args.map((arg) => `"${arg.replaceAll('"', '""')}"`), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 ** 3, shell: true })
    : spawnSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 ** 3 });
  if (result.status !== 0 && result.status !== 1) {
    console.log(`::error::postcraft check ${site} failed (exit code ${result.status ?? result.signal}): see the log above`);
    return result.status || 2;
  }
  writeFileSync(sarifFile, result.stdout);
  const results = JSON.parse(result.stdout).runs.flatMap((run) => run.results ?? []);
  const count = (level) => results.filter((finding) => finding.level === level).length;
  const failed = failOn !== 'never' && result.status === 1;
  console.log(`Postcraft: ${count('error')} errors, ${count('warning')} warnings, ${count('note')} notes in ${site}; SARIF in ${sarifFile}`);
  output('sarif-file', sarifFile);
  output('errors', count('error'));
  output('warnings', count('warning'));
  output('failed', String(failed));
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(/[\\/]/).pop())) process.exitCode = runCheck();
