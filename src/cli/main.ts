import { resolve } from 'node:path';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { formatMessage, msg, relativePath, toSitePath, type Message } from '../core/results';
import { blockingNodeFileSystem, localeOfEnvironment, statManyBlocking, translate, useLocale } from '../node/index';
import { parseArguments, usage, type OutputFormat } from './args';
import type { SiteCheckReport } from './report';
import { cacheFile, checkSitesWithCache } from './cache';
import { repositoryRoot } from './sourceRoot';
import { formatJson } from './format/json';
import { formatGithub } from './format/github';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { formatFixDiff, formatFixSummary } from './format/fixes';
import type { FixPlan } from './report';

/** The checks and the worker pool: loaded when the cache's snapshot does not answer the run (see checking.ts). */
const checking = (): typeof import('./checking') => require('./checking');

declare const POSTCRAFT_VERSION: string | undefined;
/** Text for a person at the terminal, in its language. */
const t = (message: Message) => formatMessage(message, translate);
const version = typeof POSTCRAFT_VERSION === "string" ? POSTCRAFT_VERSION : "dev";
declare const POSTCRAFT_BUILD: string | undefined;
/** What the cache keys on: a build of changed checks with the same version must not answer from its findings. */
const cacheVersion = `${version}+${typeof POSTCRAFT_BUILD === 'string' ? POSTCRAFT_BUILD : 'dev'}`;

async function main(argv: string[]): Promise<number> {
  // Findings in the terminal's language (LC_ALL, LC_MESSAGES, LANG); JSON and SARIF stay English.
  useLocale(localeOfEnvironment(process.env));
  const args = parseArguments(argv, translate);
  switch (args.command) {
    case 'help':
      process.stdout.write(`${usage(translate)}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`postcraft: ${args.message}\n${t(msg('Run postcraft --help for usage.'))}\n`);
      return 2;
  }
  const folder = resolve(args.folder);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) {
    process.stderr.write(`postcraft: ${t(msg('{0} is not a folder', args.folder))}\n`);
    return 2;
  }
  const showProgress = process.stderr.isTTY && args.format === 'text';
  // --fix checks afresh (what it writes changes the posts); --cache reads on one thread.
  const options = { severities: args.severities, maxWarnings: args.maxWarnings, fix: args.fix !== undefined, reportUnusedDisable: args.reportUnusedDisable === true };
  const onProgress = (done: number, total: number) => {
    if (showProgress && (done % 50 === 0 || done === total)) process.stderr.write(`\r${t(msg('Checking posts: {0}/{1}', done, total))}${done === total ? '\n' : ''}`);
  };
  let report: SiteCheckReport;
  if (args.cache && !args.fix) {
    report = await checkSitesWithCache(blockingNodeFileSystem, toSitePath(folder), options, cacheFile(folder, args.cache.location), cacheVersion, (message) => process.stderr.write(`postcraft: ${t(msg('warning: {0}', message))}\n`), statManyBlocking);
  } else {
    // --jobs 1: no pool, the single-threaded path as it always was. Without --jobs, workers only where they pay.
    const { checkSites, createPostWorkerPool, defaultJobs } = checking();
    const jobs = args.jobs ?? defaultJobs();
    const postWorkers = jobs > 1 ? createPostWorkerPool({ jobs, ...(args.jobs !== undefined ? { minPosts: 0 } : {}) }) : undefined;
    try {
      report = await checkSites(blockingNodeFileSystem, toSitePath(folder), { ...options, postWorkers }, onProgress);
    } finally {
      await postWorkers?.close();
    }
  }
  // What kept the check from seeing the whole site (a config it cannot read, a walk cut short): on
  // stderr, so that JSON and SARIF on stdout stay machine-readable.
  for (const site of report.sites) for (const problem of site.problems) process.stderr.write(`postcraft: ${t(msg('warning: {0}', msg('{0}: {1}', relativePath(report.root, site.root) || '.', problem)))}\n`);
  if (report.fixes && args.fix === 'dry-run') {
    // The diff alone on stdout, to read or to `git apply`; what it fixes and what is left on stderr.
    process.exitCode = report.exitCode;
    process.stderr.write(formatFixSummary(report.root, report.fixes, new Set(), true, report.findings.length, translate));
    process.stdout.write(formatFixDiff(report.root, report.fixes));
    return report.exitCode;
  }
  let fixSummary = '';
  if (report.fixes) {
    const written = writeFixes(report.fixes);
    fixSummary = formatFixSummary(report.root, written.plan, written.files, false, report.findings.length, translate);
  }
  const output = formatReport(args.format, report);
  process.exitCode = report.exitCode; // known before the output goes out, for a reader that stops early
  // What --fix changed: before the findings left in text, on stderr beside a machine-readable report.
  if (args.format === 'text') process.stdout.write(fixSummary);
  else process.stderr.write(fixSummary);
  process.stdout.write(output);
  return report.exitCode;
}

/**
 * Writes each planned fix, only into a file that still holds the bytes the fix was made from (an editor
 * may have saved it meanwhile). The files written, and the plan with the files left alone added.
 */
function writeFixes(plan: FixPlan): { files: Set<string>; plan: FixPlan } {
  const files = new Set<string>();
  const refused = [...plan.refused];
  for (const fix of plan.files) {
    const path = fix.file.replace(/^\/(?=[A-Za-z]:)/, '');
    try {
      if (!Buffer.from(fix.original).equals(readFileSync(path))) {
        refused.push({ file: fix.file, reason: msg('the file changed while it was being fixed') });
        continue;
      }
      writeFileSync(path, fix.bytes);
      files.add(fix.file);
    } catch (error) {
      refused.push({ file: fix.file, reason: msg('{0}', error instanceof Error ? error.message : String(error)) });
    }
  }
  return { files, plan: { files: plan.files, refused } };
}

function formatReport(format: OutputFormat, report: SiteCheckReport): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, version, toSitePath(repositoryRoot(report.root)));
    case 'github':
      return formatGithub(report, toSitePath(repositoryRoot(report.root)), translate);
    case 'text':
      return formatText(report, process.stdout.isTTY === true, translate);
  }
}

// A reader that goes away (`postcraft check | head`) ends the run quietly, with the exit code the
// check came to: the rest of the output has nobody to read it. Other stream errors stay errors.
// In a post worker thread (the bundle is also the workers' script, see postWorker.ts) there is no run.
for (const stream of isMainThread ? [process.stdout, process.stderr] : []) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

if (isMainThread) main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postcraft: ${t(msg('internal error: {0}', error instanceof Error ? (error.stack ?? error.message) : String(error)))}\n`);
    process.exitCode = 2;
  },
);
// Where the checks are bundled into this file (a single-file build, as scripts/accuracy.mjs makes), a post worker
// thread runs it too (postWorkerPool.ts): the worker's end is loaded only there. The package's own build keeps
// the checks apart (dist/checking.js), and its workers run that.
else require('./checking');
