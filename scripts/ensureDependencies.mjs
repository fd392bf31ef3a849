// Installs the project's npm dependencies when they are missing or differ from the lockfile, so that
// `npm start` and `npm test` work on a fresh clone with nothing but Node and npm.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './host/install.mjs';

/**
 * Whether node_modules holds every package of the lockfile at its locked version (npm's record of what it
 * installed, node_modules/.package-lock.json). By content, not by date: a checkout that touches the lockfile
 * without changing it costs no reinstall. Optional packages for other platforms are never installed.
 */
export function installedMatchesLockfile(root = projectRoot) {
  const installedFile = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return false;
  const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  return Object.entries(locked).every(([path, entry]) => {
    if (path === '' || entry.link) return true;
    const present = installed[path];
    return present ? present.version === entry.version : entry.optional === true;
  });
}

export function ensureDependencies() {
  // A linked node_modules (a worktree sharing another checkout's) is that checkout's to install: `npm ci`
  // empties the folder the link points to before it replaces the link, leaving every sharer without packages.
  if (lstatSync(join(projectRoot, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) return;
  if (installedMatchesLockfile()) return;
  console.log('Installing the npm dependencies (npm ci): about a minute with a warm npm cache, a few on a cold one…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci failed with exit code ${result.status}`);
}

export function build(...flags) {
  console.log('Building the extension, the CLI and the language server (esbuild, a few seconds)…');
  const result = spawnSync(process.execPath, ['esbuild.config.mjs', ...flags], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed');
}
