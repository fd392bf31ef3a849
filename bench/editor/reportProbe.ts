import * as vscode from 'vscode';

/**
 * Runs a probe's measurement in the extension host and hands its result to the driver on stdout
 * (`postcraft-bench <json>`, or `postcraft-bench-error <stack>`), with the line the host runner counts.
 */
export async function reportProbe(measure: () => Promise<unknown>): Promise<void> {
  try {
    const result = await measure();
    console.log(`postcraft-bench ${JSON.stringify(result)}`);
    console.log(`integration: 1 passed, 0 failed (VS Code ${vscode.version})`);
  } catch (error) {
    console.log(`postcraft-bench-error ${error instanceof Error ? error.stack : String(error)}`);
    console.log(`integration: 0 passed, 1 failed (VS Code ${vscode.version})`);
    throw error;
  }
}
