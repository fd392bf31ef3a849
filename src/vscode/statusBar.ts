import * as vscode from 'vscode';
import type { SiteSession } from './siteSession';
import { sitePathOf } from './convert';
import { Disposable } from './util/dispose';

/** Shows the detected generator of the active post's site; a spinner while indexing. */
export class SiteStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('postcraft.site', vscode.StatusBarAlignment.Left, 10));
  /** Whether the item shows (a StatusBarItem does not say). */
  visible = false;

  constructor(private readonly session: SiteSession) {
    super();
    this.item.name = 'Postcraft site';
    this.item.command = 'postcraft.checkSite';
    this.register(session.onDidChangeIndexing(() => this.update()));
    this.register(session.onDidIndex(() => this.update()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  private update(): void {
    if (this.session.isIndexing) {
      this.item.text = '$(sync~spin) Postcraft';
      this.item.tooltip = 'Postcraft is indexing the site';
      this.show();
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri;
    const path = uri && sitePathOf(uri);
    const site = this.session.service.siteStatus(path || undefined);
    if (!site) {
      this.visible = false;
      return this.item.hide();
    }
    this.item.text = `$(book) ${site.generator}`;
    const { posts, otherPages } = site;
    const pages = otherPages > 0 ? ` (and ${otherPages} list or author ${otherPages === 1 ? 'page' : 'pages'})` : '';
    this.item.tooltip = `Postcraft: ${site.generator} site at ${site.root}\n${posts} posts${pages} · ${site.tags} tags · ${site.authors} authors\nClick to check the whole site`;
    this.show();
  }

  private show(): void {
    this.visible = true;
    this.item.show();
  }
}
