import * as vscode from 'vscode';
import { placeImage, relativePath } from '../../core/index';
import { toSitePath } from '../../core/index';
import { uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { activePost } from './activePost';
import type { Command } from './commandManager';

/** Copies an image where the site keeps images and inserts a reference the site resolves. */
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
    const placement = placeImage(post.site, post.path, file.path.split('/').pop() ?? 'image.png');
    if (!placement) throw new Error('this site has no folder Postcraft knows to put images in');
    const destination = uriOf(placement.destination);
    const sourcePath = file.scheme === 'file' ? toSitePath(file.fsPath) : undefined;
    if (sourcePath !== placement.destination) {
      if (await this.session.fs.stat(placement.destination)) {
        const choice = await vscode.window.showWarningMessage(`${relativePath(post.site.root, placement.destination)} already exists.`, { modal: true }, 'Use the existing file');
        if (!choice) return undefined;
      } else {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(destination, '..'));
        await vscode.workspace.fs.copy(file, destination, { overwrite: false });
        await this.session.fileWritten(destination);
      }
    }
    const snippet = new vscode.SnippetString('![${1:alt text}](').appendText(placement.reference).appendText(')');
    await post.editor.insertSnippet(snippet, post.editor.selection);
    return placement.reference;
  }
}
