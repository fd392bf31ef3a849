// Should the desktop extension talk to the core through the language server (as VS Code's Markdown
// support does) or keep it in its own process? Measures both on a generated Hugo site, each in a fresh
// Node process running a production-like bundle:
//   in-process: the core loaded, sites opened and checked, one post re-checked per keystroke (`checkText`);
//   server:     `postcraft-language-server --stdio` driven over JSON-RPC: initialize, the whole-workspace
//               check until `$/progress` ends, and didChange → publishDiagnostics per keystroke.
// A keystroke inserts a character into a body image path (broken), the next one removes it (whole again).
//   node --import tsx bench/serverLatency.ts [posts] [keystrokes]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { generateSite } from './generateSite';
import { range, stats, type Stats } from './stats';
import { projectRoot } from './tools/tool';

export interface PathMeasure {
  /** Process start until the front could answer (module load; `initialize` for the server). */
  readonly startMs: number;
  /** Process start until every post's findings were there (indexed, checked; published for the server). */
  readonly readyMs: number;
  /** Edit → the post's findings (in-process: `checkText`; server: didChange sent → publishDiagnostics received). */
  readonly keystroke: KeystrokeStats;
  /** Peak resident memory of the process (VmHWM). */
  readonly peakRssMb: number;
}

type KeystrokeStats = Stats & { readonly samples: readonly number[] };

const gapMs = 200;

/** The in-process probe: what the extension host does with the core, as a bundle of its own. */
const inProcessProbe = `
import { readFileSync } from 'node:fs';
import { createPostcraftService, toSitePath } from './src/core/index';
import { nodeFileSystem } from './src/node/index';
const started = Number(process.env.BENCH_STARTED);
const [root, post, keystrokes] = process.argv.slice(2);
const startMs = Date.now() - started;
const service = createPostcraftService({ fs: nodeFileSystem, checksAfterOpening: () => true });
(async () => {
  await service.openWorkspace([toSitePath(root)]);
  await service.checkWorkspace();
  const readyMs = Date.now() - started;
  const text = readFileSync(post, 'utf8');
  const image = /!\\[[^\\]]*\\]\\(([^)\\s]+)\\.(png|jpg|jpeg|webp)\\)/.exec(text);
  const at = image.index + image[0].indexOf('(') + 1 + image[1].length;
  const broken = text.slice(0, at) + 'x' + text.slice(at);
  const samples = [];
  for (let i = 0; i < Number(keystrokes); i++) {
    await new Promise((resolve) => setTimeout(resolve, ${gapMs}));
    const start = performance.now();
    const findings = service.checkText(toSitePath(post), i % 2 === 0 ? broken : text);
    JSON.stringify(findings); // what a front does with them: hand them on
    samples.push(performance.now() - start);
  }
  const hwm = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(JSON.stringify({ startMs, readyMs, samples, peakRssMb: Number(hwm[1]) / 1024 }) + '\\n');
})();
`;

async function bundles(dir: string): Promise<{ server: string; inProcess: string }> {
  const options: esbuild.BuildOptions = { bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' };
  const server = join(dir, 'server.js');
  const inProcess = join(dir, 'inProcess.js');
  await esbuild.build({ ...options, entryPoints: [join(projectRoot, 'src/server/main.ts')], outfile: server });
  await esbuild.build({ ...options, stdin: { contents: inProcessProbe, resolveDir: projectRoot, loader: 'ts' }, outfile: inProcess });
  return { server, inProcess };
}

async function measureInProcess(bundle: string, root: string, post: string, keystrokes: number): Promise<PathMeasure> {
  const started = Date.now();
  const child = spawn(process.execPath, [bundle, root, post, String(keystrokes)], { env: { ...process.env, BENCH_STARTED: String(started) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise((resolve) => child.on('exit', resolve));
  const result = JSON.parse(output) as { startMs: number; readyMs: number; samples: number[]; peakRssMb: number };
  return { startMs: result.startMs, readyMs: result.readyMs, keystroke: { ...stats(result.samples), samples: result.samples }, peakRssMb: result.peakRssMb };
}

async function measureServer(bundle: string, root: string, post: string, keystrokes: number): Promise<PathMeasure> {
  const started = performance.now();
  const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onDiagnostics: ((uri: string, diagnostics: Diagnostic[]) => void) | undefined;
  let progressEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (progressEnded = resolve));
  connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }: { uri: string; diagnostics: Diagnostic[] }) => onDiagnostics?.(uri, diagnostics));
  connection.onNotification('$/progress', ({ value }: { value: { kind: string } }) => {
    if (value.kind === 'end') progressEnded();
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const capabilities = { window: { workDoneProgress: true }, workspace: { configuration: true } };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'site' }] });
  const startMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  await ended;
  const readyMs = performance.now() - started;

  const uri = pathToFileURL(post).href;
  const text = readFileSync(post, 'utf8');
  const image = /!\[[^\]]*\]\(([^)\s]+)\.(png|jpg|jpeg|webp)\)/.exec(text)!;
  const at = image.index + image[0].indexOf('(') + 1 + image[1]!.length;
  const lines = text.slice(0, at).split('\n');
  const position = { line: lines.length - 1, character: lines.at(-1)!.length };
  const isBroken = (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === 'broken-image' && diagnostic.range.start.line === position.line);
  const next = (broken: boolean) => new Promise<void>((resolve) => (onDiagnostics = (from, diagnostics) => from === uri && isBroken(diagnostics) === broken && resolve()));
  let settled = next(false);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await settled;
  const samples: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const breaking = i % 2 === 0;
    settled = next(breaking);
    const edit = breaking ? { range: { start: position, end: position }, text: 'x' } : { range: { start: position, end: { ...position, character: position.character + 1 } }, text: '' };
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [edit] });
    await settled;
    samples.push(performance.now() - start);
  }
  const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  return { startMs, readyMs, keystroke: { ...stats(samples), samples }, peakRssMb: Number(hwm![1]) / 1024 };
}

/** Each path `runs` times, alternating so neither gets the warmer file cache: medians of the runs, keystrokes pooled. */
export interface ServerLatency {
  readonly posts: number;
  readonly post: string;
  readonly runs: number;
  readonly inProcess: PathMeasure;
  readonly server: PathMeasure;
}

export async function measureServerLatency(posts: number, keystrokes = 40, runs = 3): Promise<ServerLatency> {
  const site = generateSite(join(projectRoot, 'bench', '.sites', `hugo-${posts}`), posts);
  const post = join(site.root, 'content/blog/2015/post-0/index.md');
  const dir = mkdtempSync(join(tmpdir(), 'postcraft-server-bench-'));
  try {
    const built = await bundles(dir);
    const inProcess: PathMeasure[] = [];
    const server: PathMeasure[] = [];
    for (let run = 0; run < runs; run++) {
      inProcess.push(await measureInProcess(built.inProcess, site.root, post, keystrokes));
      server.push(await measureServer(built.server, site.root, post, keystrokes));
    }
    return { posts, post: 'content/blog/2015/post-0/index.md', runs, inProcess: combine(inProcess), server: combine(server) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function combine(measures: readonly PathMeasure[]): PathMeasure {
  const median = (values: number[]) => stats(values).median;
  const pooled = measures.flatMap((measure) => measure.keystroke.samples);
  return { startMs: median(measures.map((m) => m.startMs)), readyMs: median(measures.map((m) => m.readyMs)), keystroke: { ...stats(pooled), samples: pooled }, peakRssMb: median(measures.map((m) => m.peakRssMb)) };
}

if (process.argv[1]?.endsWith('serverLatency.ts')) {
  const posts = Number(process.argv[2] ?? 10_000);
  void measureServerLatency(posts, Number(process.argv[3] ?? 40)).then((result) => {
    for (const [name, path] of [['in-process', result.inProcess], ['server', result.server]] as const) {
      console.log(`${name}: start ${path.startMs.toFixed(0)} ms, ready ${path.readyMs.toFixed(0)} ms, keystroke ${range(path.keystroke)}, peak RSS ${path.peakRssMb.toFixed(0)} MB`);
    }
  });
}
