import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '../../..');

/**
 * The environment for an npm run inside a test: without what an outer `npm test` set (its package, its
 * lifecycle, its prefix), with a cache of the test's own, and offline: a packed Postcraft needs nothing from
 * the registry.
 */
export function isolatedNpmEnv(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const inherited = /^npm_/i.test(key) && !/^npm_config_/i.test(key);
    if (!inherited && key !== 'INIT_CWD' && !/^npm_config_(local_prefix|user_agent|cache|offline)$/i.test(key)) env[key] = value;
  }
  return { ...env, npm_config_cache: cacheDir, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
}

export interface PackedPackage {
  readonly tarball: string;
  readonly files: readonly string[];
  readonly version: string;
}

/**
 * `npm pack` of packages/<name> into `destination` (its prepack script makes the production bundle). Test files
 * run in parallel: one pack at a time per package, so none reads a bundle another is writing.
 */
export function packPackage(name: string, destination: string): PackedPackage {
  const output = whileLocked(join(projectRoot, 'packages', name, 'dist'), () =>
    execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: join(projectRoot, 'packages', name),
      env: isolatedNpmEnv(join(destination, 'npm-cache')),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  // Lifecycle scripts print before npm's JSON.
  const [packed] = JSON.parse(output.slice(output.indexOf('['))) as [{ filename: string; version: string; files: { path: string }[] }];
  return { tarball: join(destination, packed.filename), files: packed.files.map((file) => file.path).sort(), version: packed.version };
}

/** `npx --yes ./<tarball> …` in `cwd`, offline, as a user runs a downloaded package (npx takes an absolute path for a command). */
export function npxTarball(tarball: string, args: readonly string[], cwd: string) {
  const result = spawnSync('npx', ['--yes', `./${relative(cwd, tarball)}`, ...args], { cwd, env: isolatedNpmEnv(join(cwd, 'npm-cache')), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `work` holding a lock next to `path` (a folder made atomically; one left by a killed run expires). */
function whileLocked<T>(path: string, work: () => T): T {
  const lock = `${path}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A one-post Hugo site with nothing to report, written into `folder`. */
export function writeCleanSite(folder: string): string {
  mkdirSync(join(folder, 'content', 'posts'), { recursive: true });
  writeFileSync(join(folder, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Clean"\n');
  writeFileSync(join(folder, 'content', 'posts', 'hello.md'), '---\ntitle: Hello\ndate: 2024-01-02\ntags: [intro]\n---\n\nHello, world.\n');
  return folder;
}
