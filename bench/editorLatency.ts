// Keystroke → diagnostics in the real editor: builds bench/editor/keystrokeProbe.ts and runs it in the
// newest VS Code host (code-server, installed by scripts/host) on a generated site.
//   node --import tsx bench/editorLatency.ts [posts]
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { generateSite, type GeneratedSite } from './generateSite';
import { stats, type Stats } from './stats';
import { projectRoot } from './tools/tool';

export interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface EditorLatency {
  readonly vscode: string;
  readonly posts: number;
  readonly post: string;
  readonly postBytes: number;
  /** From the extension's activation until the site was indexed. */
  readonly indexMs: number;
  /** How long `activate` took. */
  readonly activationMs: number;
  /** A re-index and whole-site check, in the background, until its findings are published. */
  readonly reindexMs: number;
  /**
   * The extension host's event-loop delay from activation until the site was indexed and checked (VS
   * Code's own extensions load meanwhile), and over a re-index and check that only Postcraft does.
   */
  readonly eventLoopDelayMs: { readonly startup: LoopDelay; readonly reindex: LoopDelay };
  /** The pause before each keystroke. */
  readonly gapMs: number;
  /** Edit → the extension host has the new text, → Postcraft published the post's diagnostics, → `languages.onDidChangeDiagnostics` reported them; both directions (a character that breaks an image path, and Backspace). */
  readonly text: Stats;
  readonly published: Stats;
  readonly api: Stats;
}

export async function measureEditorLatency(site: GeneratedSite, host = 'newest', gapMs = 300): Promise<EditorLatency> {
  const outdir = join(projectRoot, 'out', 'bench', 'editor');
  await esbuild.build({ entryPoints: { index: join(projectRoot, 'bench', 'editor', 'keystrokeProbe.ts') }, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning' });
  // @ts-expect-error: a plain ES module without types; imported when needed (it has top-level await)
  const { runInHost } = await import('../scripts/integrationTests.mjs');
  process.env['POSTCRAFT_BENCH_GAP_MS'] = String(gapMs); // code-server passes it on to the extension host
  let payload: string | undefined;
  let failure: string | undefined;
  const result = await runInHost(host, {
    workspace: site.root,
    extensionTestsPath: join(outdir, 'index'),
    onLine: (line: string) => {
      if (line.startsWith('postcraft-bench ')) payload = line.slice('postcraft-bench '.length);
      else if (line.startsWith('postcraft-bench-error ')) failure = line;
    },
  });
  if (!payload) throw new Error(`the editor probe gave no result (exit ${result.exitCode}): ${failure ?? 'no output'}`);
  type Timing = { text: number; published: number; api: number };
  const { toBroken, toWhole, ...raw } = JSON.parse(payload) as Omit<EditorLatency, 'text' | 'published' | 'api'> & { toBroken: Timing[]; toWhole: Timing[] };
  const all = [...toBroken, ...toWhole];
  return { ...raw, text: stats(all.map((t) => t.text)), published: stats(all.map((t) => t.published)), api: stats(all.map((t) => t.api)) };
}

if (process.argv[1]?.endsWith('editorLatency.ts')) {
  const posts = Number(process.argv[2] ?? 10_000);
  const site = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${posts}`), posts);
  void measureEditorLatency(site).then((result) => console.log(JSON.stringify(result, null, 2)));
}
