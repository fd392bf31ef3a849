import * as vscode from 'vscode';
import type { SiteSession } from '../siteSession';
import type { ActivePost } from './activePost';

/** Adds `value` to the list under `key` of the active post, as one undoable edit in its style. */
export async function insertListValue(session: SiteSession, post: ActivePost, key: string, value: string): Promise<boolean> {
  const document = post.editor.document;
  const planned = session.service.listValueEdit(post.path, document.getText(), key, value);
  if ('problem' in planned) {
    if (planned.problem === 'no-frontmatter') void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: this post has no frontmatter to add to.'));
    if (planned.problem === 'not-a-list') void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: "{0}" in this post is not a list Postcraft can add to.', key));
    return false;
  }
  const { edit } = planned;
  return post.editor.edit((builder) => builder.replace(new vscode.Range(document.positionAt(edit.range.start), document.positionAt(edit.range.end)), edit.newText));
}
