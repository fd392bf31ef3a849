import * as vscode from 'vscode';
import { openEditorText } from '../commands/renameTag';
import { postSelector, sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

const kind = vscode.CodeActionKind.RefactorRewrite.append('postcraft.updateLinks');

class UrlChangeAction extends vscode.CodeAction {
  constructor(
    readonly path: string,
    readonly savedText: string,
    readonly text: string,
    oldUrl: string,
    newUrl: string,
  ) {
    super(vscode.l10n.t('Update links to {0} across the site to {1}', oldUrl, newUrl), kind);
  }
}

/**
 * While a post's edited frontmatter (a `slug`, `url` or `permalink`) publishes it at another URL than the
 * saved file, offers to update every link to the old URL. The edits are computed when the action is
 * chosen: code actions are asked for on every cursor move.
 */
class UrlChangeActionProvider implements vscode.CodeActionProvider<UrlChangeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [kind] };

  constructor(private readonly session: SiteSession) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range): Promise<UrlChangeAction[]> {
    const path = sitePathOf(document.uri);
    if (!path || !document.isDirty) return [];
    const text = document.getText();
    // Only in the frontmatter, where the URL is decided.
    if (this.session.service.inFrontmatter(path, text, document.offsetAt(range.start)) !== true) return [];
    const bytes = await this.session.fs.readFile(path);
    if (!bytes) return [];
    const savedText = new TextDecoder().decode(bytes);
    const change = this.session.service.urlChange(path, savedText, text);
    return change ? [new UrlChangeAction(path, savedText, text, change.oldUrl, change.newUrl)] : [];
  }

  async resolveCodeAction(action: UrlChangeAction, token: vscode.CancellationToken): Promise<UrlChangeAction> {
    const edits = await this.session.service.planUrlChange(action.path, action.savedText, action.text, openEditorText, token);
    const edit = new vscode.WorkspaceEdit();
    for (const change of edits) edit.replace(uriOf(change.file), toRange(change.range), change.newText);
    action.edit = edit;
    return action;
  }
}

export function registerUrlChangeSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(postSelector, new UrlChangeActionProvider(session), UrlChangeActionProvider.metadata);
}
