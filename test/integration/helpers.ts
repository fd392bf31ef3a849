import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionTitled } from './codeActions';
import type { PostcraftApi } from '../../src/vscode/extension';

export const extensionId = 'postcraft.postcraft';

export async function activateExtension(): Promise<PostcraftApi> {
  const extension = vscode.extensions.getExtension<PostcraftApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this VS Code (is engines.vscode newer than ${vscode.version}?)`);
  const api = await extension.activate();
  await api.session.ready;
  return api;
}

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite needs the sample site open as a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openPost(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Resolves with the file's diagnostics once `predicate` holds; waits on change events, never sleeps. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const postcraftOnly = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'postcraft');
  return new Promise((resolve, reject) => {
    const current = postcraftOnly();
    if (predicate(current)) return resolve(current);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for diagnostics on ${uri.path}; have: ${JSON.stringify(postcraftOnly().map(describeDiagnostic))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = postcraftOnly();
      if (predicate(diagnostics)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(diagnostics);
      }
    });
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${codeOf(diagnostic)}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function hasCode(code: string) {
  return (diagnostics: vscode.Diagnostic[]) => diagnostics.some((diagnostic) => codeOf(diagnostic) === code);
}

export function lacksCode(code: string) {
  return (diagnostics: vscode.Diagnostic[]) => !diagnostics.some((diagnostic) => codeOf(diagnostic) === code);
}

/** Replaces the first occurrence of `search` in the editor's document, as typing would. */
export async function replaceText(editor: vscode.TextEditor, search: string, replacement: string): Promise<void> {
  const text = editor.document.getText();
  const offset = text.indexOf(search);
  assert.ok(offset >= 0, `"${search}" is not in ${editor.document.uri.path}`);
  const range = new vscode.Range(editor.document.positionAt(offset), editor.document.positionAt(offset + search.length));
  assert.ok(await editor.edit((edit) => edit.replace(range, replacement)));
}

/** Puts every edited document back to its saved text, then closes all editors without prompting. */
export async function revertAndClose(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!document.isDirty, `${document.uri.path} could not be reverted`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves once the site's index holds `uri` (the file watcher has seen it); waits on change events. */
export function waitForSiteFile(api: PostcraftApi, uri: vscode.Uri, timeoutMs = 15_000): Promise<void> {
  const indexed = () => api.session.service.siteFor(uri.path)?.files.has(uri.path) === true;
  return new Promise((resolve, reject) => {
    if (indexed()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${uri.path} never reached the site index`));
    }, timeoutMs);
    const subscription = api.session.onDidChangeFiles(() => {
      if (!indexed()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/**
 * The quick fix titled `title` for the file's `code` diagnostic. A whole-site check set off by files a suite
 * writes may publish the saved text's findings over the editor's for a moment (until it checks the open
 * editors again), so the fix is asked for again (see codeActionsUntil), and again on each diagnostics change,
 * until it comes.
 */
export async function quickFix(document: vscode.TextDocument, code: string, title: string): Promise<vscode.CodeAction> {
  let offered: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((diagnostic) => codeOf(diagnostic) === code));
    // Listening before asking: a change while the actions are computed must not be missed.
    let subscription: vscode.Disposable | undefined;
    const changed = new Promise<void>((resolve) => {
      subscription = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === document.uri.toString())) resolve();
      });
    });
    const diagnostic = diagnostics.find((candidate) => codeOf(candidate) === code)!;
    const asked = await codeActionTitled(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix, title);
    if (asked.action?.edit) {
      subscription!.dispose();
      return asked.action;
    }
    offered = [...asked.offered];
    await changed;
    subscription!.dispose();
  }
  assert.fail(`no quick fix "${title}"; offered: ${offered.join(', ')}`);
}
