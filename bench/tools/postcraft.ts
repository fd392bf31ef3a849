// `postcraft check <site> --format json`: the production CLI bundle, a new process each run.
import { readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { snapshotDir } from '../productionBuild';
import { assertCompleted, projectRoot, projectVersion, type CheckerTool, type ToolFinding } from './tool';
import type { GeneratedSite } from '../generateSite';

interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
}

/** The text of a 1-based range, on one line (a multi-line range keeps the rest of its first line). */
function textAt(text: string, finding: JsonFinding): string {
  const line = text.split('\n')[finding.line - 1] ?? '';
  return line.slice(finding.column - 1, finding.endLine === finding.line ? finding.endColumn - 1 : undefined);
}

export const postcraft: CheckerTool = {
  name: 'Postcraft',
  isPostcraft: true,
  version: projectVersion(),
  invocation: '`node packages/cli/dist/cli.js check <site> --format json` on a copy of the production bundle taken right after the build',
  checksImages: true,
  blindSpots: 'Resolves links by Hugo\'s URL rules and heading IDs; a URL outside every folder the site\'s pages are published in is not reported (a theme or the host may serve it).',
  command: (site) => ({ args: [join(snapshotDir, 'cli.js'), 'check', site.root, '--format', 'json'], cwd: projectRoot }),
  parse(run, site) {
    assertCompleted('postcraft', run);
    const texts = new Map<string, string>();
    const textOf = (file: string) => texts.get(file) ?? texts.set(file, readFileSync(join(site.root, file), 'utf8')).get(file)!;
    return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((finding): ToolFinding => ({
      file: finding.file,
      line: finding.line,
      rule: finding.code,
      subject: textAt(textOf(finding.file), finding),
    }));
  },
};

/** The cache file of a site's re-runs: beside the bundle snapshot, one per site size. */
const cacheFile = (site: GeneratedSite) => join(snapshotDir, '..', `check-cache-${site.posts}.json`);

/**
 * `postcraft check --cache` run again with nothing changed, as CI does on a push that touches no post: the
 * cache is written by an untimed run first (prepareSite), so that every timed run is a re-run.
 */
export const postcraftCached: CheckerTool = {
  ...postcraft,
  name: 'Postcraft, re-run with `--cache` (nothing changed)',
  invocation: '`node packages/cli/dist/cli.js check <site> --format json --cache --cache-location <file>`, after one untimed run that wrote the cache',
  blindSpots: 'As Postcraft: it reports what the last run found, and checks again anything that changed since (see "Warm starts").',
  async prepareSite(site) {
    rmSync(cacheFile(site), { force: true });
    const { args, cwd } = postcraftCached.command(site);
    try {
      execFileSync(process.execPath, [...args], { cwd, stdio: 'ignore' });
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error; // 1: findings
    }
  },
  command: (site) => ({ args: [join(snapshotDir, 'cli.js'), 'check', site.root, '--format', 'json', '--cache', '--cache-location', cacheFile(site)], cwd: projectRoot }),
};
