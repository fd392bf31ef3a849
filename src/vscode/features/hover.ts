import * as vscode from 'vscode';
import { postSelector, sitePathOf, toRange, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';

/** Tag usage, author cards and image previews from the core. */
class PostHoverProvider implements vscode.HoverProvider {
  constructor(private readonly session: SiteSession) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const path = sitePathOf(document.uri);
    const info = path && this.session.service.hover(path, document.getText(), document.offsetAt(position));
    if (!info) return undefined;
    const markdown = new vscode.MarkdownString(info.markdown);
    // Images inside the site only: the hover may show them, nothing else.
    if (info.images.length) markdown.baseUri = uriOf(info.images[0]!);
    return new vscode.Hover(markdown, toRange(info.range));
  }
}

export function registerHoverSupport(session: SiteSession): vscode.Disposable {
  return vscode.languages.registerHoverProvider(postSelector, new PostHoverProvider(session));
}
