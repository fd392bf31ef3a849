import * as vscode from 'vscode';
import { postSelector, sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** A link to a heading in another post: its line is found when the link is followed, not for every link shown. */
class HeadingLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly file: vscode.Uri,
    readonly offset: number,
  ) {
    super(range);
  }
}

/** Image paths, author ids and links to pages become links to the files they name (at the heading). */
class PostLinkProvider implements vscode.DocumentLinkProvider<vscode.DocumentLink> {
  constructor(private readonly session: SiteSession) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const path = sitePathOf(document.uri);
    if (!path) return [];
    return this.session.service.documentLinks(path, document.getText()).map((link) => {
      const range = toRange(link.range);
      let documentLink: vscode.DocumentLink;
      if (link.targetOffset === undefined) documentLink = new vscode.DocumentLink(range, uriOf(link.target));
      else if (link.target === path) documentLink = new vscode.DocumentLink(range, atPosition(uriOf(link.target), document.positionAt(link.targetOffset)));
      else documentLink = new HeadingLink(range, uriOf(link.target), link.targetOffset);
      documentLink.tooltip = link.tooltip;
      return documentLink;
    });
  }

  async resolveDocumentLink(link: vscode.DocumentLink): Promise<vscode.DocumentLink> {
    if (!(link instanceof HeadingLink)) return link;
    const target = await vscode.workspace.openTextDocument(link.file);
    link.target = atPosition(link.file, target.positionAt(link.offset));
    return link;
  }
}

/** A file URI that opens at a position (the `#L12,3` fragment VS Code's opener reads). */
function atPosition(uri: vscode.Uri, position: vscode.Position): vscode.Uri {
  return uri.with({ fragment: `L${position.line + 1},${position.character + 1}` });
}

export function registerDocumentLinkSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(postSelector, new PostLinkProvider(session));
}
