import * as vscode from 'vscode';
import { openEditorText } from '../commands/renameTag';
import { postSelector, sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** F2 on a heading's text renames it and every `#fragment` across the site that named its old ID. */
class HeadingRenameProvider implements vscode.RenameProvider {
  constructor(private readonly session: SiteSession) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const path = sitePathOf(document.uri);
    const heading = path && this.session.service.headingToRename(path, document.getText(), document.offsetAt(position));
    // Rejected elsewhere, so other rename providers (VS Code's Markdown) get their turn.
    if (!heading) throw new Error(vscode.l10n.t('Postcraft renames a heading: put the cursor on its text.'));
    return { range: toRange(heading.range), placeholder: heading.text };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    const path = sitePathOf(document.uri);
    if (!path) return undefined;
    const edits = await this.session.service.planHeadingRename(path, document.getText(), document.offsetAt(position), newName, openEditorText, token);
    if (edits.length === 0) return undefined;
    const edit = new vscode.WorkspaceEdit();
    for (const change of edits) edit.replace(uriOf(change.file), toRange(change.range), change.newText);
    return edit;
  }
}

export function registerHeadingRenameSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerRenameProvider(postSelector, new HeadingRenameProvider(session));
}
