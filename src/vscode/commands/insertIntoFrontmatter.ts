import * as vscode from 'vscode';
import { addListValue, parsePost } from '../../core/index';
import type { ActivePost } from './activePost';

/** Adds `value` to the list under `key` of the active post, as one undoable edit in its style. */
export async function insertListValue(post: ActivePost, key: string, value: string): Promise<boolean> {
  const document = post.editor.document;
  const parsed = parsePost(post.path, document.getText(), post.site.frontmatterSyntax);
  if (!parsed.frontmatter) {
    void vscode.window.showInformationMessage('Postcraft: this post has no frontmatter to add to.');
    return false;
  }
  const edit = addListValue(parsed, key, value);
  if (!edit) {
    void vscode.window.showInformationMessage(`Postcraft: "${key}" in this post is not a list Postcraft can add to.`);
    return false;
  }
  return post.editor.edit((builder) => builder.replace(new vscode.Range(document.positionAt(edit.range.start), document.positionAt(edit.range.end)), edit.newText));
}
