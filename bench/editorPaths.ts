// Postcraft as the extension runs it: one long-lived service. Indexing, the site model's memory, a
// warm re-check after one post changes on disk, and the per-keystroke paths. Run in a fresh process
// (serviceProbe.ts) so that the heap holds nothing but the service.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createPostcraftService } from '../src/core/index';
import { nodeFileSystem } from '../src/node/index';
import { inMemorySite } from '../src/core/host/inMemoryFileSystem';
import type { GeneratedSite } from './generateSite';
import { runMeasured } from './measureProcess';
import { stats, time, type Stats } from './stats';
import { projectRoot } from './tools/tool';

export interface EditorPathResult {
  readonly posts: number;
  readonly index: Stats;
  readonly firstCheck: Stats;
  readonly changedPostRecheck: Stats;
  readonly warmSiteRecheck: Stats;
  readonly modelHeapMb: number;
  readonly heapAfterCheckMb: number;
  readonly keystroke: Stats;
  readonly tagCompletion: Stats;
  readonly siteTags: number;
  /** Of the whole probe process (Node, tsx and the service), when GNU time is there. */
  readonly peakRssKb?: number | undefined;
}

const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc: heap figures need a full collection');
  collect();
  collect(); // a second pass frees what the first one's finalizers released
};
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;
const tagsLine = /^tags: \[/m;

export async function measureEditorPaths(site: GeneratedSite, runs: number): Promise<EditorPathResult> {
  gc();
  const heapBefore = heapMb();
  const service = createPostcraftService({ fs: nodeFileSystem });
  const indexStart = performance.now();
  const [model] = await service.openWorkspace([site.root]);
  const index = stats([performance.now() - indexStart]);
  if (!model) throw new Error(`no site detected in ${site.root}`);
  gc();
  const modelHeapMb = heapMb() - heapBefore;
  const checkStart = performance.now();
  await service.checkSite(model);
  const firstCheck = stats([performance.now() - checkStart]);
  gc();
  const heapAfterCheckMb = heapMb() - heapBefore;

  // One post changes on disk (a tag added, as a writer would); the watcher reports it; that post is checked.
  const postPath = [...model.posts.keys()].sort()[Math.floor(site.posts / 2)]!;
  const original = await fs.readFile(postPath, 'utf8');
  const recheckSamples: number[] = [];
  try {
    for (let edit = 1; edit <= Math.max(runs, 20); edit++) {
      await fs.writeFile(postPath, original.replace(tagsLine, `tags: ["edited-${edit}", `));
      const start = performance.now();
      await service.fileChanged(postPath, 'changed');
      await service.checkFile(postPath);
      recheckSamples.push(performance.now() - start);
    }
  } finally {
    await fs.writeFile(postPath, original); // the site stays as generated (its faults are scored)
    await service.fileChanged(postPath, 'changed');
  }
  const warmSiteRecheck = await time(() => service.checkSite(model), runs);

  let edit = 0;
  const keystroke = await time(() => service.checkText(postPath, `${original}${' x'.repeat(++edit % 3)}`), 200);
  const cursor = original.search(tagsLine) + 'tags: ['.length;
  const tagCompletion = await time(() => service.completions(postPath, original, cursor), 200);
  return { posts: site.posts, index, firstCheck, changedPostRecheck: stats(recheckSamples), warmSiteRecheck, modelHeapMb, heapAfterCheckMb, keystroke, tagCompletion, siteTags: model.tags.size };
}

/** `measureEditorPaths` in a fresh process (serviceProbe.ts), with that process's peak RSS. */
export async function measureEditorPathsInFreshProcess(site: GeneratedSite, runs: number, timeoutMs: number): Promise<EditorPathResult> {
  const probe = join(projectRoot, 'bench', 'serviceProbe.ts');
  const run = await runMeasured(process.execPath, ['--expose-gc', '--import', 'tsx', probe, site.root, String(site.posts), String(runs)], projectRoot, timeoutMs);
  if (run.exitCode !== 0) throw new Error(`service probe failed (exit ${run.exitCode}${run.timedOut ? ', timed out' : ''}): ${run.stderr.slice(0, 2000)}`);
  return { ...(JSON.parse(run.stdout) as EditorPathResult), peakRssKb: run.maxRssKb };
}

/** Tag completion when the site uses `distinctTags` different tags: a synthetic site held in memory. */
export async function measureManyTagCompletion(distinctTags: number): Promise<{ readonly time: Stats; readonly tags: number }> {
  const tagsPerPost = 5;
  const files: Record<string, string> = { 'hugo.toml': 'baseURL = "https://bench.example.org/"\ntitle = "Bench"\n' };
  for (let post = 0; post * tagsPerPost < distinctTags; post++) {
    const tags = Array.from({ length: tagsPerPost }, (_, i) => `"topic-${post * tagsPerPost + i}"`);
    files[`content/posts/post-${post}.md`] = `---\ntitle: "Post ${post}"\ndate: 2024-01-01\ntags: [${tags.join(', ')}]\n---\n\nText.\n`;
  }
  const text = '---\ntitle: "New post"\ndate: 2024-01-01\ntags: []\n---\n\nDraft.\n';
  const fs = inMemorySite({ ...files, 'content/posts/new.md': text });
  const service = createPostcraftService({ fs });
  const [model] = await service.openWorkspace([fs.root]);
  const path = `${fs.root}/content/posts/new.md`;
  const cursor = text.indexOf('tags: [') + 'tags: ['.length;
  const count = service.completions(path, text, cursor).length;
  if (count < distinctTags) throw new Error(`expected ${distinctTags} tag completions, got ${count}`);
  return { time: await time(() => service.completions(path, text, cursor), 200), tags: model?.tags.size ?? 0 };
}
