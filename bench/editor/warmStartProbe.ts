// Runs inside a real VS Code extension host (see ../editorWarmStart.ts), on a generated site with
// `postcraft.validate.workspace` on: the time from the extension's activation until the whole site's
// diagnostics are published, on a cold start (no kept cache: this run writes it) or a warm one (the
// same workspace storage, so the cache the cold run kept). POSTCRAFT_BENCH_RUN says which.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PostcraftApi } from '../../src/vscode/extension';
import { reportProbe } from './reportProbe';

const kind = process.env['POSTCRAFT_BENCH_RUN'] === 'warm' ? 'warm' : 'cold';

export const run = (): Promise<void> => reportProbe(measure);

async function measure() {
  const probeStart = performance.now();
  const profile = await startProfile(); // POSTCRAFT_BENCH_PROFILE=<folder>: where the time goes, in <folder>/<cold|warm>.cpuprofile
  // Every change of Postcraft's diagnostics, from the extension's side (its publish) and the API's (batched by VS Code).
  let lastApiChange: number | undefined;
  const apiListener = vscode.languages.onDidChangeDiagnostics(() => (lastApiChange = performance.now()));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const api = await vscode.extensions.getExtension<PostcraftApi>('postcraft.postcraft')!.activate();
  let lastPublish: number | undefined;
  let firstPublish: number | undefined;
  let firstUri: string | undefined;
  // What each file showed when: the whole site is shown once every file shows what it ends up showing.
  const history = new Map<string, { at: number; shown: string }[]>();
  const site = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const publishListener = api.diagnostics.onDidUpdate((uri) => {
    // Only the site's files (closing any document, VS Code's settings.json too, publishes it nothing).
    if (!site || !uri.toString().startsWith(`${site}/`)) return;
    lastPublish = performance.now();
    firstPublish ??= lastPublish;
    firstUri ??= uri.toString();
    const key = uri.toString();
    let entries = history.get(key);
    if (!entries) history.set(key, (entries = []));
    entries.push({ at: lastPublish, shown: api.diagnostics.findingsFor(uri).map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}:${f.severity}`).join(',') });
  });
  const cacheFile = api.warmStart.file?.fsPath;
  if (!cacheFile) throw new Error('no workspace storage: nothing to keep a cache in');
  const keptBefore = sizeOf(cacheFile);
  if (kind === 'warm' && keptBefore === undefined) throw new Error(`the warm run found no kept cache at ${cacheFile}`);
  if (kind === 'cold' && keptBefore !== undefined) throw new Error(`the cold run found a kept cache at ${cacheFile}`);
  const t0 = api.activatedAt;
  await api.session.ready;
  const indexed = performance.now();
  await api.diagnostics.settled;
  const settled = performance.now();
  // VS Code batches onDidChangeDiagnostics by 50 ms: a quiet second makes sure the last batch arrived.
  await quiet(1000);
  await profile?.stop();
  delay.disable();
  apiListener.dispose();
  publishListener.dispose();

  const diagnostics = digest();
  let complete = 0;
  for (const entries of history.values()) {
    const final = entries.at(-1)!.shown;
    let since = entries.length - 1;
    while (since > 0 && entries[since - 1]!.shown === final) since--;
    // A file that ends with nothing and never showed anything counts from the start.
    if (final !== '' || entries.some((entry) => entry.shown !== '')) complete = Math.max(complete, entries[since]!.at);
  }
  if (kind === 'cold') await api.warmStart.flush(); // the cache the warm run starts from
  const heapMb = (await heapUsedAfterGc()) / 2 ** 20;
  const cacheBytes = sizeOf(cacheFile);
  const cacheHeapMb = cacheBytes === undefined ? undefined : (await heapOfParsed(cacheFile)) / 2 ** 20;
  const opened = api.session.service.openSites[0];
  const ms = (at: number | undefined) => (at === undefined ? undefined : at - t0);
  return {
    kind,
    vscode: vscode.version,
    cacheFile,
    posts: opened?.posts.size ?? 0,
    activationMs: api.activationMs,
    probeStartMs: ms(probeStart),
    indexedMs: ms(indexed),
    firstPublishMs: ms(firstPublish),
    firstUri,
    lastPublishMs: ms(lastPublish),
    completeMs: ms(complete),
    settledMs: ms(settled),
    lastApiChangeMs: ms(lastApiChange),
    eventLoopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    heapMb,
    cacheBytes,
    cacheHeapMb,
    diagnostics,
  };
}

/** Every Postcraft diagnostic of the workspace: counts and a digest, to compare the warm run's with the cold run's. */
function digest() {
  const lines: string[] = [];
  let files = 0;
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'postcraft');
    if (ours.length === 0) continue;
    files++;
    for (const d of ours) lines.push(`${uri.toString()} ${typeof d.code === 'object' ? d.code.value : d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
  }
  lines.sort();
  return { files, count: lines.length, sha1: createHash('sha1').update(lines.join('\n')).digest('hex') };
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Resolves once no diagnostics changed for `quietMs`. */
function quiet(quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    function done() {
      listener.dispose();
      resolve();
    }
  });
}

/** The extension host's heap after a full collection (it holds every extension's, VS Code's own included). */
async function heapUsedAfterGc(): Promise<number> {
  const session = new Session();
  session.connect();
  await new Promise<void>((resolve, reject) => session.post('HeapProfiler.collectGarbage', (error) => (error ? reject(error) : resolve())));
  session.disconnect();
  return process.memoryUsage().heapUsed;
}

/** The heap the kept cache takes once parsed, as the extension reads it. */
async function heapOfParsed(file: string): Promise<number> {
  const before = await heapUsedAfterGc();
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const after = await heapUsedAfterGc();
  return parsed ? after - before : 0;
}

async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const folder = process.env['POSTCRAFT_BENCH_PROFILE'];
  if (!folder) return undefined;
  const session = new Session();
  const send = <T>(method: string, params?: object) => new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  session.connect();
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  return {
    async stop() {
      const { profile } = await send<{ profile: unknown }>('Profiler.stop');
      writeFileSync(join(folder, `${kind}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}
