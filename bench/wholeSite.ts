// The whole-site comparison on one generated site: the raw floor, Node's start-up, and every checker as
// a new process. Runs are interleaved (one of each per round) so load from other work hits all alike.
import { promises as fs, readFileSync } from 'node:fs';
import { blockingNodeFileSystem, nodeFileSystem } from '../src/node/index';
import { noCancellation } from '../src/core/host/cancellation';
import { walkFiles } from '../src/core/site/walk';
import type { GeneratedSite } from './generateSite';
import { runMeasured } from './measureProcess';
import { score, type Score } from './score';
import { stats, type Stats } from './stats';
import type { CheckerTool } from './tools/tool';

export interface Limits {
  readonly runs: number;
  /** A tool whose run takes longer is not repeated (the report says so). */
  readonly slowRunMs: number;
  /** A run still going after this is killed and reported as unfinished. */
  readonly timeoutMs: number;
}

export interface ToolResult {
  readonly tool: CheckerTool;
  /** Undefined when no run finished. */
  readonly time: Stats | undefined;
  readonly timedOut: boolean;
  readonly maxRssKb: number | undefined;
  readonly score: Score | undefined;
  readonly findings: number;
}

export interface WholeSiteResult {
  readonly posts: number;
  /** The faster of the two ways of listing and reading, per round: the ratios are taken against it. */
  readonly floor: Stats;
  readonly floorParallel: Stats;
  readonly floorBlocking: Stats;
  readonly nodeStartup: Stats;
  readonly tools: readonly ToolResult[];
}

/**
 * The floor: list every file and read every Markdown file, as any whole-site check must. Two ways: 64
 * reads in flight through Node's thread pool, and a blocking loop (faster for small cached files).
 */
export async function rawRead(root: string): Promise<number> {
  const { files } = await walkFiles(nodeFileSystem, root, { token: noCancellation });
  const posts = files.filter((file) => file.endsWith('.md'));
  let bytes = 0;
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < posts.length) bytes += (await fs.readFile(posts[next++]!)).byteLength;
  }));
  return bytes;
}

export async function rawReadBlocking(root: string): Promise<number> {
  const { files } = await walkFiles(blockingNodeFileSystem, root, { token: noCancellation });
  let bytes = 0;
  for (const file of files) if (file.endsWith('.md')) bytes += readFileSync(file).byteLength;
  return bytes;
}

interface ToolState {
  readonly samples: number[];
  maxRssKb: number | undefined;
  timedOut: boolean;
  done: boolean;
  score: Score | undefined;
  findings: number;
}

export async function compareWholeSite(site: GeneratedSite, tools: readonly CheckerTool[], limits: Limits, log: (line: string) => void): Promise<WholeSiteResult> {
  for (const tool of tools) await tool.prepareSite?.(site);
  await rawRead(site.root); // warm the OS cache for everyone alike
  const floor: number[] = [];
  const floorParallel: number[] = [];
  const floorBlocking: number[] = [];
  const nodeStartup: number[] = [];
  const states = new Map<CheckerTool, ToolState>(tools.map((tool) => [tool, { samples: [], maxRssKb: undefined, timedOut: false, done: false, score: undefined, findings: 0 }]));
  for (let round = 0; round < limits.runs; round++) {
    let start = performance.now();
    await rawRead(site.root);
    floorParallel.push(performance.now() - start);
    start = performance.now();
    await rawReadBlocking(site.root);
    floorBlocking.push(performance.now() - start);
    floor.push(Math.min(floorParallel.at(-1)!, floorBlocking.at(-1)!));
    nodeStartup.push((await runMeasured(process.execPath, ['-e', '0'], site.root, limits.timeoutMs)).ms);
    for (const [tool, state] of states) {
      if (state.done) continue;
      const { args, cwd } = tool.command(site);
      const run = await runMeasured(process.execPath, args, cwd, limits.timeoutMs);
      if (run.timedOut) {
        log(`  ${tool.name}: stopped after ${(limits.timeoutMs / 1000).toFixed(0)} s`);
        state.timedOut = true;
        state.done = true;
        continue;
      }
      state.samples.push(run.ms);
      if (run.maxRssKb !== undefined) state.maxRssKb = Math.max(state.maxRssKb ?? 0, run.maxRssKb);
      if (!state.score) {
        // The output is the same every run; score the first.
        const findings = tool.parse(run, site);
        state.score = score(site, findings);
        state.findings = findings.length;
      }
      log(`  ${tool.name}: run ${state.samples.length}, ${(run.ms / 1000).toFixed(2)} s`);
      if (run.ms > limits.slowRunMs) state.done = true;
    }
  }
  return {
    posts: site.posts,
    floor: stats(floor),
    floorParallel: stats(floorParallel),
    floorBlocking: stats(floorBlocking),
    nodeStartup: stats(nodeStartup),
    tools: [...states].map(([tool, state]) => ({
      tool,
      time: state.samples.length > 0 ? stats(state.samples) : undefined,
      timedOut: state.timedOut,
      maxRssKb: state.maxRssKb,
      score: state.score,
      findings: state.findings,
    })),
  };
}
