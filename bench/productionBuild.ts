// Builds the production bundles (`node esbuild.config.mjs --production`) and snapshots them: others may
// rebuild dist/ (e.g. a development build) while the bench runs, and every run must time the same bundle.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './tools/tool';

export const snapshotDir = join(projectRoot, 'bench', '.sites', '.tools', 'dist');

export function buildProduction(): { readonly extensionKb: number; readonly cliKb: number } {
  execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: projectRoot, stdio: 'inherit' });
  mkdirSync(snapshotDir, { recursive: true });
  copyFileSync(join(projectRoot, 'dist', 'extension.js'), join(snapshotDir, 'extension.js'));
  copyCli(snapshotDir);
  const kb = (file: string) => statSync(join(snapshotDir, file)).size / 1024;
  return { extensionKb: kb('extension.js'), cliKb: cliBundles.reduce((sum, file) => sum + kb(file), 0) };
}

/** The CLI's bundles as its package ships them: the front, and the checks it loads when it must check. */
export const cliBundles = ['cli.js', 'checking.js'];

/** Copies the built CLI's bundles into `dir`, where its `cli.js` runs as the package's does. */
export function copyCli(dir: string): void {
  for (const file of cliBundles) copyFileSync(join(projectRoot, 'packages', 'cli', 'dist', file), join(dir, file));
}
