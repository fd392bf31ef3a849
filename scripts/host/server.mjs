// Starts code-server (a real VS Code) on 127.0.0.1 with throwaway user data (or kept data, for a
// benchmark that starts VS Code twice on the same workspace storage), and stops it cleanly.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Quiet workbench settings: nothing pops up or phones home during tests and screenshots. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  // The web workbench saves after a second by default, the desktop one does not: be the desktop,
  // so that tests and benchmarks never write the edits they make to disk.
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ node: string, entry: string, vscode: string }} host from ensureHost()
 * @param {{ port?: number, settings?: object, log?: (line: string) => void, dataDir?: string }} options
 * `dataDir`: user data, extensions and workspace storage kept there, left in place when the server stops.
 */
export async function startServer(host, options = {}) {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'postcraft-code-server-'));
  const userDataDir = join(dataDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));
  writeFileSync(join(dataDir, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [
    host.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(dataDir, 'extensions'),
    '--config', join(dataDir, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // Newer workbenches honour test payloads in the URL only with the smoke-test driver enabled.
  if (!host.vscode.startsWith('1.100.')) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(host.node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: dataDir, XDG_DATA_HOME: dataDir } });
  const log = options.log ?? (() => {});
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  let stopped = false;
  return {
    url,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timeout);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url, child) {
  const deadline = Date.now() + 60_000;
  let exitCode = null;
  child.once('exit', (code) => (exitCode = code ?? -1));
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new Error(`code-server exited with ${exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // polling a server that gives no event
  }
  child.kill('SIGKILL');
  throw new Error('code-server did not answer /healthz within 60 s');
}
