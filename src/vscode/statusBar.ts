import * as vscode from 'vscode';
import type { SiteSession } from './siteSession';
import { postPaths, postsByAuthor } from '../core/index';
import { sitePathOf } from './convert';
import { Disposable } from './util/dispose';

/** Shows the detected generator of the active post's site; a spinner while indexing. */
export class SiteStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('postcraft.site', vscode.StatusBarAlignment.Left, 10));

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
      this.item.show();
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri;
    const path = uri && sitePathOf(uri);
    const site = path ? this.session.service.siteFor(path) : this.session.service.openSites[0];
    if (!site) return this.item.hide();
    this.item.text = `$(book) ${site.profile.displayName}`;
    const posts = postPaths(site).length;
    const otherPages = site.posts.size - posts;
    const pages = otherPages > 0 ? ` (and ${otherPages} list or author ${otherPages === 1 ? 'page' : 'pages'})` : '';
    this.item.tooltip = `Postcraft: ${site.profile.displayName} site at ${site.root}\n${posts} posts${pages} · ${site.tags.size} tags · ${postsByAuthor(site).size} authors\nClick to check the whole site`;
    this.item.show();
  }
}
