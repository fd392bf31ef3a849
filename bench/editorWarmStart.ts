// `npm run bench:editor-warm`: activation → the whole site's diagnostics in the real editor, cold and
// warm. Each round starts VS Code (code-server, scripts/host) twice on a copy of the generated site with
// `postcraft.validate.workspace` on and the same user data: the cold start (no kept cache; it writes
// one), then the warm start (from that cache). bench/editor/warmStartProbe.ts measures in the extension
// host. Writes the "### In the editor" part of docs/benchmarks.md's "Warm starts" (`--no-write`: only prints).
//   node --import tsx bench/editorWarmStart.ts [posts] [--no-write]
// BENCH_RUNS rounds (3), BENCH_EDITOR_HOSTS (newest; e.g. "newest,oldest"), BENCH_EXTENSION_BEFORE=<commit>:
// that commit's extension, built apart, is measured too, alternating with this one in each round.
// POSTCRAFT_BENCH_PROFILE=<folder>: CPU profiles of the extension host; BENCH_KEEP_USER_DATA=1 keeps the
// scratch folder (code-server's logs, Postcraft's among them) for a look afterwards.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSite } from './generateSite';
import { range, stats, type Stats } from './stats';
import { projectRoot } from './tools/tool';

// @ts-expect-error: a plain ES module without types
import { freePort } from '../scripts/host/server.mjs';

const posts = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const write = !process.argv.includes('--no-write');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const hostNames = (process.env['BENCH_EDITOR_HOSTS'] ?? 'newest').split(',');
const beforeCommit = process.env['BENCH_EXTENSION_BEFORE'];
const log = (line: string) => process.stderr.write(`${line}\n`);

/** What the probe reports from one start. */
interface ProbeResult {
  readonly kind: 'cold' | 'warm';
  readonly vscode: string;
  readonly posts: number;
  readonly activationMs: number;
  readonly indexedMs: number;
  readonly firstPublishMs?: number;
  /** The file of that first publish. */
  readonly firstUri?: string;
  readonly lastPublishMs?: number;
  /** Every file shows the diagnostics it ends up with (kept ones, where they stand, count from when they were shown). */
  readonly completeMs?: number;
  readonly settledMs: number;
  readonly lastApiChangeMs?: number;
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly heapMb: number;
  readonly cacheBytes?: number;
  readonly cacheHeapMb?: number;
  readonly diagnostics: { readonly files: number; readonly count: number; readonly sha1: string };
}

/** The extension of `commit`, built in its own folder (node_modules shared). */
function buildBefore(commit: string, scratch: string): string {
  const dir = join(scratch, 'before');
  mkdirSync(dir);
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${JSON.stringify(dir)}`], { cwd: projectRoot, stdio: 'inherit' });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

async function runProbe(host: string, extension: string, workspace: string, dataDir: string, port: number, kind: 'cold' | 'warm', probe: string): Promise<ProbeResult> {
  // @ts-expect-error: a plain ES module without types; imported when needed (it has top-level await)
  const { runInHost } = await import('../scripts/integrationTests.mjs');
  process.env['POSTCRAFT_BENCH_RUN'] = kind; // code-server passes it on to the extension host
  let payload: string | undefined;
  let failure: string | undefined;
  const result = await runInHost(host, {
    workspace,
    extensionTestsPath: probe,
    dataDir,
    port,
    extension,
    onLine: (line: string) => {
      if (line.startsWith('postcraft-bench ')) payload = line.slice('postcraft-bench '.length);
      else if (line.startsWith('postcraft-bench-error ')) failure = line;
    },
  });
  if (!payload) throw new Error(`the ${kind} probe gave no result (exit ${result.exitCode}): ${failure ?? 'no output'}`);
  return JSON.parse(payload) as ProbeResult;
}

/** The time until the whole site's diagnostics are shown as they end up (the extension's side). */
const shownMs = (r: ProbeResult) => r.completeMs ?? r.lastPublishMs ?? r.settledMs;

interface Variant {
  readonly name: string;
  readonly extension: string;
  readonly cold: ProbeResult[];
  readonly warm: ProbeResult[];
}

async function main(): Promise<void> {
  const [load1] = loadavg();
  const scratch = mkdtempSync(join(tmpdir(), 'postcraft-editor-warm-'));
  try {
    execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: projectRoot, stdio: 'inherit' });
    const outdir = join(scratch, 'probe');
    await esbuild.build({ entryPoints: { index: join(projectRoot, 'bench', 'editor', 'warmStartProbe.ts') }, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
    const probe = join(outdir, 'index');
    const shared = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${posts}`), posts);
    const site = join(scratch, 'site');
    log(`copying the ${posts}-post site…`);
    cpSync(shared.root, site, { recursive: true });
    mkdirSync(join(site, '.vscode'), { recursive: true });
    writeFileSync(join(site, '.vscode', 'settings.json'), JSON.stringify({ 'postcraft.validate.workspace': true }, null, 2));
    const results: { host: string; variants: Variant[] }[] = [];
    const before = beforeCommit && buildBefore(beforeCommit, scratch); // once for every host
    for (const host of hostNames) {
      const variants: Variant[] = [{ name: 'this build', extension: projectRoot, cold: [], warm: [] }];
      if (beforeCommit && before) variants.push({ name: `before (${beforeCommit})`, extension: before, cold: [], warm: [] });
      for (let round = 0; round < runs; round++) {
        const order = round % 2 === 0 ? variants : [...variants].reverse();
        for (const variant of order) {
          const dataDir = mkdtempSync(join(scratch, 'user-'));
          // The same port too: the workspace storage's name comes from the folder's URI, port included.
          const port = await freePort();
          try {
            const cold = await runProbe(host, variant.extension, site, dataDir, port, 'cold', probe);
            const warm = await runProbe(host, variant.extension, site, dataDir, port, 'warm', probe);
            if (cold.diagnostics.sha1 !== warm.diagnostics.sha1) throw new Error(`the warm start showed other diagnostics than the cold one (${JSON.stringify(cold.diagnostics)} vs ${JSON.stringify(warm.diagnostics)})`);
            if (variant !== variants[0] && cold.diagnostics.sha1 !== variants[0]!.cold[0]?.diagnostics.sha1 && variants[0]!.cold.length > 0) log(`note: ${variant.name} shows other diagnostics than this build`);
            variant.cold.push(cold);
            variant.warm.push(warm);
            log(`${host} ${variant.name} round ${round + 1}: cold ${shownMs(cold).toFixed(0)} ms, warm ${shownMs(warm).toFixed(0)} ms (indexed ${warm.indexedMs.toFixed(0)}, first publish ${warm.firstPublishMs?.toFixed(0)} (${warm.firstUri}; cold ${cold.firstUri}), last publish ${warm.lastPublishMs?.toFixed(0)}, settled ${warm.settledMs.toFixed(0)}), ${warm.diagnostics.files} files with ${warm.diagnostics.count} diagnostics`);
          } finally {
            if (!process.env['BENCH_KEEP_USER_DATA']) rmSync(dataDir, { recursive: true, force: true });
          }
        }
      }
      results.push({ host, variants });
    }
    const section = render(results, load1!);
    process.stdout.write(section);
    if (write) writeSubsection(section);
  } finally {
    if (!process.env['BENCH_KEEP_USER_DATA']) rmSync(scratch, { recursive: true, force: true });
  }
}

function render(results: readonly { host: string; variants: Variant[] }[], load1: number): string {
  const of = (list: readonly ProbeResult[], value: (r: ProbeResult) => number | undefined): Stats => stats(list.map((r) => value(r) ?? Number.NaN));
  const mb = (s: Stats) => `${s.median.toFixed(1)} MB`;
  const lines: string[] = [];
  for (const { variants } of results) {
    const first = variants[0]!;
    const warm = first.warm[0]!;
    lines.push(`In VS Code ${warm.vscode} (${first.cold.length} rounds; ${warm.posts.toLocaleString('en')} posts, ${warm.diagnostics.count.toLocaleString('en')} diagnostics in ${warm.diagnostics.files.toLocaleString('en')} files, the same cold and warm):`);
    lines.push('');
    const header = variants.map((variant) => ` ${variant.name} cold | ${variant.name} warm |`).join('');
    lines.push(`| From activation to |${header}`);
    lines.push(`| --- |${variants.map(() => ' ---: | ---: |').join('')}`);
    const row = (what: string, value: (r: ProbeResult) => number | undefined, format: (s: Stats) => string = range) => lines.push(`| ${what} |${variants.map((variant) => ` ${format(of(variant.cold, value))} | ${format(of(variant.warm, value))} |`).join('')}`);
    row('`activate` returned', (r) => r.activationMs);
    row('the site indexed (`session.ready`)', (r) => r.indexedMs);
    row("Postcraft's first diagnostics published", (r) => r.firstPublishMs);
    row("**the whole site's diagnostics shown as they end up** (target warm ≤ 1 s)", shownMs);
    row("the whole check's last diagnostics published", (r) => r.lastPublishMs);
    row('the whole-site check finished', (r) => r.settledMs);
    row('`onDidChangeDiagnostics` last fired (VS Code batches it by 50 ms)', (r) => r.lastApiChangeMs);
    row("extension host's event-loop delay, worst (ms, until settled)", (r) => r.eventLoopDelayMs.max);
    row("extension host's heap after a full GC (all extensions)", (r) => r.heapMb, mb);
    lines.push('');
    const cache = first.cold.find((r) => r.cacheBytes !== undefined);
    if (cache) lines.push(`The kept cache (\`site-cache.json\` in the workspace storage): ${(cache.cacheBytes! / 2 ** 20).toFixed(1)} MB on disk, ${cache.cacheHeapMb!.toFixed(1)} MB of heap once parsed.`);
    lines.push('');
  }
  return `### In the editor

Activation → the whole site's diagnostics in the real editor (\`bench/editorWarmStart.ts\`, \`npm run bench:editor-warm\`):
each round starts VS Code (code-server) twice on a copy of the generated site with \`postcraft.validate.workspace\`
on and the same user data, so the same workspace storage: cold (no kept cache; it writes one), then warm (from that
cache). \`bench/editor/warmStartProbe.ts\` measures in the extension host, from the moment \`activate\` was called;
the warm start's diagnostics are checked to be the cold start's. Median (min–max). The machine (${cpus().length} cores) was
shared with other work (load average ${load1.toFixed(1)} at the start).${results[0]!.variants.length > 1 ? `
"before": the extension of the commit given as \`BENCH_EXTENSION_BEFORE\`, built apart, in the same rounds (each round
alternating which goes first). Cold and warm starts alike run VS Code's own extensions' start meanwhile.` : ''}

${lines.join('\n')}
${editorGap}
`;
}

// Kept with the figures: what the extension host's CPU profile showed, what was changed, what is left.
const editorGap = `Where the warm start's time went (CPU profile of the extension host, \`POSTCRAFT_BENCH_PROFILE\`): the site's
34,903 images, each stat'ed to find the heavy ones, and each through the confined file system, which looked up its
real path first (an \`lstat\`): 70,000 calls to the disk through \`fs.promises\`, 2.6 s of the extension host's thread
under this load, where the in-process figure above (\`blockingNodeFileSystem\`, synchronous calls) hides them. Now:
an image the walk listed (a plain file reached through no link) is stat'ed without the real-path lookup, and the
Node file system stats through Node's callback API, which costs the thread about half of \`fs.promises.stat\`.
The walk's file list is in the same order from one start to the next (folders are still listed in parallel): the
author registry followed whichever listing came back first, so the cache's hash of it changed now and then, and
such a warm start checked every post with an author again (7 s). Then the kept findings are shown first: once the
cache is read (about 0.1–0.5 s for 7.8 MB here), each post that had findings is stat'ed (400 stats, nothing
read) and, where its size and mtime are those recorded (and not within two seconds of the recording run's start),
its kept findings are published at once; the site then loads from the cache as before and the first whole check
replaces them all, never the other way round. A post changed since shows no finding until then, never its old ones;
what can show for that second or two is a kept finding about another file changed since (an image deleted or
added back, a linked heading renamed), or one made under check settings changed since. Typing is not held up: the
kept findings are one publish, and an open document's findings come from its text as before. Left: reading and
parsing the cache (\`JSON.parse\` of 7.8 MB); the load itself, still bound by a stat per post and per image.`;

/** Replaces (or appends) the "### In the editor" part of the "Warm starts" section, which bench/warmStart.ts leaves as it is. */
function writeSubsection(section: string): void {
  const file = join(projectRoot, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const existing = /^### In the editor\n[\s\S]*?(?=^#{2,3} |(?![\s\S]))/m;
  writeFileSync(file, existing.test(text) ? text.replace(existing, section) : `${text.trimEnd()}\n\n${section}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
