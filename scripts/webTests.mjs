// Runs the web suite (test/web) in VS Code for the Web: code-server's web worker extension host, the one
// vscode.dev and github.dev use, driven by headless Chromium. Postcraft is loaded as a browser-only copy
// (a package.json with `browser` and `extensionKind: ["web"]`, no `main`), so the Node host cannot take
// it; the opened folder is a copy of the hugo-blog fixture, reached as `vscode-remote:` through workspace.fs.
//   node scripts/webTests.mjs [oldest|newest ...]      (builds first when run alone)
//   node scripts/webTests.mjs --screenshot docs/images/web.png   (newest host; the README's picture)
//   node scripts/webTests.mjs --bench     (production bundle; writes the "Web bundle" section of docs/benchmarks.md)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser, workbenchUrl } from './host/browser.mjs';
import { ensureHost, projectRoot } from './host/install.mjs';
import { startServer } from './host/server.mjs';
import { hosts } from './host/versions.mjs';

const sampleSite = join(projectRoot, 'test', 'fixtures', 'sites', 'hugo-blog');
const suiteTimeoutMs = 3 * 60_000;

/** A browser-only Postcraft: what a web extension ships (the web bundle, the preview's media, the schema). */
function browserOnlyExtension() {
  const folder = mkdtempSync(join(tmpdir(), 'postcraft-web-ext-'));
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  delete manifest.bin;
  delete manifest.scripts;
  delete manifest.dependencies;
  delete manifest.devDependencies;
  manifest.extensionKind = ['web'];
  if (!manifest.browser) throw new Error('package.json has no "browser" entry');
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  // The web bundle's folder: the extension and the preview renderer it loads at the first render.
  for (const path of [dirname(manifest.browser), 'media', 'schemas']) cpSync(join(projectRoot, path), join(folder, path), { recursive: true });
  // The workbench runs a suite in the host of the extension whose folder holds it: inside, it is the web worker.
  cpSync(join(projectRoot, 'out', 'test', 'web'), join(folder, 'test'), { recursive: true });
  return folder;
}

/**
 * @param {string} hostName
 * @param {{ screenshot?: string, onLine?: (line: string) => void }} options
 * @returns {Promise<{ host: string, vscode: string, passed: number, failed: number, exitCode: number, bench?: string, seconds: number }>}
 */
export async function runWebSuite(hostName, { screenshot, onLine = (line) => console.log(`  ${line}`) } = {}) {
  const started = Date.now();
  const host = ensureHost(hostName);
  const workspace = mkdtempSync(join(tmpdir(), 'postcraft-web-'));
  cpSync(sampleSite, workspace, { recursive: true });
  const extension = browserOnlyExtension();
  const serverLog = [];
  const server = await startServer(host, { log: (line) => serverLog.push(line) });
  const browser = await launchBrowser();
  let counts = { passed: 0, failed: 0 };
  let ranIn = host.vscode;
  let bench;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish = () => {};
    const exitCode = new Promise((resolve) => {
      finish = resolve;
      void page.exposeFunction('codeAutomationExit', (code) => {
        setTimeout(() => resolve(Number(code)), 500); // the summary line may still be on its way
      });
    });
    const emit = (line) => {
      const summary = /web: (\d+) passed, (\d+) failed \(VS Code ([\d.]+)\)/.exec(line);
      if (summary) {
        counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
        ranIn = summary[3];
        setTimeout(() => finish(counts.failed > 0 ? 1 : 0), 1000);
      }
      const measured = /web-bench: (.*)/.exec(line);
      if (measured) bench = measured[1];
      onLine(line);
    };
    // The web worker host logs to the browser console (no Node host relays it): every line of the suite
    // comes through here. Workbench noise (offline fetches, the service worker) is left out.
    page.on('console', (message) => {
      // The host's log service styles each line: "%c INFO color: #33f <text>" reaches us as " INFO color: #33f <text>".
      const text = message.text().replace(/%c/g, '').replace(/^\s*(?:INFO|WARN|ERR|DEBUG|TRACE)\s+color: #\w+\s?/, '').replace(/^\[Extension Host\]\s?/, '');
      if (/^(Web tests|  [✔✖]|      |web: |web-bench: )/.test(text)) emit(text);
      else if (process.env.POSTCRAFT_WEB_DEBUG) console.log(`  [console.${message.type()}] ${text}`);
    });
    await page.exposeFunction('codeAutomationLog', () => {});
    const extensionTestsPath = join(extension, 'test', 'index');
    const url = workbenchUrl(server, workspace, screenshot ? { extensionDevelopmentPath: extension } : { extensionDevelopmentPath: extension, extensionTestsPath });
    console.log(`Running test/web in the web worker host of VS Code ${host.vscode} (code-server ${host.codeServer}) on ${workspace}`);
    await page.goto(url);
    if (screenshot) {
      await takeScreenshot(page, screenshot);
      return { host: hostName, vscode: host.vscode, passed: 1, failed: 0, exitCode: 0, seconds: (Date.now() - started) / 1000 };
    }
    let timer;
    const code = await Promise.race([exitCode, new Promise((resolve) => (timer = setTimeout(() => resolve(124), suiteTimeoutMs)))]);
    clearTimeout(timer);
    if (code === 124) console.error(`The web suite did not finish within ${suiteTimeoutMs / 60_000} minutes`);
    if (counts.passed + counts.failed === 0) console.error('The web worker host ran no test. code-server said:\n' + serverLog.join('').split('\n').slice(-30).join('\n'));
    return { host: hostName, vscode: ranIn, ...counts, bench, exitCode: code === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1, seconds: (Date.now() - started) / 1000 };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
}

/** Postcraft's diagnostics in a post, with the Problems panel open: the README's picture of the web host. */
async function takeScreenshot(page, path) {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  const post = 'postgres-on-kubernetes.md';
  // Quick open can race the file search on a fresh workbench: retry until the file is offered.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+P');
    await page.keyboard.type(post);
    try {
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${post}"]`, { timeout: 5000 });
      break;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 5) throw error;
    }
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  // Hover the first broken image, so the picture shows Postcraft's own message beside the squiggle.
  const squiggle = await page.$('.monaco-editor .squiggly-error');
  const box = await squiggle?.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover .hover-contents', { timeout: 10_000 }).catch(() => undefined);
  }
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  console.log(`Saved ${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}

/**
 * The production web bundle's size, and activation in the web worker host of each VS Code (median of
 * three runs of the suite): written as the "Web bundle" section of docs/benchmarks.md, the rest untouched.
 */
async function writeBenchSection() {
  const bundle = readFileSync(join(projectRoot, 'dist', 'web', 'extension.js'));
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows = [];
  for (const name of Object.keys(hosts)) {
    const runs = [];
    for (let run = 0; run < 3; run++) {
      const result = await runWebSuite(name, { onLine: (line) => /✖|^      /.test(line) && console.log(line) });
      const measured = /activate ([\d.]+) ms, activate\+index (\d+) ms, (\d+) posts/.exec(result.bench ?? '');
      if (result.exitCode !== 0 || !measured) throw new Error(`the web suite failed in VS Code ${result.vscode}; no benchmark written`);
      runs.push({ activate: Number(measured[1]), ready: Number(measured[2]), posts: Number(measured[3]), seconds: result.seconds, vscode: result.vscode });
    }
    rows.push(`| ${runs[0].vscode} | ${median(runs.map((run) => run.activate)).toFixed(1)} ms | ${median(runs.map((run) => run.ready))} ms | ${median(runs.map((run) => run.seconds)).toFixed(0)} s |`);
  }
  const section = [
    '## Web bundle',
    '',
    'VS Code for the Web runs `dist/web/extension.js` (esbuild, `platform: \'browser\'`, CommonJS, minified; the chunks of',
    '`scripts/lazyChunks.mjs` are fetched once it has activated) in the web worker extension host. Measured by',
    '`node scripts/webTests.mjs --bench` in code-server\'s web worker host (headless Chromium, 2 cores), on a copy of the',
    '`hugo-blog` fixture (11 posts) read through `workspace.fs` (`vscode-remote:`); medians of three runs of the web suite.',
    '',
    `Bundle: ${kb(bundle.length)} (${kb(gzipSync(bundle).length)} gzipped; the desktop bundle shares the same core).`,
    '',
    '| VS Code | Activation (until `activate` returns) | Activation and indexing the site | Whole web suite, browser start to end |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  const file = join(projectRoot, 'docs', 'benchmarks.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const existing = /^## Web bundle\n[\s\S]*?(?=^## |(?![\s\S]))/m;
  writeFileSync(file, `${(existing.test(text) ? text.replace(existing, `${section}\n`) : `${text.trimEnd()}\n\n${section}`).trimEnd()}\n`);
  console.log(section);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const args = process.argv.slice(2);
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['esbuild.config.mjs', ...(args.includes('--bench') ? ['--production'] : [])], { cwd: projectRoot, stdio: 'inherit' });
  const screenshotAt = args.indexOf('--screenshot');
  if (args.includes('--bench')) {
    await writeBenchSection();
    execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: projectRoot, stdio: 'inherit' }); // back to the development build
  } else if (screenshotAt >= 0) {
    await runWebSuite('newest', { screenshot: resolve(args[screenshotAt + 1] ?? 'docs/images/web.png') });
  } else {
    const names = args.filter((arg) => !arg.startsWith('--'));
    let failed = false;
    for (const name of names.length ? names : Object.keys(hosts)) {
      const result = await runWebSuite(name);
      console.log(`Web worker host of VS Code ${result.vscode}: ${result.passed} passed, ${result.failed} failed (${result.seconds.toFixed(0)} s)${result.bench ? `; ${result.bench}` : ''}`);
      failed ||= result.exitCode !== 0;
    }
    process.exitCode = failed ? 1 : 0;
  }
}
