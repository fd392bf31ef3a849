import * as vscode from 'vscode';
import { basename } from '../../core/index';
import { planImageEdit } from '../imageEdit';
import type { SiteSession } from '../siteSession';
import { activePost } from './activePost';
import type { Command } from './commandManager';

/** Copies an image where the site keeps images and inserts a reference the site resolves, as a drop would. */
export class InsertImageCommand implements Command {
  readonly id = 'postcraft.insertImage';

  constructor(private readonly session: SiteSession) {}

  async execute(source?: unknown): Promise<string | undefined> {
    const post = await activePost(this.session);
    if (!post) return undefined;
    const file =
      source instanceof vscode.Uri
        ? source
        : (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Insert Image', filters: { Images: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg'] } }))?.[0];
    if (!file) return undefined;
    const planned = await planImageEdit(this.session.service, { path: post.path, text: post.editor.document.getText() }, [{ name: basename(file.path), uri: file }], new vscode.CancellationTokenSource().token);
    if (!planned) throw new Error('this site has no folder Postcraft knows to put images in');
    if (planned.copies && !(await vscode.workspace.applyEdit(planned.copies))) throw new Error('the image could not be copied into the site');
    await post.editor.insertSnippet(planned.snippet, post.editor.selection);
    return planned.references[0];
  }
}
