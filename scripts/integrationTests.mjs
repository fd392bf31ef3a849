// Runs the integration suite (test/integration) inside real VS Code extension hosts: code-server
// from the npm registry, driven by headless Chromium. One run per host in `versions.mjs`.
//   node scripts/integrationTests.mjs [oldest|newest ...]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './host/browser.mjs';
import { ensureHost, projectRoot } from './host/install.mjs';
import { startServer } from './host/server.mjs';
import { hosts } from './host/versions.mjs';

const sampleSite = join(projectRoot, 'test', 'fixtures', 'sites', 'hugo-blog');
const suiteTimeoutMs = 5 * 60_000;

/** @returns {Promise<{ host: string, vscode: string, passed: number, failed: number, exitCode: number }>} */
export async function runIntegrationSuite(hostName) {
  // Tests edit and delete files: they get a copy of the sample site, never the fixture itself.
  const workspace = mkdtempSync(join(tmpdir(), 'postcraft-it-'));
  cpSync(sampleSite, workspace, { recursive: true });
  try {
    return await runInHost(hostName, { workspace, extensionTestsPath: join(projectRoot, 'out', 'test', 'integration', 'index') });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * Runs a test entry (a module whose `run()` the extension host awaits) in a real VS Code on `workspace`,
 * with Postcraft loaded from this folder. The run ends when the workbench calls codeAutomationExit
 * (1.100) or, where a newer workbench does not, when the entry prints its summary line,
 * `integration: N passed, M failed (VS Code x.y.z)`. `onLine` sees every line the host prints.
 * `dataDir`: code-server's user data (workspace storage included) kept there from one run to the next,
 * with the same `port` (the workspace storage's name is made from the folder's URI, port included);
 * `extension`: the folder of the extension to load (another build of Postcraft, for a benchmark's before).
 * @param {string} hostName
 * @param {{ workspace: string, extensionTestsPath: string, onLine?: (line: string) => void, dataDir?: string, port?: number, extension?: string }} options
 * @returns {Promise<{ host: string, vscode: string, passed: number, failed: number, exitCode: number }>}
 */
export async function runInHost(hostName, { workspace, extensionTestsPath, onLine = (line) => console.log(`  ${line}`), dataDir, port, extension = projectRoot }) {
  const host = ensureHost(hostName);
  const serverLog = [];
  const server = await startServer(host, { log: (line) => serverLog.push(line), dataDir, port });
  const browser = await launchBrowser();
  let counts = { passed: 0, failed: 0 };
  let ranIn = host.vscode;
  try {
    const page = await browser.newPage();
    let finish = () => {};
    const exitCode = new Promise((resolve) => {
      finish = resolve;
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    // Extension-host output reaches the page through the automation log (older workbenches) or the
    // console with an "[Extension Host]" prefix (newer ones); mocha's reporter and the summary come both ways.
    const emit = (line) => {
      const summary = /integration: (\d+) passed, (\d+) failed \(VS Code ([\d.]+)\)/.exec(line);
      if (summary) {
        counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
        ranIn = summary[3];
        setTimeout(() => finish(counts.failed > 0 ? 1 : 0), 2000);
      }
      if (/ENOTFOUND|Failed to fetch|ERR_NAME_NOT_RESOLVED|^\s+at /.test(line)) return; // offline noise
      onLine(line);
    };
    await page.exposeFunction('codeAutomationLog', (_type, args) => emit(format(...(Array.isArray(args) ? args : [args]))));
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('[Extension Host]')) emit(text.replace(/^\[Extension Host\]\s?/, '').replace(/%c/g, ''));
    });
    const url = workbenchUrl(server, workspace, { extensionDevelopmentPath: extension, extensionTestsPath });
    console.log(`Running ${extensionTestsPath.slice(projectRoot.length + 1)} in VS Code ${host.vscode} (code-server ${host.codeServer}) on ${workspace}`);
    await page.goto(url);
    let timer;
    const code = await Promise.race([exitCode, new Promise((resolve) => (timer = setTimeout(() => resolve(124), suiteTimeoutMs)))]);
    clearTimeout(timer); // a pending timer would keep `npm test` alive for minutes after the suite
    if (code === 124) console.error(`The run did not finish within ${suiteTimeoutMs / 60_000} minutes`);
    if (code !== 0 && counts.passed + counts.failed === 0) {
      console.error('The extension host ran no test. code-server said:\n' + serverLog.join('').split('\n').slice(-30).join('\n'));
    }
    return { host: hostName, vscode: ranIn, ...counts, exitCode: code === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1 };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const names = process.argv.slice(2);
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  let failed = false;
  for (const name of names.length ? names : Object.keys(hosts)) {
    const result = await runIntegrationSuite(name);
    console.log(`VS Code ${result.vscode}: ${result.passed} passed, ${result.failed} failed`);
    failed ||= result.exitCode !== 0;
  }
  process.exitCode = failed ? 1 : 0;
}
