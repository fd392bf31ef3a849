import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { relativePath, toSitePath } from '../core/index';
import { blockingNodeFileSystem, localeOfEnvironment, translate, useLocale } from '../node/index';
import { parseArguments, usage, type OutputFormat } from './args';
import { checkSites, type SiteCheckReport } from './checkSite';
import { repositoryRoot } from './sourceRoot';
import { formatJson } from './format/json';
import { formatGithub } from './format/github';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';

declare const POSTCRAFT_VERSION: string | undefined;
const version = typeof POSTCRAFT_VERSION === "string" ? POSTCRAFT_VERSION : "dev";

async function main(argv: string[]): Promise<number> {
  // Findings in the terminal's language (LC_ALL, LC_MESSAGES, LANG); JSON and SARIF stay English.
  useLocale(localeOfEnvironment(process.env));
  const args = parseArguments(argv);
  switch (args.command) {
    case 'help':
      process.stdout.write(`${usage}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`postcraft: ${args.message}\nRun postcraft --help for usage.\n`);
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
    process.stderr.write(`postcraft: ${args.folder} is not a folder\n`);
    return 2;
  }
  const showProgress = process.stderr.isTTY && args.format === 'text';
  const report = await checkSites(blockingNodeFileSystem, toSitePath(folder), { severities: args.severities, maxWarnings: args.maxWarnings }, (done, total) => {
    if (showProgress && (done % 50 === 0 || done === total)) process.stderr.write(`\rChecking posts: ${done}/${total}${done === total ? '\n' : ''}`);
  });
  // What kept the check from seeing the whole site (a config it cannot read, a walk cut short): on
  // stderr, so that JSON and SARIF on stdout stay machine-readable.
  for (const site of report.sites) for (const problem of site.problems) process.stderr.write(`postcraft: warning: ${relativePath(report.root, site.root) || '.'}: ${problem}\n`);
  const output = formatReport(args.format, report);
  process.exitCode = report.exitCode; // known before the output goes out, for a reader that stops early
  process.stdout.write(output);
  return report.exitCode;
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
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postcraft: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
