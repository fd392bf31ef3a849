// What the benchmark needs from each checker: how to run it on a site, and its findings in one shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedSite } from '../generateSite';
import type { ProcessRun } from '../measureProcess';

export const projectRoot = join(__dirname, '..', '..');

/** One reported problem, reduced to what scoring needs. */
export interface ToolFinding {
  /** Relative to the site root, with `/`. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly rule: string;
  /** The text the finding points at (an image path, a tag), or '' when the tool gives no range. */
  readonly subject: string;
}

export interface CheckerTool {
  readonly name: string;
  /** Read after `prepare()`, which may install the tool. */
  readonly version: string;
  /** What it is run as, for the report. */
  readonly invocation: string;
  /** Does it check image references at all? The speed target compares against these. */
  readonly checksImages: boolean;
  /** What it cannot detect by design, stated in the report. */
  readonly blindSpots: string;
  /** What explains its speed here, when it is not obvious. */
  readonly speedNote?: string;
  /** One-time set-up before any timed run (e.g. installing the peers, bundling a host program). */
  prepare?(): Promise<void>;
  /** Set-up on each site before its timed runs, untimed (e.g. the cache a re-run starts from). */
  prepareSite?(site: GeneratedSite): Promise<void>;
  /** Postcraft itself in another mode: shown beside the peers, never taken for one. */
  readonly isPostcraft?: boolean;
  /** Node arguments (after `node`) and working directory for a whole-site check. */
  command(site: GeneratedSite): { readonly args: readonly string[]; readonly cwd: string };
  parse(run: ProcessRun, site: GeneratedSite): ToolFinding[];
}

/** Postcraft's own version; the peers' are read where they are installed (peers.ts). */
export function projectVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A tool that ends with an exit code other than 0 (clean) or 1 (findings) failed: no scores from it. */
export function assertCompleted(name: string, run: ProcessRun): void {
  if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`${name} failed (exit ${run.exitCode}): ${run.stderr.slice(0, 2000)}`);
}
