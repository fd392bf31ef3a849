import * as vscode from 'vscode';
import { checkOptionsOf } from '../../core/index';
import { readSettings } from '../config';
import { sitePathOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** `"editor.codeActionsOnSave": { "source.fixAll.postcraft": "explicit" }` asks for this kind. */
export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('postcraft');

/**
 * Fix all: every safe fix of the post (one preferred fix, in the post alone), checked again until none is
 * left, as `postcraft check --fix` writes them (PostcraftService.fixText). One edit per changed region, so
 * the cursor and the rest of the text stay where they were.
 */
class FixAllProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [fixAllKind] };

  constructor(private readonly session: SiteSession) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    // Only when asked for (on save, the Source Action menu): not on every lightbulb request.
    if (!context.only?.contains(fixAllKind)) return [];
    await this.session.ready;
    const path = sitePathOf(document.uri);
    if (path === undefined || token.isCancellationRequested) return [];
    const result = this.session.service.fixText(path, document.getText(), checkOptionsOf(readSettings()));
    if (result.edits.length === 0) return [];
    const edit = new vscode.WorkspaceEdit();
    for (const change of result.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.range.start), document.positionAt(change.range.end)), change.newText);
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all Postcraft problems with a safe fix ({0})', result.applied.length), fixAllKind);
    action.edit = edit;
    return [action];
  }
}

export function registerFixAllSupport(selector: vscode.DocumentSelector, session: SiteSession): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new FixAllProvider(session), FixAllProvider.metadata);
}
