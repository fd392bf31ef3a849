import * as vscode from 'vscode';
import { basename, isImagePath } from '../../core/index';
import { postSelector, sitePathOf } from '../convert';
import { planImageEdit, type IncomingImage } from '../imageEdit';
import type { SiteSession } from '../siteSession';

export const imageInsertionKind = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image', 'postcraft');

/**
 * Drop or paste an image into a post: the image is copied where the site keeps images (the same rule as
 * Insert Image) and a reference the generator resolves is inserted. Copy and insertion form one edit,
 * undone together. Anything else (text, URLs, files that are not images, documents outside a site) is
 * left to VS Code's own providers.
 */
export class ImageDropPasteProvider implements vscode.DocumentDropEditProvider, vscode.DocumentPasteEditProvider {
  constructor(private readonly session: SiteSession) {}

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const planned = await this.plan(document, dataTransfer, token);
    if (!planned) return undefined;
    const edit = new vscode.DocumentDropEdit(planned.snippet, planned.title, imageInsertionKind);
    if (planned.copies) edit.additionalEdit = planned.copies;
    return edit;
  }

  async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const planned = await this.plan(document, dataTransfer, token);
    if (!planned) return undefined;
    const edit = new vscode.DocumentPasteEdit(planned.snippet, planned.title, imageInsertionKind);
    if (planned.copies) edit.additionalEdit = planned.copies;
    return [edit];
  }

  private async plan(document: vscode.TextDocument, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken) {
    const postPath = sitePathOf(document.uri);
    if (!postPath) return undefined;
    if (!this.session.service.siteOfPost(postPath)) return undefined;
    const images = await incomingImages(dataTransfer);
    if (images.length === 0 || token.isCancellationRequested) return undefined;
    // Undefined without a folder the site keeps images in: VS Code's own provider does better then.
    return planImageEdit(this.session.service, { path: postPath, text: document.getText() }, images, token);
  }
}

/** The images in a drop or paste: files from the OS or the clipboard, and image URIs from the Explorer. */
async function incomingImages(dataTransfer: vscode.DataTransfer): Promise<IncomingImage[]> {
  const images: IncomingImage[] = [];
  const seen = new Set<string>();
  for (const [mime, item] of dataTransfer) {
    const file = item.asFile();
    if (!file || !(mime.startsWith('image/') || isImagePath(file.name))) continue;
    if (file.uri) seen.add(file.uri.toString());
    const name = file.uri || isImagePath(file.name) ? file.name : `image.${mime.slice('image/'.length).replace('jpeg', 'jpg').replace(/\+.*$/, '')}`;
    if (!isImagePath(name)) continue; // image/x-icon, image/vnd.…: no format the site's generator publishes as is
    images.push(file.uri ? { name, uri: file.uri, file } : { name, file });
  }
  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  for (const line of uriList?.split(/\r?\n/) ?? []) {
    if (!line.trim() || line.startsWith('#')) continue;
    const uri = parseUri(line.trim());
    // Only files this extension host can read: in VS Code for the Web a `file:` URI from the OS is not (the
    // drop then comes with its bytes as a file, above), an Explorer drop of the workspace's own images is.
    if (uri && canRead(uri) && isImagePath(uri.path) && !seen.has(uri.toString())) {
      seen.add(uri.toString());
      images.push({ name: basename(uri.path), uri });
    }
  }
  return images;
}

function canRead(uri: vscode.Uri): boolean {
  return vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== undefined;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

export function registerImageDropPasteSupport(session: SiteSession): { readonly provider: ImageDropPasteProvider; readonly registration: vscode.Disposable } {
  const provider = new ImageDropPasteProvider(session);
  const registration = vscode.Disposable.from(
    vscode.languages.registerDocumentDropEditProvider(postSelector, provider, { providedDropEditKinds: [imageInsertionKind], dropMimeTypes: ['files', 'text/uri-list', 'image/*'] }),
    vscode.languages.registerDocumentPasteEditProvider(postSelector, provider, { providedPasteEditKinds: [imageInsertionKind], pasteMimeTypes: ['files', 'image/*', 'text/uri-list'] }),
  );
  return { provider, registration };
}
