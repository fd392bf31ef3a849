// `npm run bench:warm`: the CLI's `--cache` on the generated 10,000-post site (BENCH_WARM_POSTS),
// each run a new process of the production CLI bundle: a cold run without the cache (before), the
// first run with it (which writes it), a re-run with nothing changed, and re-runs with 1% of the posts
// edited; against the floor of a fresh process that lists the site and stats every post. Also the
// cache's size on disk and in the heap once parsed. Writes the "Warm starts" section of
// docs/benchmarks.md (run.ts carries it over). Works on a copy of the site: the shared one stays as it is.
// BENCH_CLI_BEFORE=<a cli.js built before a change>: its cached re-runs are timed too, alternating with
// this build's in each round (the machine's load then weighs on both alike), and shown beside them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSite } from './generateSite';
import { copyCli } from './productionBuild';
import { runMeasured } from './measureProcess';
import { range, ratio, stats, type Stats } from './stats';
import { assertCompleted, projectRoot } from './tools/tool';
import { createPostcraftService, readCheckCache, type CheckCache } from '../src/core/index';
import { blockingNodeFileSystem } from '../src/node/index';

const posts = Number(process.env['BENCH_WARM_POSTS'] ?? 10_000);
const cliBefore = process.env['BENCH_CLI_BEFORE'];
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const timeoutMs = 600_000;
const log = (line: string) => process.stderr.write(`${line}\n`);

// Every Markdown file listed and stat'ed, nothing read: what a cache that trusts sizes and mtimes must do at least.
const listAndStat = `
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
let posts = 0;
const visit = (dir) => { for (const entry of readdirSync(dir, { withFileTypes: true })) {
  const path = join(dir, entry.name);
  if (entry.isDirectory()) { if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(path); }
  else if (entry.name.endsWith('.md')) { statSync(path); posts++; }
} };
visit(process.argv[1]);
process.stdout.write(String(posts));`;

// Every file of every folder listed and stat'ed: what the run snapshot replays (src/core/cache/runSnapshot.ts),
// since a check reads the images as well as the posts (their weights for heavy-image).
const listAndStatAll = listAndStat.replace("else if (entry.name.endsWith('.md')) { statSync(path); posts++; }", 'else { statSync(path); posts++; }');
if (listAndStatAll === listAndStat) throw new Error('bench/warmStart.ts: the floor script changed; update listAndStatAll');

// What a re-run answered from the snapshot must do at least, in a bare loop: the snapshot (the cache file's
// first line) read, each folder it names listed, and each file in them that the last run read or stat'ed
// stat'ed (src/core/cache/runSnapshot.ts), on one thread.
const replayBare = `
const { closeSync, openSync, readSync, readdirSync, statSync } = require('node:fs');
const fd = openSync(process.argv[1], 'r');
const buffer = Buffer.alloc(8 << 20);
const length = readSync(fd, buffer, 0, buffer.length, 0);
closeSync(fd);
const line = buffer.subarray(0, length).toString('utf8').split('\\n')[0];
const { inputs } = JSON.parse(line);
let stats = 0;
inputs.folders.forEach((folder, index) => {
  const looked = inputs.looked[index] === null ? null : new Set(inputs.looked[index]);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isFile() && (looked === null || looked.has(entry.name))) { statSync(folder + '/' + entry.name); stats++; }
  }
});
process.stdout.write(String(stats));`;

// The cache file parsed, as the CLI does when its snapshot does not answer (both lines), and the heap it takes.
const heapOfCache = `
const { readFileSync } = require('node:fs');
global.gc(); const before = process.memoryUsage().heapUsed;
const cache = readFileSync(process.argv[1], 'utf8').trim().split('\\n').map((line) => JSON.parse(line));
global.gc(); process.stdout.write(String(process.memoryUsage().heapUsed - before + (cache ? 0 : 1)));`;

/** The production CLI bundle, copied where no other build replaces it while the bench runs. */
function buildCli(outdir: string): string {
  execFileSync(process.execPath, ['esbuild.config.mjs', '--production', '--only=cli'], { cwd: projectRoot, stdio: 'inherit' });
  copyCli(outdir);
  return join(outdir, 'cli.js');
}

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.md')) found.push(join(entry.parentPath, entry.name));
  return found.sort();
}

async function main(): Promise<void> {
  const [load1] = loadavg();
  const scratch = mkdtempSync(join(tmpdir(), 'postcraft-warm-'));
  try {
    const cli = buildCli(scratch);
    const shared = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${posts}`), posts);
    const root = join(scratch, 'site');
    log(`copying the ${posts}-post site…`);
    cpSync(shared.root, root, { recursive: true });
    const cacheFile = join(scratch, 'cache.json');
    const cacheFileBefore = join(scratch, 'cache-before.json');
    const check = async (cache: boolean, bundle = cli) => {
      const location = bundle === cli ? cacheFile : cacheFileBefore;
      const run = await runMeasured(process.execPath, [bundle, 'check', root, '--format', 'json', ...(cache ? ['--cache', '--cache-location', location] : [])], projectRoot, timeoutMs);
      assertCompleted('postcraft', run);
      return run;
    };
    /** This build's cached run and, alternating which goes first, the earlier build's. */
    const cachedPair = async (round: number, intoBefore: number[]) => {
      if (!cliBefore) return check(true);
      const first = round % 2 === 0;
      if (!first) intoBefore.push((await check(true, cliBefore)).ms);
      const run = await check(true);
      if (first) intoBefore.push((await check(true, cliBefore)).ms);
      return run;
    };
    const allPosts = markdownFiles(join(root, 'content', 'blog'));
    const onePercent = Math.max(1, Math.round(allPosts.length / 100));
    let edits = 0;
    const editOnePercent = () => {
      for (let i = 0; i < onePercent; i++) {
        const file = allPosts[(edits * 7919 + i * 97) % allPosts.length]!;
        writeFileSync(file, `${readFileSync(file, 'utf8')}\nAn edit, ${edits}.\n`);
      }
      edits++;
    };

    const cpu = { floor: [] as number[], floorAll: [] as number[], replay: [] as number[], unchanged: [] as number[], onePercent: [] as number[] };
    const samples = { floorAll: [] as number[], floor: [] as number[], replay: [] as number[], uncached: [] as number[], first: [] as number[], unchanged: [] as number[], onePercent: [] as number[], unchangedBefore: [] as number[], onePercentBefore: [] as number[] };
    let findings = { uncached: '', cached: '' };
    for (let round = 0; round < runs; round++) {
      rmSync(cacheFile, { force: true });
      rmSync(cacheFileBefore, { force: true });
      const floor = await runMeasured(process.execPath, ['-e', listAndStat, root], projectRoot, timeoutMs);
      const floorAll = await runMeasured(process.execPath, ['-e', listAndStatAll, root], projectRoot, timeoutMs);
      samples.floor.push(floor.ms);
      samples.floorAll.push(floorAll.ms);
      cpu.floor.push(floor.cpuMs ?? Number.NaN);
      cpu.floorAll.push(floorAll.cpuMs ?? Number.NaN);
      const uncached = await check(false);
      samples.uncached.push(uncached.ms);
      samples.first.push((await check(true)).ms);
      if (cliBefore) await check(true, cliBefore);
      const replay = await runMeasured(process.execPath, ['-e', replayBare, cacheFile], projectRoot, timeoutMs);
      samples.replay.push(replay.ms);
      cpu.replay.push(replay.cpuMs ?? Number.NaN);
      const unchanged = await cachedPair(round, samples.unchangedBefore);
      samples.unchanged.push(unchanged.ms);
      cpu.unchanged.push(unchanged.cpuMs ?? Number.NaN);
      if (round === 0) findings = { uncached: uncached.stdout, cached: unchanged.stdout };
      editOnePercent();
      const changed = await cachedPair(round, samples.onePercentBefore);
      samples.onePercent.push(changed.ms);
      cpu.onePercent.push(changed.cpuMs ?? Number.NaN);
      log(`round ${round + 1}: floor ${samples.floor.at(-1)!.toFixed(0)} ms, uncached ${uncached.ms.toFixed(0)} ms, cached unchanged ${unchanged.ms.toFixed(0)} ms, 1% changed ${samples.onePercent.at(-1)!.toFixed(0)} ms`);
    }
    if (findings.uncached === '' || findings.uncached !== findings.cached) throw new Error('the cached run reported other findings than the uncached one');
    const editor = await measureEditorPath(root, runs);
    const diskKb = statSync(cacheFile).size / 1024;
    const heapKb = Number(execFileSync(process.execPath, ['--expose-gc', '-e', heapOfCache, cacheFile], { encoding: 'utf8' })) / 1024;
    const before = cliBefore ? { unchanged: stats(samples.unchangedBefore), changed: stats(samples.onePercentBefore) } : undefined;
    const cpuStats = { floor: stats(cpu.floor), floorAll: stats(cpu.floorAll), replay: stats(cpu.replay), unchanged: stats(cpu.unchanged), changed: stats(cpu.onePercent) };
    writeSection(renderSection({ posts, onePercent, load1: load1!, cpu: cpuStats, floorAll: stats(samples.floorAll), replay: stats(samples.replay), floor: stats(samples.floor), uncached: stats(samples.uncached), first: stats(samples.first), unchanged: stats(samples.unchanged), changed: stats(samples.onePercent), before, diskKb, heapKb, editor }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface WarmFigures {
  readonly posts: number;
  readonly onePercent: number;
  readonly load1: number;
  readonly floor: Stats;
  /** Every file of the listed folders stat'ed, not only the posts: what the run snapshot replays. */
  readonly floorAll: Stats;
  readonly replay: Stats;
  /** CPU time (user and system) of the floors and the cached re-runs. */
  readonly cpu: { readonly floor: Stats; readonly floorAll: Stats; readonly replay: Stats; readonly unchanged: Stats; readonly changed: Stats };
  readonly uncached: Stats;
  readonly first: Stats;
  readonly unchanged: Stats;
  readonly changed: Stats;
  /** The cached re-runs of the build given as BENCH_CLI_BEFORE, in the same rounds. */
  readonly before: { readonly unchanged: Stats; readonly changed: Stats } | undefined;
  readonly diskKb: number;
  readonly heapKb: number;
  readonly editor: EditorFigures;
}

interface EditorFigures {
  readonly cold: Stats;
  readonly warm: Stats;
}

/**
 * The extension's path in the core, in this process: open the workspace and check every post, cold
 * (as today) and warm (from the cache the last start kept, read back from JSON as the extension does).
 */
async function measureEditorPath(root: string, count: number): Promise<EditorFigures> {
  const cold: number[] = [];
  const warm: number[] = [];
  let kept: CheckCache | undefined;
  for (let round = 0; round < count; round++) {
    let start = performance.now();
    const coldService = createPostcraftService({ fs: blockingNodeFileSystem, checksAfterOpening: () => true });
    await coldService.openWorkspace([root]);
    const expected = await coldService.checkWorkspace({});
    cold.push(performance.now() - start);
    start = performance.now();
    const warmService = createPostcraftService({ fs: blockingNodeFileSystem, checksAfterOpening: () => true });
    await warmService.openWorkspace([root], undefined, { previous: kept, options: {}, version: 'bench' });
    const found = await warmService.checkWorkspace({});
    if (kept) warm.push(performance.now() - start);
    kept = readCheckCache(JSON.parse(JSON.stringify(warmService.checkCache)));
    if (JSON.stringify([...found]) !== JSON.stringify([...expected])) throw new Error('the warm start found other findings than the cold one');
    log(`editor path round ${round + 1}: cold ${cold.at(-1)!.toFixed(0)} ms${warm.length > round - 1 && round > 0 ? `, warm ${warm.at(-1)!.toFixed(0)} ms` : ''}`);
  }
  return { cold: stats(cold), warm: stats(warm.length > 0 ? warm : [Number.NaN]) };
}

function renderSection(f: WarmFigures): string {
  const row = (what: string, s: Stats, target: string, before?: Stats) =>
    `| ${what} | ${range(s)} | ${ratio(s.median / f.floor.median)} | ${target} |${f.before ? (before ? ` ${range(before)} | ${ratio(before.median / f.floor.median)} |` : ' | |') : ''}`;
  const beforeHeader = f.before ? ' Before the change | × floor |' : '';
  return `## Warm starts

\`postcraft check --cache\` on the generated ${f.posts.toLocaleString('en')}-post Hugo site, each run a new process of the
production CLI bundle (\`bench/warmStart.ts\`, ${f.floor.runs} rounds, median (min–max)). The floor: a fresh Node process
that lists the site and stats every Markdown file, reading none. The machine (${cpus().length} cores) was shared with
other work while this ran (load average ${f.load1.toFixed(1)} at the start): the absolute times are inflated; the
ratios of the medians are what to compare.

| Run | Time | × floor | Target |${beforeHeader}
| --- | ---: | ---: | --- |${f.before ? ' ---: | ---: |' : ''}
${row('List and stat every post (floor)', f.floor, '')}
${row('List and stat every file (posts and images)', f.floorAll, '')}
${row('List the last run\'s folders, stat the files it read (the replay, bare, one thread)', f.replay, '')}
${row('No cache', f.uncached, '')}
${row('First run with \`--cache\` (writes it)', f.first, '')}
${row('Re-run, nothing changed', f.unchanged, '≤ 1.5×', f.before?.unchanged)}
${row(`Re-run, 1% of posts changed (${f.onePercent})`, f.changed, '≤ 2×', f.before?.changed)}
${f.before ? '\nBefore the change: the cached re-runs of the build given as `BENCH_CLI_BEFORE` (here the one before the changes\nlisted at the end of this section), each round alternating which of the two goes first.\n' : ''}
The editor's path in the core (\`openWorkspace\` then \`checkWorkspace\`, in one process, no VS Code): cold
${range(f.editor.cold)}, warm from the kept cache ${range(f.editor.warm)} (${ratio(f.editor.cold.median / f.editor.warm.median)} faster);
the warm start's findings are checked to be those of the cold one. In the real editor, activation → whole-site
diagnostics: see "In the editor" below (bench/editorWarmStart.ts); the integration test checks that a
start from the kept cache shows the same diagnostics. The first run with \`--cache\` costs more than one without:
each post is hashed and the cache written.

In CPU time (user and system, all threads; the load sways it less than the wall time), median of the same runs:
the floor ${f.cpu.floor.median.toFixed(0)} ms, every file stat'ed ${f.cpu.floorAll.median.toFixed(0)} ms, the bare replay ${f.cpu.replay.median.toFixed(0)} ms; a re-run with nothing changed
${f.cpu.unchanged.median.toFixed(0)} ms (${ratio(f.cpu.unchanged.median / f.cpu.floor.median)} the floor, ${ratio(f.cpu.unchanged.median / f.cpu.replay.median)} the bare replay), with 1% changed ${f.cpu.changed.median.toFixed(0)} ms (${ratio(f.cpu.changed.median / f.cpu.floor.median)} the floor).

The cache: ${(f.diskKb / 1024).toFixed(1)} MB on disk, ${(f.heapKb / 1024).toFixed(1)} MB of heap once parsed. The findings of
the cached re-run are checked to be the same as those of the run without the cache.

${warmGap}
`;
}

// Kept with the figures: what a CPU profile of a cached re-run shows, what was cut, what is left.
const warmGap = `How a re-run with nothing changed is answered: from the last run's snapshot (\`src/core/cache/runSnapshot.ts\`,
the first line of the cache file). The run records every folder it listed, every file it read or stat'ed, and
every path it looked up outside those folders; the re-run lists the folders again and stats the files the last
run read or stat'ed (the posts, the data and config files, and the images whose weight heavy-image reads; an
image Hugo processes from \`assets/\` was only listed, and counts by its name), hashes what it sees, and when the
digest is the last run's, prints the last run's findings: no post read or parsed, no site model, and none of the
checks' code loaded (\`src/core/results.ts\` is all the answer needs; the rest of the bundle is required on a
miss). On this site that is 3,970 folders listed and 23,653 files stat'ed, where the first version of the
snapshot stat'ed every one of the 44,935 files and each folder. Its floor is the third row, the same system calls in a bare loop; what it
adds is loading the CLI's front (a bundle of 65 KB; the checks are another, \`dist/checking.js\`, loaded on a
miss), the snapshot read (0.5 MB), the report, and the seam's cost per folder and file. A second thread for the stats was tried and dropped: on this machine a worker's start and the
transfer of its answers cost what it saved, whether it took half the stats, chunks of them as it could, or
half the folders to list and stat (measured, docs/performance.md). Issue 17's ≤ 1.5× of the posts-only floor needs the images'
stats on top of the posts' (a heavier copy of an image a post shows must change the answer): that floor leaves
out 13,600 of the 23,650 stats a sound answer needs. A run that read a file modified in the two seconds before
it started keeps no snapshot (its mtime may hide a later change), nor does one past the date of a future-dated
post (Hugo and Jekyll publish it then).

With 1% changed, the snapshot does not answer, and the per-post cache (second line) does the work, on the
listings and stats the replay just made (\`src/core/cache/runFileSystem.ts\`: one run, one look at each folder
and file): the cache parsed (8 MB of JSON), the site model rebuilt from it, the changed posts read and checked,
and the site-wide indexes their checks need built as a cold run builds them (Hugo's content tree, the URL map and
did-you-mean lookups for links, the tag vocabulary). What the cached re-runs no longer do: list and stat the site
a second time after the replay, or look up the real path of each image a second listing used to seed (136,000
\`readlink\` calls); list each folder twice; write the cache anew when nothing in it changed; serialize every
page's summary to hash the model's \`pages\` part; sort every tag's posts for the \`tags\` part; weigh every
image of the site at each load. Where the rest goes (CPU profile): the garbage collector, about a fifth (47
scavenges: 8 MB of JSON parsed into objects that live to the end), parsing and writing the cache (about 0.15 s),
and rebuilding the site model and its indexes. Left for the ≤ 2× target: keeping the content tree, URL map and
tag vocabulary in the cache instead of rebuilding them, and the site model itself in a form read without
building every object, so that a 1% re-run touches only what changed.`;

/** Replaces (or appends) the section in docs/benchmarks.md, leaving the others, and its "### In the editor" part (bench/editorWarmStart.ts), as they are. */
function writeSection(section: string): void {
  const file = join(projectRoot, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const existing = /^## Warm starts\n[\s\S]*?(?=^## |^### In the editor\n|(?![\s\S]))/m;
  writeFileSync(file, existing.test(text) ? text.replace(existing, section) : `${text.trimEnd()}\n\n${section}`);
  process.stdout.write(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
