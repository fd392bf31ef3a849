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
    this.item.name = vscode.l10n.t('Postcraft site');
    this.item.command = 'postcraft.checkSite';
    this.register(session.onDidChangeIndexing(() => this.update()));
    this.register(session.onDidIndex(() => this.update()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  private update(): void {
    if (this.session.isIndexing) {
      this.item.text = '$(sync~spin) Postcraft';
      this.item.tooltip = vscode.l10n.t('Postcraft is indexing the site');
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
    const pages = otherPages === 0 ? '' : otherPages === 1 ? vscode.l10n.t(' (and 1 list or author page)') : vscode.l10n.t(' (and {0} list or author pages)', otherPages);
    this.item.tooltip = [
      vscode.l10n.t('Postcraft: {0} site at {1}', site.generator, site.root),
      vscode.l10n.t('{0} posts{1} · {2} tags · {3} authors', posts, pages, site.tags, site.authors),
      vscode.l10n.t('Click to check the whole site'),
    ].join('\n');
    this.show();
  }

  private show(): void {
    this.visible = true;
    this.item.show();
  }
}
