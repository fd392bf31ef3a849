// `npm run bench`: Postcraft against the physical floor (reading every file) on generated sites.
// Reports medians of ≥5 runs, min and max, peak memory, and writes docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createPostcraftService, nodeFileSystem } from '../src/core/index';
import { walkFiles } from '../src/core/site/walk';
import { noCancellation } from '../src/core/host/cancellation';
import { generateSite } from './generateSite';

const projectRoot = resolve(__dirname, '..');
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);

interface Stats { median: number; min: number; max: number }
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}
async function time(fn: () => Promise<unknown> | unknown, count = runs): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const range = (s: Stats) => `${ms(s.median)} ms (${ms(s.min)}–${ms(s.max)})`;

/** The floor: list every file and read every Markdown file, in parallel, as any whole-site check must. */
async function rawRead(root: string): Promise<number> {
  const { files } = await walkFiles(nodeFileSystem, root, { token: noCancellation });
  const posts = files.filter((file) => file.endsWith('.md'));
  let bytes = 0;
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < posts.length) bytes += (await fs.readFile(posts[next++]!)).byteLength;
  }));
  return bytes;
}

function cliRun(root: string): { ms: number; maxRssKb: number; findings: { code: string }[] } {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(projectRoot, 'dist/cli.js'), 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = performance.now() - start;
  const maxRssKb = Number(result.stderr.trim().split('\n').at(-1));
  return { ms: elapsed, maxRssKb, findings: (JSON.parse(result.stdout) as { findings: { code: string }[] }).findings };
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: projectRoot, stdio: 'inherit' });
  const rows: string[] = [];
  const editorRows: string[] = [];
  for (const size of sizes) {
    const site = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${size}`), size);
    process.stderr.write(`${size} posts: measuring…\n`);
    await rawRead(site.root); // warm the OS cache for everyone alike
    const floor = await time(() => rawRead(site.root));
    const cli: number[] = [];
    let rss = 0;
    let findings: { code: string }[] = [];
    for (let i = 0; i < runs; i++) {
      const run = cliRun(site.root);
      cli.push(run.ms);
      rss = Math.max(rss, run.maxRssKb);
      findings = run.findings;
    }
    const cliStats = stats(cli);
    const typos = findings.filter((finding) => finding.code === 'tag-typo').length;
    const broken = findings.filter((finding) => finding.code === 'broken-image').length;

    // In-process: the model's memory and the editor paths.
    (globalThis as { gc?: () => void }).gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const service = createPostcraftService({ fs: nodeFileSystem });
    const [model] = await service.openWorkspace([site.root]);
    (globalThis as { gc?: () => void }).gc?.();
    const modelMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    const postPath = [...model!.posts.keys()][Math.floor(size / 2)]!;
    const text = await fs.readFile(postPath, 'utf8');
    let edit = 0;
    const keystroke = await time(() => service.checkText(postPath, `${text}${' x'.repeat(++edit % 3)}`), 200);
    const cursor = text.indexOf('tags: [') + 'tags: ['.length;
    const completion = await time(() => service.completions(postPath, text, cursor), 200);
    rows.push(`| ${size.toLocaleString('en')} | ${range(floor)} | ${range(cliStats)} | **${(cliStats.median / floor.median).toFixed(1)}×** | ${(rss / 1024).toFixed(0)} MB | ${modelMb.toFixed(1)} MB | ${typos}/${site.planted.typos} typos, ${broken}/${site.planted.brokenImages} broken images |`);
    editorRows.push(`| ${size.toLocaleString('en')} | ${range(keystroke)} | ${range(completion)} (${model!.tags.size} tags) |`);
  }
  const bundleKb = (await fs.stat(join(projectRoot, 'dist/extension.js'))).size / 1024;
  const cliKb = (await fs.stat(join(projectRoot, 'dist/cli.js'))).size / 1024;
  const report = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Sites are generated Hugo blogs (\`bench/generateSite.ts\`): 3–8 KB posts, 2–5 images each, 40% page bundles, 30 authors,
~2,000 tags with a long tail, a planted tag typo in 1% of posts and a broken image in another 1%. Times are the median of
${runs} runs (min–max), with a warm OS file cache.

## Whole-site check

The floor lists every file and reads every post in parallel: no whole-site check can be faster. \`postcraft check\` is the
production CLI bundle, cold (a new process each run: start-up, indexing, every check, JSON output).

| Posts | Floor: list + read | \`postcraft check\` (cold) | Ratio to floor | Peak RSS | Site model (heap) | Recall |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## Editor paths (in the core)

| Posts | Keystroke → findings for one post | Tag completion |
| --- | --- | --- |
${editorRows.join('\n')}

Bundle sizes (production): extension ${bundleKb.toFixed(0)} KB, CLI ${cliKb.toFixed(0)} KB.
`;
  writeFileSync(join(projectRoot, 'docs', 'benchmarks.md'), report);
  process.stdout.write(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
