// Installs the project's npm dependencies when they are missing or older than the lockfile, so that
// `npm start` and `npm test` work on a fresh clone with nothing but Node and npm.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './host/install.mjs';

export function ensureDependencies() {
  const lockfile = join(projectRoot, 'package-lock.json');
  const installed = join(projectRoot, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) return;
  // A linked node_modules (a worktree sharing another checkout's) is that checkout's to install: `npm ci`
  // empties the folder the link points to before it replaces the link, leaving every sharer without packages.
  if (lstatSync(join(projectRoot, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) return;
  console.log('Installing npm dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci failed with exit code ${result.status}`);
}

export function build(...flags) {
  const result = spawnSync(process.execPath, ['esbuild.config.mjs', ...flags], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed');
}
