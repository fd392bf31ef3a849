import * as vscode from 'vscode';
import type { Finding, Fix } from '../../core/index';
import { findingOf, postSelector, toRange, uriOf } from '../convert';
import type { DiagnosticsManager } from './diagnostics';

/** Quick fixes: each core fix becomes one undoable WorkspaceEdit that touches only its target text. */
class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: DiagnosticsManager) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = findingOf(diagnostic); // undefined for other extensions' diagnostics
      if (!finding) continue;
      for (const fix of finding.fixes) actions.push(toCodeAction(fix, diagnostic));
      const sameKind = this.diagnostics.findingsFor(document.uri).filter((other) => other.code === finding.code && other.fixes.some((fix) => fix.isPreferred && fix.edits.length > 0));
      if (sameKind.length > 1) actions.push(fixAllAction(finding.code, sameKind));
    }
    return actions;
  }
}

function toCodeAction(fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred === true;
  action.edit = toWorkspaceEdit([fix]);
  if (fix.createFile) action.command = { command: 'vscode.open', title: 'Open', arguments: [uriOf(fix.createFile.path)] };
  return action;
}

function fixAllAction(code: string, findings: readonly Finding[]): vscode.CodeAction {
  const action = new vscode.CodeAction(`Fix all "${code}" problems in this file`, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(findings.map((finding) => finding.fixes.find((fix) => fix.isPreferred)!));
  return action;
}

export function toWorkspaceEdit(fixes: readonly Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  // A snippet (the cursor left in the text to complete, see TextEdit.snippet) needs `set`, which takes a
  // file's edits all at once: those files' edits are gathered first.
  const withSnippets = new Map<string, (vscode.TextEdit | vscode.SnippetTextEdit)[]>();
  for (const fix of fixes) for (const change of fix.edits) if (change.snippet !== undefined) withSnippets.set(change.file, []);
  for (const fix of fixes) {
    if (fix.createFile) edit.createFile(uriOf(fix.createFile.path), { ignoreIfExists: true, contents: new TextEncoder().encode(fix.createFile.content) });
    for (const change of fix.edits) {
      const gathered = withSnippets.get(change.file);
      if (!gathered) edit.replace(uriOf(change.file), toRange(change.range), change.newText);
      else if (change.snippet !== undefined) gathered.push(new vscode.SnippetTextEdit(toRange(change.range), new vscode.SnippetString(change.snippet)));
      else gathered.push(new vscode.TextEdit(toRange(change.range), change.newText));
    }
  }
  for (const [file, edits] of withSnippets) edit.set(uriOf(file), edits);
  return edit;
}

export function registerCodeActionSupport(diagnostics: DiagnosticsManager): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(postSelector, new QuickFixProvider(diagnostics), QuickFixProvider.metadata);
}
