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
  copyFileSync(join(projectRoot, 'packages', 'cli', 'dist', 'cli.js'), join(snapshotDir, 'cli.js'));
  const kb = (file: string) => statSync(join(snapshotDir, file)).size / 1024;
  return { extensionKb: kb('extension.js'), cliKb: kb('cli.js') };
}
