// `npm run bench`: Postcraft against the raw floor and its peers on generated Hugo sites, plus the
// editor paths; writes docs/benchmarks.md. BENCH_RUNS, BENCH_SIZES, BENCH_SLOW_RUN_S and
// BENCH_TIMEOUT_S adjust the effort.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureEditorLatency } from './editorLatency';
import { measureLinkCost } from './linkCost';
import { measureServerLatency } from './serverLatency';
import { measureEditorPathsInFreshProcess, measureManyTagCompletion } from './editorPaths';
import { generateSite } from './generateSite';
import { canMeasureMemory } from './measureProcess';
import { measurePreviewRender } from './previewRender';
import { buildProduction } from './productionBuild';
import { renderReport } from './report';
import { markdownLanguageService } from './tools/markdownLanguageService';
import { markdownlint } from './tools/markdownlint';
import { lockedPeersWantingNewerNode } from './tools/peers';
import { postcraft, postcraftCached } from './tools/postcraft';
import { remarkValidateLinks } from './tools/remarkValidateLinks';
import { projectRoot, type CheckerTool } from './tools/tool';
import { compareWholeSite, type Limits } from './wholeSite';

const limits: Limits = {
  runs: Number(process.env['BENCH_RUNS'] ?? 5),
  slowRunMs: Number(process.env['BENCH_SLOW_RUN_S'] ?? 120) * 1000,
  timeoutMs: Number(process.env['BENCH_TIMEOUT_S'] ?? 300) * 1000,
};
const sizes = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number);
// Postcraft first: the report's ratios are taken against it; then its re-run from the cache.
const tools: readonly CheckerTool[] = [postcraft, postcraftCached, markdownLanguageService, remarkValidateLinks, markdownlint];
const log = (line: string) => process.stderr.write(`${line}\n`);

function describeMachine(): string {
  const [load1, load5] = loadavg();
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}; load average ${load1!.toFixed(1)} (1 min), ${load5!.toFixed(1)} (5 min) at the start`;
}

async function main(): Promise<void> {
  const machine = describeMachine(); // before the bench adds its own load
  const bundles = buildProduction();
  for (const tool of tools) await tool.prepare?.();
  const sites = [];
  for (const size of sizes) {
    log(`${size} posts: generating (cached)…`);
    const site = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${size}`), size);
    log(`${size} posts: whole-site checks…`);
    const whole = await compareWholeSite(site, tools, limits, log);
    log(`${size} posts: long-lived service and editor paths…`);
    const editor = await measureEditorPathsInFreshProcess(site, limits.runs, 4 * limits.timeoutMs);
    sites.push({ whole, editor });
  }
  const largestSite = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${Math.max(...sizes)}`), Math.max(...sizes));
  log(`${largestSite.posts} posts: the cost of checking links…`);
  const linkCost = await measureLinkCost(largestSite, limits.runs, limits.timeoutMs);
  const serverLatency = [];
  for (const size of sizes) {
    log(`${size} posts: the language server against the core in process…`);
    serverLatency.push(await measureServerLatency(size, 40, Math.min(limits.runs, 3)));
  }
  const manyTags = await measureManyTagCompletion(10_000);
  const previewRender = await measurePreviewRender();
  // In the real editor, on the largest site: edit → diagnostics, and activation.
  const largest = Math.max(...sizes);
  log(`${largest} posts: keystroke → diagnostics in VS Code…`);
  const editorLatency = await measureEditorLatency(generateSite(join(projectRoot, 'bench', '.sites', `hugo-${largest}`), largest));
  const report = renderReport({
    date: new Date().toISOString().slice(0, 10),
    machine,
    limits,
    memoryMeasured: canMeasureMemory,
    tools,
    peersWantingNewerNode: lockedPeersWantingNewerNode(),
    sites,
    manyTags,
    linkCost,
    serverLatency,
    carriedSections: carriedSections(join(projectRoot, 'docs', 'benchmarks.md'), ['Web bundle', 'Every core and a smaller start', 'Warm starts']),
    previewRender,
    editorLatency,
    bundlesKb: { extension: bundles.extensionKb, cli: bundles.cliKb },
  });
  writeFileSync(join(projectRoot, 'docs', 'benchmarks.md'), report);
  process.stdout.write(report);
}

/** The named \`## \` sections of the current report, which other scripts measure and write. */
function carriedSections(file: string, headings: readonly string[]): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  return headings
    .map((heading) => new RegExp(`^## ${heading}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm').exec(text)?.[0])
    .filter((section): section is string => section !== undefined)
    .join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
