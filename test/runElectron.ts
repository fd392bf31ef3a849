// Runs the same integration suite in desktop VS Code, downloaded by @vscode/test-electron
// (needs internet; `npm test` uses the offline code-server hosts instead).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const projectRoot = resolve(__dirname, '../..');
  const workspace = mkdtempSync(join(tmpdir(), 'postcraft-it-'));
  cpSync(join(projectRoot, 'test/fixtures/sites/hugo-blog'), workspace, { recursive: true });
  await runTests({
    version: process.env['VSCODE_VERSION'] ?? 'stable',
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: join(projectRoot, 'out/test/integration/index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
