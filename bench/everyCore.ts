// Every core and a smaller start (docs/benchmarks.md): the CLI with one thread against worker threads,
// and the extension's bundles and the cost of loading them.
//   node --import tsx bench/everyCore.ts [rounds] [--before <commit>]
// Builds the production bundles into a scratch folder (dist/ may be rebuilt by others meanwhile), then
// alternates `--jobs 1` and `--jobs 2` run by run on each site, so that a busy machine slows both alike.
// `--before` also builds that commit's extension bundle, for its size and load time.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './tools/tool';

const rounds = Number(process.argv[2] ?? 5);
const beforeIndex = process.argv.indexOf('--before');
const before = beforeIndex > 0 ? process.argv[beforeIndex + 1] : undefined;
const scratch = mkdtempSync(join(tmpdir(), 'postcraft-every-core-'));

interface Run {
  readonly wallMs: number;
  /** User and system CPU time of the process and its threads. */
  readonly cpuMs: number;
  readonly stdout: string;
}

function build(from: string, into: string): void {
  execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: from, stdio: 'inherit' });
  cpSync(join(from, 'dist'), into, { recursive: true });
  // The CLI is built into its npm package (packages/cli) since it became one, its checks apart (checking.js)
  // since later; older commits built dist/cli.js.
  for (const bundle of ['cli.js', 'checking.js']) {
    const packaged = join(from, 'packages', 'cli', 'dist', bundle);
    if (existsSync(packaged)) cpSync(packaged, join(into, bundle));
  }
}

/** One CLI run under GNU time: wall and CPU time. */
function runCli(cli: string, site: string, jobs: number): Run {
  const timeFile = join(scratch, 'time');
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, cli, 'check', site, '--format', 'json', '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`postcraft --jobs ${jobs} on ${site} failed: ${result.stderr}`);
  const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wallMs, cpuMs: (user! + system!) * 1000, stdout: result.stdout };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function postsOf(output: string): number {
  return (JSON.parse(output) as { summary: { sites: { posts: number }[] } }).summary.sites.reduce((sum, site) => sum + site.posts, 0);
}

/**
 * Compiling a bundle as Node does when it is required (V8 parses it, lazily): the part of loading that
 * grows with its size, in a fresh process each time. Running it needs VS Code.
 */
function loadMs(bundle: string): number {
  const script = `const source = require('node:fs').readFileSync(${JSON.stringify(bundle)}, 'utf8'); const started = performance.now();
new (require('node:vm').Script)(require('node:module').wrap(source), { filename: ${JSON.stringify(bundle)} }); process.stdout.write(String(performance.now() - started));`;
  const times = Array.from({ length: rounds * 2 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return median(times);
}

const kb = (file: string) => Math.round(statSync(file).size / 1024);

const dist = join(scratch, 'dist');
build(projectRoot, dist);
const cli = join(dist, 'cli.js');
const load = loadavg()[0]!.toFixed(1);

const sites = [
  { name: 'hugo-blog fixture', root: join(projectRoot, 'test', 'fixtures', 'sites', 'hugo-blog') },
  { name: 'hugo-1000', root: join(projectRoot, 'bench', '.sites', 'hugo-1000') },
  { name: 'hugo-10000', root: join(projectRoot, 'bench', '.sites', 'hugo-10000') },
].filter((site) => existsSync(site.root));

const lines: string[] = [];
const table: { name: string; posts: number; one: Run[]; two: Run[] }[] = [];
for (const site of sites) {
  const one: Run[] = [];
  const two: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    one.push(runCli(cli, site.root, 1));
    two.push(runCli(cli, site.root, 2));
  }
  const same = one.every((run) => run.stdout === one[0]!.stdout) && two.every((run) => run.stdout === one[0]!.stdout);
  if (!same) throw new Error(`${site.name}: the output with two workers differs from one thread's`);
  table.push({ name: site.name, posts: postsOf(one[0]!.stdout), one, two });
  const wall = (runs: Run[]) => runs.map((run) => run.wallMs.toFixed(0)).join(' ');
  const cpu = (runs: Run[]) => runs.map((run) => run.cpuMs.toFixed(0)).join(' ');
  console.log(`${site.name}: --jobs 1 wall ${wall(one)} cpu ${cpu(one)}; --jobs 2 wall ${wall(two)} cpu ${cpu(two)}`);
}

lines.push(`Measured ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, load average ${load} at the start (other helpers' builds and tests ran meanwhile), median of ${rounds} alternating runs; JSON output identical with 1 and 2 workers on every site.`);
lines.push('');
lines.push('| Site | Posts | `--jobs 1` wall | `--jobs 2` wall | Speedup | `--jobs 1` CPU | `--jobs 2` CPU |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of table) {
  const wall1 = median(row.one.map((run) => run.wallMs));
  const wall2 = median(row.two.map((run) => run.wallMs));
  const cpu1 = median(row.one.map((run) => run.cpuMs));
  const cpu2 = median(row.two.map((run) => run.cpuMs));
  lines.push(`| ${row.name} | ${row.posts.toLocaleString('en')} | ${wall1.toFixed(0)} ms | ${wall2.toFixed(0)} ms | ${(wall1 / wall2).toFixed(2)}× | ${cpu1.toFixed(0)} ms | ${cpu2.toFixed(0)} ms |`);
}

// The model: T(N) = serial + parallel / N + N × overhead. The per-post cost is the slope of the one-thread
// run between the two generated sites; the overhead per worker is what two workers add on a site of a few
// posts, where there is nothing to share; the serial part is the rest of the one-thread run.
const small = table.find((row) => row.name.includes('fixture'));
const mid = table.find((row) => row.name === 'hugo-1000');
const large = table.find((row) => row.name === 'hugo-10000');
if (small && mid && large) {
  const wall = (runs: Run[]) => median(runs.map((run) => run.wallMs));
  const perPost = (wall(large.one) - wall(mid.one)) / (large.posts - mid.posts);
  const overhead = Math.max(0, (wall(small.two) - wall(small.one)) / 2);
  const parallel = perPost * large.posts;
  const serial = wall(large.one) - parallel;
  const predict = (workers: number) => serial + parallel / workers + workers * overhead;
  lines.push('');
  lines.push(`Model for 10,000 posts: T(N) = serial ${serial.toFixed(0)} ms + parallel ${parallel.toFixed(0)} ms / N + N × ${overhead.toFixed(0)} ms per worker (per post ${(perPost * 1000).toFixed(0)} µs).`);
  lines.push(`Predicted: 2 workers ${predict(2).toFixed(0)} ms (measured ${wall(large.two).toFixed(0)} ms), 8 workers ${predict(8).toFixed(0)} ms, 16 workers ${predict(16).toFixed(0)} ms.`);
}

lines.push('');
lines.push('| Bundle | Size |');
lines.push('| --- | ---: |');
const bundles = [
  ['Desktop extension (`dist/extension.js`, loaded at activation)', join(dist, 'extension.js')],
  ['Preview renderer (`dist/render.js`, at the first preview)', join(dist, 'render.js')],
  ['Web extension (`dist/web/extension.js`, loaded at activation)', join(dist, 'web', 'extension.js')],
  ['Web preview renderer (`dist/web/render.js`, at the first preview)', join(dist, 'web', 'render.js')],
] as const;
for (const [name, file] of bundles) lines.push(`| ${name} | ${kb(file)} KB |`);
lines.push('');
let loadLine = `Compiling the desktop bundle in Node (as \`require\` does before running it; median of ${rounds * 2} fresh processes): ${loadMs(join(dist, 'extension.js')).toFixed(1)} ms`;
if (before) {
  const old = join(scratch, 'before');
  mkdirSync(old);
  execFileSync('sh', ['-c', `git archive ${before} | tar -x -C ${old}`], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env } });
  symlinkSync(join(projectRoot, 'node_modules'), join(old, 'node_modules'));
  build(old, join(scratch, 'before-dist'));
  loadLine += `; at ${before.slice(0, 7)} (one bundle, ${kb(join(scratch, 'before-dist', 'extension.js'))} KB): ${loadMs(join(scratch, 'before-dist', 'extension.js')).toFixed(1)} ms`;
}
lines.push(`${loadLine}.`);

console.log(`\n${lines.join('\n')}`);
rmSync(scratch, { recursive: true, force: true });
