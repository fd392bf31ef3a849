// Runs inside a real VS Code extension host (see ../editorLatency.ts), on a generated site: the time
// from one typed character to the changed diagnostics of the post, as the extension API sees them
// (the Problems panel and the squiggles are drawn from the same update). One character turns an image
// path into a broken one, the next keystroke (Backspace) makes it whole again; both directions count.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';
import { reportProbe } from './reportProbe';

const samples = Number(process.env['POSTCRAFT_BENCH_KEYSTROKES'] ?? 40);
// The pause before each keystroke (POSTCRAFT_BENCH_GAP_MS, set by the driver): longer than the check
// interval, so each keystroke shows the whole path's latency, not the interval's wait.
const gapMs = Number(process.env['POSTCRAFT_BENCH_GAP_MS'] ?? 300);

export const run = (): Promise<void> => reportProbe(measure);

async function measure() {
  // The extension host's event-loop delay (every other extension, and every keystroke, waits that
  // long): from activation until the site is indexed and checked, when VS Code's own extensions load
  // too; then over a re-index and whole-site check that only Postcraft does.
  const startup = monitorEventLoopDelay({ resolution: 10 });
  startup.enable();
  const api = await vscode.extensions.getExtension<PostcraftApi>('postcraft.postcraft')!.activate();
  const indexStart = performance.now();
  await api.session.ready;
  const indexMs = performance.now() - indexStart;
  const site = api.session.service.openSites[0];
  if (!site) throw new Error('no site in the workspace');
  // A post of typical size with a body image in `![alt](path)` form.
  const post = [...site.posts.keys()].sort().find((path) => /\/index\.md$|\.md$/.test(path) && !path.includes('/authors/'));
  if (!post) throw new Error('no post');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(post));
  const editor = await vscode.window.showTextDocument(document);
  const image = /!\[[^\]]*\]\(([^)\s]+)\.(png|jpg|jpeg|webp)\)/.exec(document.getText());
  if (!image) throw new Error(`no body image in ${post}`);
  const at = document.positionAt(image.index + image[0].indexOf('(') + 1 + image[1]!.length);
  const brokenOn = at.line;
  const isBroken = () => vscode.languages.getDiagnostics(document.uri).some((d) => d.range.start.line === brokenOn && (typeof d.code === 'object' ? d.code.value : d.code) === 'broken-image');
  await until(() => !isBroken(), 30_000, 'the post has a broken image before the first keystroke');
  await quiet(2000, 120_000); // the background check of the whole site has published its findings
  startup.disable();

  const reindex = monitorEventLoopDelay({ resolution: 10 });
  const profile = await startProfile(); // POSTCRAFT_BENCH_PROFILE=<file>: where the stalls come from
  reindex.enable();
  const reindexStart = performance.now();
  await api.session.reindex();
  await quiet(2000, 120_000);
  const reindexMs = performance.now() - reindexStart - 2000;
  reindex.disable();
  await profile?.stop();
  const delay = (histogram: typeof startup) => ({ p50: histogram.percentile(50) / 1e6, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 });
  const eventLoopDelayMs = { startup: delay(startup), reindex: delay(reindex) };

  const isFlagged = () => api.diagnostics.findingsFor(document.uri).some((finding) => finding.code === 'broken-image' && finding.range.start.line === brokenOn);
  const toBroken: Timing[] = [];
  const toWhole: Timing[] = [];
  for (let i = 0; i < samples; i++) {
    await pause(gapMs);
    toBroken.push(await keystroke(api, document, () => editor.edit((edit) => edit.insert(at, 'x')), isFlagged, isBroken));
    await pause(gapMs);
    toWhole.push(await keystroke(api, document, () => editor.edit((edit) => edit.delete(new vscode.Range(at, at.translate(0, 1)))), () => !isFlagged(), () => !isBroken()));
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return { vscode: vscode.version, posts: site.posts.size, post: post.slice(site.root.length + 1), postBytes: document.getText().length, indexMs, reindexMs, activationMs: api.activationMs, eventLoopDelayMs, gapMs, toBroken, toWhole };
}

/** Milliseconds from the edit: until the extension host has the new text, until Postcraft published its diagnostics, until the API reports them. */
interface Timing {
  readonly text: number;
  readonly published: number;
  readonly api: number;
}

async function keystroke(api: PostcraftApi, document: vscode.TextDocument, edit: () => Thenable<boolean>, published: () => boolean, reported: () => boolean): Promise<Timing> {
  const start = performance.now();
  const when = <T>(event: vscode.Event<T>, condition: (value: T) => boolean) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no change within 10 s')), 10_000);
      const listener = event((value) => {
        if (!condition(value)) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(performance.now() - start);
      });
    });
  const text = when(vscode.workspace.onDidChangeTextDocument, (event) => event.document === document);
  const publishedAt = when(api.diagnostics.onDidUpdate, (uri) => uri.toString() === document.uri.toString() && published());
  const apiAt = when(vscode.languages.onDidChangeDiagnostics, () => reported());
  if (!(await edit())) throw new Error('the edit was refused');
  return { text: await text, published: await publishedAt, api: await apiAt };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await pause(50);
  }
}

/** Resolves once no diagnostics changed for `quietMs`. */
function quiet(quietMs: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer = setTimeout(done, quietMs);
    const deadline = setTimeout(() => {
      listener.dispose();
      clearTimeout(timer);
      reject(new Error('diagnostics never settled'));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    function done() {
      clearTimeout(deadline);
      listener.dispose();
      resolve();
    }
  });
}

async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const file = process.env['POSTCRAFT_BENCH_PROFILE'];
  if (!file) return undefined;
  const session = new Session();
  const send = <T>(method: string) => new Promise<T>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))));
  session.connect();
  await send('Profiler.enable');
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = await send<{ profile: unknown }>('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
