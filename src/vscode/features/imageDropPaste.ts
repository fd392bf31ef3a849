import * as vscode from 'vscode';
import { basename, isImagePath, planImageInsertion, relativePath } from '../../core/index';
import { postSelector, sitePathOf, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** One image the writer dropped or pasted: a file somewhere, or clipboard data with only a name. */
interface IncomingImage {
  readonly name: string;
  readonly uri?: vscode.Uri;
  readonly file?: vscode.DataTransferFile;
}

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
    const site = this.session.service.siteFor(postPath);
    if (!site?.isPost(postPath)) return undefined;
    const images = await incomingImages(dataTransfer);
    if (images.length === 0 || token.isCancellationRequested) return undefined;

    const snippet = new vscode.SnippetString();
    const copies = new vscode.WorkspaceEdit();
    const taken = new Set<string>();
    for (const [index, image] of images.entries()) {
      const planned = planImageInsertion(site, postPath, { name: image.name, path: image.uri && sitePathOf(image.uri) });
      if (!planned) return undefined; // no folder the site keeps images in: VS Code's own provider does better
      if (planned.copyTo) {
        taken.add(planned.copyTo);
        // The bytes, not the DataTransferFile: VS Code revives those only for drops it started itself.
        const contents = image.file ? await image.file.data() : image.uri ? await vscode.workspace.fs.readFile(image.uri) : undefined;
        if (!contents) return undefined;
        copies.createFile(uriOf(planned.copyTo), { contents, ignoreIfExists: true });
      }
      if (index > 0) snippet.appendText('\n\n');
      snippet.appendText('![').appendPlaceholder('alt text').appendText(`](${markdownDestination(planned.reference)})`);
    }
    const copied = [...taken].map((path) => relativePath(site.root, path));
    const title = copied.length ? `Copy to ${copied.join(', ')} and insert an image link (Postcraft)` : 'Insert an image link the site resolves (Postcraft)';
    // An edit with no copies is left out: VS Code refuses to apply an empty one.
    return { snippet, copies: taken.size ? copies : undefined, title };
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
    images.push(file.uri ? { name: file.name, uri: file.uri, file } : { name: isImagePath(file.name) ? file.name : `image.${mime.slice('image/'.length).replace('jpeg', 'jpg').replace(/\+.*$/, '')}`, file });
  }
  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  for (const line of uriList?.split(/\r?\n/) ?? []) {
    if (!line.trim() || line.startsWith('#')) continue;
    const uri = parseUri(line.trim());
    if (uri && uri.scheme === 'file' && isImagePath(uri.path) && !seen.has(uri.toString())) {
      seen.add(uri.toString());
      images.push({ name: basename(uri.path), uri });
    }
  }
  return images;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** A link destination that stays one: angle brackets when the path holds spaces or parentheses. */
function markdownDestination(reference: string): string {
  return /[\s()<>]/.test(reference) ? `<${reference.replace(/[<>]/g, encodeURIComponent)}>` : reference;
}

export function registerImageDropPasteSupport(session: SiteSession): { readonly provider: ImageDropPasteProvider; readonly registration: vscode.Disposable } {
  const provider = new ImageDropPasteProvider(session);
  const registration = vscode.Disposable.from(
    vscode.languages.registerDocumentDropEditProvider(postSelector, provider, { providedDropEditKinds: [imageInsertionKind], dropMimeTypes: ['files', 'text/uri-list', 'image/*'] }),
    vscode.languages.registerDocumentPasteEditProvider(postSelector, provider, { providedPasteEditKinds: [imageInsertionKind], pasteMimeTypes: ['files', 'image/*', 'text/uri-list'] }),
  );
  return { provider, registration };
}
