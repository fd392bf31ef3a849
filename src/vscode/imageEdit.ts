import * as vscode from 'vscode';
import { configuredImageDestination, relativePath, type ChosenDestination, type ImageDestinationRules, type PostcraftService } from '../core/index';
import { sitePathOf, uriOf } from './convert';

/** An image to put into a post: a file somewhere, or clipboard data with only a name. */
export interface IncomingImage {
  readonly name: string;
  readonly uri?: vscode.Uri;
  readonly file?: vscode.DataTransferFile;
}

export interface ImageEdit {
  /** `![alt text](…)` per image, to insert where the writer is. */
  readonly snippet: vscode.SnippetString;
  /** Each image's link destination, as the snippet writes it. */
  readonly references: readonly string[];
  /** The copies into the site; absent when every image is referred to where it is (VS Code refuses an empty edit). */
  readonly copies: vscode.WorkspaceEdit | undefined;
  readonly title: string;
}

/**
 * How images get into a post, for *Insert Image…*, drops and pastes alike: each is copied where the site
 * keeps images (or referred to where the site already resolves it), under a name that neither the index,
 * nor the other images, nor the disk has; copies are file creations of one workspace edit, so they are
 * undone with the link and reach the index through the editor's file events.
 */
export async function planImageEdit(service: PostcraftService, post: { readonly path: string; readonly text: string }, images: readonly IncomingImage[], token: vscode.CancellationToken): Promise<ImageEdit | undefined> {
  const postPath = post.path;
  const root = service.siteOf(postPath)?.root;
  if (root === undefined) return undefined;
  const snippet = new vscode.SnippetString();
  const copies = new vscode.WorkspaceEdit();
  const taken = new Set<string>();
  const copied: string[] = [];
  const references: string[] = [];
  const chosen = chosenDestination(postPath);
  for (const [index, image] of images.entries()) {
    const planned = await planOne(service, post, image, taken, chosen);
    if (!planned) return undefined;
    if (planned.copyTo) {
      copied.push(planned.copyTo);
      // The bytes, not the DataTransferFile: VS Code revives those only for drops it started itself.
      const contents = image.file ? await image.file.data() : image.uri ? await vscode.workspace.fs.readFile(image.uri) : undefined;
      if (!contents || token.isCancellationRequested) return undefined;
      // No overwrite: should a file appear there after all, the edit fails rather than link to it.
      copies.createFile(uriOf(planned.copyTo), { contents, overwrite: false });
    }
    if (index > 0) snippet.appendText('\n\n');
    references.push(markdownDestination(planned.reference));
    snippet.appendText('![').appendPlaceholder(vscode.l10n.t('alt text')).appendText(`](${references.at(-1)})`);
  }
  const title = copied.length ? vscode.l10n.t('Copy to {0} and insert an image link (Postcraft)', copied.map((path) => relativePath(root, path)).join(', ')) : vscode.l10n.t('Insert an image link the site resolves (Postcraft)');
  return { snippet, references, copies: copied.length ? copies : undefined, title };
}

/** One image's place; the disk is asked too, since the index may not know a file yet (or lists a link as nothing). */
async function planOne(service: PostcraftService, post: { readonly path: string; readonly text: string }, image: IncomingImage, taken: Set<string>, chosen: ChosenDestination | undefined) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const planned = service.planImageInsertion(post.path, { name: image.name, path: image.uri && sitePathOf(image.uri) }, taken, chosen, post.text);
    if (!planned?.copyTo) return planned;
    taken.add(planned.copyTo);
    const onDisk = await vscode.workspace.fs.stat(uriOf(planned.copyTo)).then(
      () => true,
      () => false,
    );
    if (!onDisk) return planned;
  }
  return undefined;
}

/** `postcraft.images.destination` of the post's folder, if the writer set one (it overrides the site's own place). */
function chosenDestination(postPath: string): ChosenDestination | undefined {
  const uri = uriOf(postPath);
  const rules = vscode.workspace.getConfiguration('postcraft.images', uri).get<ImageDestinationRules>('destination');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const folderPath = folder && sitePathOf(folder.uri);
  if (!rules || typeof rules !== 'object' || Object.keys(rules).length === 0 || folderPath === undefined) return undefined;
  return (fileName) => configuredImageDestination(rules, postPath, folderPath, fileName);
}

/**
 * A link destination that stays one and names the file: `%`, `#` and `?` escaped (or they would read as
 * an escape, a fragment, a query), angle brackets when the path holds spaces or parentheses.
 */
function markdownDestination(reference: string): string {
  const escaped = reference.replace(/[%#?]/g, encodeURIComponent);
  return /[\s()<>]/.test(escaped) ? `<${escaped.replace(/[<>]/g, encodeURIComponent)}>` : escaped;
}
