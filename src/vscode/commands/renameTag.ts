import * as vscode from 'vscode';
import { noCancellation } from '../../core/index';
import { sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { pickSite } from './activePost';
import type { Command } from './commandManager';
import { postCount } from '../l10n';

/** The texts of open editors, so a site-wide edit changes what the writer sees, not a stale disk copy. */
export function openEditorText(path: string): string | undefined {
  return vscode.workspace.textDocuments.find((document) => !document.isClosed && sitePathOf(document.uri) === path)?.getText();
}

/** Renames or merges tags across the site as one WorkspaceEdit, reviewed in the refactor preview. */
export async function applyTagRename(session: SiteSession, root: string, from: readonly string[], to: string, confirm: boolean): Promise<number> {
  const edits = await session.service.planTagRename(root, from, to, openEditorText, noCancellation);
  if (edits.length === 0) return 0;
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: vscode.l10n.t('Tag "{0}" → "{1}"', from.join('", "'), to), needsConfirmation: confirm };
  for (const change of edits) edit.replace(uriOf(change.file), toRange(change.range), change.newText, metadata);
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) return 0;
  // The index learns the new tags now, not when the file watcher gets round to it.
  for (const file of new Set(edits.map((change) => change.file))) {
    const text = openEditorText(file);
    if (text !== undefined) session.service.updateText(file, text);
  }
  return edits.length;
}

export class RenameTagCommand implements Command {
  readonly id = 'postcraft.renameTag';

  constructor(private readonly session: SiteSession) {}

  /** Arguments (from, to, preview) let tests and keybindings skip the prompts. */
  async execute(from?: unknown, to?: unknown, preview?: unknown): Promise<number> {
    const site = await pickSite(this.session, vscode.l10n.t('Which site?'));
    if (!site) return 0;
    const usages = this.session.service.tagUsages(site.root);
    const oldTag =
      typeof from === 'string'
        ? from
        : (await vscode.window.showQuickPick(usages.map((usage) => ({ label: usage.tag, description: postCount(usage.count) })), { placeHolder: vscode.l10n.t('Tag to rename across the site') }))?.label;
    if (!oldTag) return 0;
    const newTag = typeof to === 'string' ? to : await vscode.window.showInputBox({ prompt: renamePrompt(oldTag, usages.find((usage) => usage.tag === oldTag)?.count ?? 0), value: oldTag, validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A tag cannot be empty')) });
    if (!newTag?.trim() || newTag.trim() === oldTag) return 0;
    const changed = await applyTagRename(this.session, site.root, [oldTag], newTag.trim(), preview !== false);
    if (changed === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: no post was changed.'));
    return changed;
  }
}

function renamePrompt(tag: string, posts: number): string {
  return posts === 1 ? vscode.l10n.t('Rename "{0}" in 1 post to', tag) : vscode.l10n.t('Rename "{0}" in {1} posts to', tag, posts);
}
