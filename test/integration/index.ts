// The integration suite's entry, in VS Code's standard shape: the extension host (code-server here,
// or @vscode/test-electron on a desktop) loads this file and awaits `run()`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env['POSTCRAFT_TEST_GREP'];
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  console.log(`Integration tests in VS Code ${vscode.version} (${vscode.env.appHost}, ${vscode.env.remoteName ?? 'local'} extension host)`);
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed (VS Code ${vscode.version})`));
  });
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
}
