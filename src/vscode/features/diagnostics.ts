import * as vscode from 'vscode';
import { CancelledError, type Finding } from '../../core/index';
import { checkOptions, checksWholeWorkspace, type PostcraftSettings } from '../config';
import { isPostDocument, sitePathOf, toDiagnostic, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';

/**
 * Live diagnostics: open posts are checked as the writer types (on the editor's text: an edit after a
 * pause at once, then at most once per `postcraft.validate.intervalMs` while typing goes on);
 * with `postcraft.validate.workspace`, every post of every site is checked in the background too.
 * Keeps the findings behind each diagnostic so code actions can offer their fixes.
 */
export interface SiteTotals {
  posts: number;
  errors: number;
  warnings: number;
}

export class DiagnosticsManager extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('postcraft'));
  private readonly findings = new Map<string, readonly Finding[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each open post was last checked (`performance.now()`), for the interval while typing. */
  private readonly lastChecked = new Map<string, number>();
  private siteCheck: vscode.CancellationTokenSource | undefined;
  private readonly didUpdate = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after a file's diagnostics were replaced (tests and the status bar wait on it). */
  readonly onDidUpdate = this.didUpdate.event;

  constructor(private readonly session: SiteSession, private settings: PostcraftSettings) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)));
    this.register(session.onDidIndex(() => void this.checkEverything()));
    this.register(session.onDidChangeFiles(({ path, scope }) => (scope === 'site' ? this.scheduleEverything() : this.recheckFile(path))));
  }

  /** Findings behind the diagnostics of a file, for code actions. */
  findingsFor(uri: vscode.Uri): readonly Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  updateSettings(settings: PostcraftSettings): void {
    this.settings = settings;
    this.scheduleEverything();
  }

  /**
   * Checks the post soon: at once after a pause, else when the interval since its last check ends. A
   * check already due reads the text as it is then, so further edits only wait for it. (A check costs
   * about a millisecond, so there is no need to wait for typing to stop, only to bound the rate.)
   */
  private schedule(document: vscode.TextDocument): void {
    if (!isPostDocument(document)) return;
    const key = document.uri.toString();
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastChecked.get(key) ?? -Infinity) + this.settings.intervalMs - performance.now());
    // The entry stays until the check has run, indexing included: edits meanwhile add no second check.
    this.timers.set(
      key,
      setTimeout(() => {
        void this.session.ready.then(() => {
          this.timers.delete(key);
          this.checkDocument(document);
        });
      }, wait),
    );
  }

  private checkDocument(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    this.lastChecked.set(document.uri.toString(), performance.now());
    const path = sitePathOf(document.uri);
    if (!path || !this.settings.validateEnabled) return this.set(document.uri, []);
    const linkTargets = this.session.service.linkTargetsVersion;
    this.set(document.uri, this.session.service.checkText(path, document.getText(), checkOptions(this.settings)));
    // The edit changed this page's URL or headings: links to it from the other open posts may now be broken, or whole.
    if (this.session.service.linkTargetsVersion !== linkTargets) {
      for (const other of vscode.workspace.textDocuments) if (other !== document && !other.isClosed) this.schedule(other);
    }
  }

  private async recheckFile(path: string): Promise<void> {
    const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && sitePathOf(document.uri) === path);
    if (open) return this.checkDocument(open);
    if (checksWholeWorkspace(this.settings)) this.set(uriOf(path), await this.session.service.checkFile(path, checkOptions(this.settings)));
  }

  private onClose(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    this.timers.delete(document.uri.toString());
    this.lastChecked.delete(document.uri.toString());
    const path = sitePathOf(document.uri);
    if (!this.settings.validateWorkspace || !path) this.set(document.uri, []);
    else void this.recheckFile(path); // back to what is saved on disk
  }

  private everythingTimer: ReturnType<typeof setTimeout> | undefined;

  private scheduleEverything(): void {
    clearTimeout(this.everythingTimer);
    this.everythingTimer = setTimeout(() => void this.checkEverything(), 100);
  }

  /**
   * Checks every post of every site (with `postcraft.validate.workspace`, or when asked for the whole
   * site), then the open posts from their editors' text. Returns the totals for a summary.
   */
  async checkEverything(request: { wholeSite?: boolean; location?: vscode.ProgressLocation } = {}): Promise<SiteTotals | undefined> {
    this.siteCheck?.cancel();
    const source = (this.siteCheck = new vscode.CancellationTokenSource());
    await this.session.ready;
    if (!this.settings.validateEnabled) {
      this.collection.clear();
      this.findings.clear();
      return undefined;
    }
    const totals: SiteTotals = { posts: 0, errors: 0, warnings: 0 };
    if (this.settings.validateWorkspace || request.wholeSite) {
      // A large site takes seconds: say so in a notification; a small one only in the status bar.
      const sites = this.session.service.siteSummaries();
      const posts = sites.reduce((sum, site) => sum + site.posts, 0);
      const location = request.location ?? (posts > 200 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window);
      const cancelled = await vscode.window.withProgress({ location, title: 'Postcraft: checking posts', cancellable: location === vscode.ProgressLocation.Notification }, async (progress, token) => {
        token.onCancellationRequested(() => source.cancel());
        try {
          for (const site of sites) {
            let reported = 0;
            const { checkedFiles, findings } = await this.session.service.checkSiteAt(site.root, checkOptions(this.settings), source.token, ({ done, total }) => {
              const percent = Math.floor((done / total) * 100);
              if (percent > reported) progress.report({ message: `${done}/${total} posts`, increment: percent - reported });
              reported = percent;
            });
            const byFile = new Map<string, Finding[]>(checkedFiles.map((path) => [path, []]));
            for (const finding of findings) byFile.get(finding.file)?.push(finding);
            // An open post's diagnostics come from its editor's text (below): the saved file's would flicker in between.
            const open = new Set(vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => document.uri.toString()));
            const saved = [...byFile].map(([path, fileFindings]) => [uriOf(path), fileFindings] as [vscode.Uri, Finding[]]).filter(([uri]) => !open.has(uri.toString()));
            await this.publishInChunks(saved, source.token);
            totals.posts += site.posts;
          }
          return false;
        } catch (error) {
          if (error instanceof CancelledError) return true;
          throw error;
        }
      });
      if (cancelled) return undefined;
    }
    // Open editors may hold unsaved text: theirs wins over the saved file.
    for (const document of vscode.workspace.textDocuments) if (isPostDocument(document)) this.checkDocument(document);
    for (const [, findings] of this.findings) {
      totals.errors += findings.filter((finding) => finding.severity === 'error').length;
      totals.warnings += findings.filter((finding) => finding.severity === 'warning').length;
    }
    return totals;
  }

  /**
   * The findings of a whole site, a few hundred files per call with a turn of the event loop between:
   * one call per file for 10,000 posts held the extension host (shared with every other extension)
   * for a third of a second.
   */
  private async publishInChunks(entries: readonly [vscode.Uri, readonly Finding[]][], token: vscode.CancellationToken): Promise<void> {
    for (let start = 0; start < entries.length && !token.isCancellationRequested; start += 500) {
      const chunk = entries.slice(start, start + 500);
      for (const [uri, findings] of chunk) this.findings.set(uri.toString(), findings);
      this.collection.set(chunk.map(([uri, findings]) => [uri, findings.map(toDiagnostic)]));
      for (const [uri] of chunk) this.didUpdate.fire(uri);
      await new Promise((resolve) => setTimeout(resolve, 0)); // not setImmediate: the web worker host has none
    }
  }

  private set(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.findings.set(uri.toString(), findings);
    this.collection.set(uri, findings.map(toDiagnostic));
    this.didUpdate.fire(uri);
  }

  override dispose(): void {
    this.siteCheck?.cancel();
    for (const timer of this.timers.values()) clearTimeout(timer);
    clearTimeout(this.everythingTimer);
    super.dispose();
  }
}
