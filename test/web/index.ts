// The web suite's entry, loaded by VS Code's web worker extension host through `extensionTestsPath`: the
// host fetches this one bundled file (esbuild, `platform: 'browser'`), evaluates it and awaits `run()`.
import * as vscode from 'vscode';
import './extension.test';
import { runTests } from './runner';

export async function run(): Promise<void> {
  const { passed, failed } = await runTests(`Web tests in VS Code ${vscode.version} (${vscode.env.appHost}, uiKind ${vscode.UIKind[vscode.env.uiKind]})`, 30_000);
  // scripts/webTests.mjs waits for this line: newer workbenches do not call codeAutomationExit.
  console.log(`web: ${passed} passed, ${failed} failed (VS Code ${vscode.version})`);
  if (failed > 0) throw new Error(`${failed} web test${failed === 1 ? '' : 's'} failed`);
}
