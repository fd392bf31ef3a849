import * as vscode from 'vscode';
import { isOverLimit, lengthAgainstLimit, wordsAndReadingTime } from '../core/index';
import type { SiteSession } from './siteSession';
import { translate } from './l10n';
import { sitePathOf } from './convert';
import { Disposable } from './util/dispose';

/** Shows the detected generator of the active post's site; a spinner while indexing. */
export class SiteStatusBar extends Disposable {
  readonly item = this.register(vscode.window.createStatusBarItem('postcraft.site', vscode.StatusBarAlignment.Left, 10));
  /** Whether the item shows (a StatusBarItem does not say). */
  visible = false;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly session: SiteSession) {
    super();
    this.item.name = vscode.l10n.t('Postcraft site');
    this.item.command = 'postcraft.checkSite';
    this.register(session.onDidChangeIndexing(() => this.update()));
    this.register(session.onDidIndex(() => this.update()));
    // A post saved, created or deleted moves the counts without a new index. Counting walks every post:
    // once a burst of changes (a branch switch) is over, not once per file.
    this.register(session.onDidChangeFiles(() => {
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.update(), 300);
    }));
    this.register({ dispose: () => clearTimeout(this.pending) });
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

/** The active post's words and reading time, beside the site item; its tooltip has the other SEO facts. */
export class PostStatsStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('postcraft.postStats', vscode.StatusBarAlignment.Left, 9));
  private readonly updated = this.register(new vscode.EventEmitter<string | undefined>());
  /** Fires with the text shown (undefined when hidden): the integration tests' window onto the item. */
  readonly onDidUpdate = this.updated.event;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private shown: string | undefined;

  constructor(private readonly session: SiteSession) {
    super();
    this.item.name = vscode.l10n.t('Postcraft words and reading time');
    this.register(session.onDidIndex(() => this.update()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    // Counting parses the whole body: once typing pauses, not at every keystroke.
    this.register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== vscode.window.activeTextEditor?.document) return;
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.update(), 300);
    }));
    this.register({ dispose: () => clearTimeout(this.pending) });
    this.update();
  }

  /** What the item shows now; undefined when hidden. */
  get text(): string | undefined {
    return this.shown;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const path = document && sitePathOf(document.uri);
    const facts = path ? this.session.service.seoFacts(path, document.getText()) : undefined;
    if (!facts) {
      this.item.hide();
      this.shown = undefined;
    } else {
      this.item.text = `$(clock) ${wordsAndReadingTime(facts, translate)}`;
      const value = (fact: Parameters<typeof lengthAgainstLimit>[0] | undefined) => (fact ? `${lengthAgainstLimit(fact, translate)}${isOverLimit(fact) ? ' ⚠' : ''}` : vscode.l10n.t('missing'));
      const lines = [vscode.l10n.t('Title: {0}', value(facts.title)), vscode.l10n.t('Description: {0}', value(facts.description)), vscode.l10n.t('Slug: {0}', value(facts.slug))];
      const tooltip = new vscode.MarkdownString(lines.join('  \n'));
      this.item.tooltip = tooltip;
      this.item.show();
      this.shown = this.item.text;
    }
    this.updated.fire(this.shown);
  }
}
