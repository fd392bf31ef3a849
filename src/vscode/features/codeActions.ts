import * as vscode from 'vscode';
import { safeFixes, type Fix } from '../../core/index';
import { findingOf, postSelector, toRange, uriOf } from '../convert';
import type { DiagnosticsManager } from './diagnostics';
import { fixTitle } from '../l10n';

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
      // The fixes fix-all would take (see core features/fixAll.ts), of this finding's kind alone.
      const sameKind = safeFixes(this.diagnostics.findingsFor(document.uri).filter((other) => other.code === finding.code), finding.file);
      if (sameKind.length > 1) actions.push(fixAllAction(finding.code, sameKind.map(({ fix }) => fix)));
    }
    return actions;
  }
}

function toCodeAction(fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fixTitle(fix), vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred === true;
  action.edit = toWorkspaceEdit([fix]);
  if (fix.createFile) action.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uriOf(fix.createFile.path)] };
  return action;
}

function fixAllAction(code: string, fixes: readonly Fix[]): vscode.CodeAction {
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all "{0}" problems in this file', code), vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(fixes);
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
