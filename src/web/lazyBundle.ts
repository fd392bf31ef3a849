import * as vscode from 'vscode';

/**
 * Loads a CommonJS bundle of the extension after activation, as the web worker extension host loads
 * the main one: fetched and run with `module`, `exports` and a `require` that offers only `vscode`. The
 * worker has no `require` of its own and esbuild no code splitting for CommonJS. An http(s) extension
 * folder (vscode.dev, the test harness) is fetched; another (code-server's `vscode-remote:`) read
 * through workspace.fs.
 */
export async function loadBundle(extensionUri: vscode.Uri, path: string): Promise<unknown> {
  const uri = vscode.Uri.joinPath(extensionUri, path);
  const source = await readSource(uri);
  const module: { exports: unknown } = { exports: {} };
  const requireVscode = (name: string): unknown => {
    if (name === 'vscode') return vscode;
    throw new Error(`${path} requires ${name}, which the web worker does not offer`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the host's own loader does the same
  new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`)(module, module.exports, requireVscode);
  return module.exports;
}

async function readSource(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`Loading ${uri.toString(true)} failed: ${response.status}`);
    return response.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
