import * as vscode from 'vscode';
import { postSelector, sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** Image paths and author ids become links to the files they name. */
class PostLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly session: SiteSession) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const path = sitePathOf(document.uri);
    if (!path) return [];
    return this.session.service.documentLinks(path, document.getText()).map((link) => {
      const documentLink = new vscode.DocumentLink(toRange(link.range), uriOf(link.target));
      documentLink.tooltip = link.tooltip;
      return documentLink;
    });
  }
}

export function registerDocumentLinkSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(postSelector, new PostLinkProvider(session));
}
