import { CancelledError, type CancellationToken } from '../host/cancellation';
import type { Logger } from '../host/logger';
import { silentLogger } from '../host/logger';
import type { Finding } from '../checks/finding';
import type { EditorSettings } from '../settings/editorSettings';
import { checkOptionsOf } from '../checks/runChecks';
import type { PostcraftService } from '../service';

/** An open document as the front sees it; `key` is the front's name for it (its URI as a string). */
export interface ScheduledDocument {
  readonly key: string;
  /** Its path in the sites, or undefined for a document outside them (an untitled buffer). */
  readonly path: string | undefined;
  /** The editor's text as it is now. */
  text(): string;
  readonly version?: number;
}

/** Findings to show: an open document's (from its text), or a saved file's (`document` undefined). */
export interface FindingsUpdate {
  readonly document?: ScheduledDocument;
  readonly path: string | undefined;
  readonly findings: readonly Finding[];
}

export interface WholeCheckRequest {
  /** Check every post even without `validate.workspace` (the "check site" command). */
  readonly wholeSite?: boolean;
  /** Anything the front wants back in `withProgress` (where to show the progress). */
  readonly [option: string]: unknown;
}

export interface SiteCheckTotals {
  posts: number;
  errors: number;
  warnings: number;
}

/** What a front gives the scheduler: its documents and settings, and where findings go. */
export interface CheckSchedulerHost {
  readonly service: PostcraftService;
  /** Resolves once indexing has finished (at once when nothing is indexing). */
  ready(): Promise<void>;
  settings(): EditorSettings;
  /** The open documents to check from their text (the front leaves out what is not a post's). */
  openDocuments(): readonly ScheduledDocument[];
  publish(updates: readonly FindingsUpdate[]): void;
  /** Validation was turned off: drop every finding shown. */
  clear(): void;
  /**
   * Pull diagnostics (LSP 3.17): the client asks for a document's findings (`checkNow`), and the
   * scheduler only says when they may have changed. Without it, findings are pushed through `publish`.
   */
  readonly refresh?: () => void;
  /**
   * Shows the progress of a whole-workspace check of `posts` posts; `cancel` stops it (the writer's
   * cancel button). Without it the check runs silently.
   */
  withProgress?<T>(info: { readonly posts: number; readonly request: WholeCheckRequest }, cancel: () => void, work: (report: (done: number, total: number) => void) => Promise<T>): PromiseLike<T>;
  readonly logger?: Logger;
  /** The clock for the typing interval (tests); `performance.now` by default. */
  readonly now?: () => number;
}

/**
 * When open posts and the workspace are checked, for every front alike (the extension, the language
 * server): an edit after a pause is checked at once, then at most once per `validate.intervalMs` while
 * typing goes on (a check costs about a millisecond, so there is no need to wait for typing to stop,
 * only to bound the rate); an edit that changes a page's URL or headings re-checks the other open
 * posts; with `validate.workspace` every post is checked after indexing and after a change that
 * concerns the whole site, a newer run cancelling the one under way.
 */
export class CheckScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each open document was last checked, for the interval while typing. */
  private readonly lastChecked = new Map<string, number>();
  private readonly openFindings = new Map<string, readonly Finding[]>();
  /** The saved files' findings (whole-workspace checks and re-checks of closed files), by path. */
  private savedFindings = new Map<string, readonly Finding[]>();
  /** The files whose findings the front shows (push): a whole check clears those it no longer finds. */
  private readonly shown = new Set<string>();
  private everythingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Kept findings being shown (`showKept`): stopped once a whole check publishes its own. */
  private keptShown: { isCancellationRequested: boolean } | undefined;
  /** A whole check has published: kept findings would be older than what is shown. */
  private checkedWhole = false;
  private siteCheck: { isCancellationRequested: boolean } | undefined;
  private wholeCheck: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly host: CheckSchedulerHost) {
    this.logger = host.logger ?? silentLogger;
    this.now = host.now ?? (() => performance.now());
  }

  private get pull(): boolean {
    return this.host.refresh !== undefined;
  }

  /** Findings behind what is shown for a document (open: from its text; else the saved file's), for code actions. */
  findingsFor(key: string, path: string | undefined): readonly Finding[] {
    return this.openFindings.get(key) ?? (path !== undefined ? this.savedFindings.get(path) : undefined) ?? [];
  }

  /** The saved files' findings from the last whole-workspace check and later re-checks, without the open documents'. */
  savedFiles(): ReadonlyMap<string, readonly Finding[]> {
    const open = new Set(this.host.openDocuments().map((document) => document.path));
    return new Map([...this.savedFindings].filter(([path]) => !open.has(path)));
  }

  /** Resolves when indexing and the whole-workspace check under way (if any) have finished. */
  get settled(): Promise<void> {
    return this.host.ready().then(() => this.wholeCheck.then(() => undefined));
  }

  /** A document was opened or edited (push): it is checked soon. */
  documentChanged(document: ScheduledDocument): void {
    this.schedule(document.key);
  }

  /**
   * Checks the document soon: at once after a pause, else when the interval since its last check ends.
   * A check already due reads the text as it is then, so further edits only wait for it.
   */
  private schedule(key: string): void {
    if (this.disposed || this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastChecked.get(key) ?? -Infinity) + this.host.settings().intervalMs - this.now());
    // The entry stays until the check has run, indexing included: edits meanwhile add no second check.
    this.timers.set(
      key,
      setTimeout(() => {
        void this.host.ready().then(() => {
          this.timers.delete(key);
          if (!this.disposed) this.checkNow(key);
        });
      }, wait),
    );
  }

  /** Checks an open document's current text now and shows (push) or returns (pull) its findings. */
  checkNow(key: string): readonly Finding[] {
    const document = this.host.openDocuments().find((open) => open.key === key);
    if (!document) return [];
    this.lastChecked.set(key, this.now());
    const settings = this.host.settings();
    const service = this.host.service;
    const linkTargets = service.linkTargetsVersion;
    const findings = document.path !== undefined && settings.validateEnabled ? service.checkText(document.path, document.text(), checkOptionsOf(settings)) : [];
    this.openFindings.set(key, findings);
    if (!this.pull) this.publish([{ document, path: document.path, findings }]);
    // An image the text shows was not weighed yet (it is weighed when first shown): checked again once it is.
    const weighing = document.path !== undefined ? service.imagesWeighing(document.path) : undefined;
    if (weighing) void weighing.then(() => this.weighed(key));
    // The edit changed this page's URL or headings: links to it from the other open posts may now be broken, or whole.
    if (service.linkTargetsVersion !== linkTargets) {
      if (this.pull) this.host.refresh!();
      else for (const other of this.host.openDocuments()) if (other.key !== key) this.schedule(other.key);
    }
    return findings;
  }

  private weighed(key: string): void {
    if (this.disposed || !this.host.openDocuments().some((open) => open.key === key)) return;
    if (this.pull) this.host.refresh!();
    else this.schedule(key);
  }

  /** A document was closed: its findings go back to the saved file's (with `validate.workspace`), or away. */
  documentClosed(document: ScheduledDocument): void {
    clearTimeout(this.timers.get(document.key));
    this.timers.delete(document.key);
    this.lastChecked.delete(document.key);
    this.openFindings.delete(document.key);
    if (this.pull) return; // the client drops a closed document's pulled diagnostics itself
    if (document.path === undefined || !checksWholeWorkspace(this.host.settings())) this.publish([{ document, path: document.path, findings: [] }]);
    else void this.recheckFile(document.path);
  }

  /** A file changed on disk (after `PostcraftService.fileChanged`): `site` when findings elsewhere may have changed. */
  fileChanged(path: string, scope: 'post' | 'site'): void {
    if (scope === 'site') this.scheduleEverything();
    else void this.recheckFile(path);
  }

  /** The sites were (re)indexed. */
  indexed(): Promise<SiteCheckTotals | undefined> {
    return this.checkEverything();
  }

  settingsChanged(): void {
    this.scheduleEverything();
  }

  private async recheckFile(path: string): Promise<void> {
    const open = this.host.openDocuments().find((document) => document.path === path);
    if (open) {
      if (this.pull) this.host.refresh!();
      else this.checkNow(open.key);
      return;
    }
    const settings = this.host.settings();
    if (!checksWholeWorkspace(settings)) return;
    const findings = await this.host.service.checkFile(path, checkOptionsOf(settings));
    this.savedFindings.set(path, findings);
    if (this.pull) this.host.refresh!();
    else this.publish([{ path, findings }]);
  }

  /**
   * Shows findings kept from the last start (the editor's warm start; see `keptFindings`) for files not
   * open, while the site loads: until the first whole check, which replaces them all, and never after
   * it has begun to publish. Push only.
   */
  async showKept(findings: ReadonlyMap<string, readonly Finding[]>): Promise<void> {
    if (this.pull || this.disposed || this.checkedWhole) return;
    const token = (this.keptShown = { isCancellationRequested: false });
    await this.publishSaved(findings, token);
  }

  /** Several changes in a row (a branch switch, a settings edit) make one whole check. */
  private scheduleEverything(): void {
    if (this.disposed) return;
    clearTimeout(this.everythingTimer);
    this.everythingTimer = setTimeout(() => void this.checkEverything(), 100);
  }

  /**
   * Checks every post of every site (with `validate.workspace`, or `request.wholeSite`) site by site,
   * then the open documents from their text (unsaved text wins over the saved file). Cancels a check
   * still under way. Returns the totals for a summary, or undefined when cancelled or turned off.
   */
  checkEverything(request: WholeCheckRequest = {}): Promise<SiteCheckTotals | undefined> {
    if (this.siteCheck) this.siteCheck.isCancellationRequested = true;
    const token = (this.siteCheck = { isCancellationRequested: false });
    const run = this.runEverything(request, token).catch((error: unknown) => {
      if (error instanceof CancelledError) return undefined;
      this.logger.error('Checking the workspace failed', error);
      return undefined;
    });
    this.wholeCheck = run;
    return run;
  }

  private async runEverything(request: WholeCheckRequest, token: { isCancellationRequested: boolean }): Promise<SiteCheckTotals | undefined> {
    await this.host.ready();
    if (token.isCancellationRequested) return undefined;
    const settings = this.host.settings();
    if (!settings.validateEnabled) {
      this.savedFindings = new Map();
      this.openFindings.clear();
      this.shown.clear();
      this.host.clear();
      if (this.pull) this.host.refresh!();
      return undefined;
    }
    const totals: SiteCheckTotals = { posts: 0, errors: 0, warnings: 0 };
    if (settings.validateWorkspace || request.wholeSite) {
      const sites = this.host.service.siteSummaries();
      const posts = sites.reduce((sum, site) => sum + site.posts, 0);
      const work = async (report: (done: number, total: number) => void) => {
        const total = sites.reduce((sum, site) => sum + this.host.service.checkedFileCount(site.root), 0);
        const saved = new Map<string, readonly Finding[]>();
        let before = 0;
        for (const site of sites) {
          const { checkedFiles, findings } = await this.host.service.checkSiteAt(site.root, checkOptionsOf(settings), token, ({ done }) => report(before + done, total));
          before += checkedFiles.length;
          const byFile = new Map<string, Finding[]>(checkedFiles.map((path) => [path, []]));
          for (const finding of findings) byFile.get(finding.file)?.push(finding);
          for (const [path, fileFindings] of byFile) saved.set(path, fileFindings);
          if (!this.pull) {
            this.checkedWhole = true;
            if (this.keptShown) this.keptShown.isCancellationRequested = true;
            await this.publishSaved(byFile, token);
          }
          if (token.isCancellationRequested) throw new CancelledError();
          totals.posts += site.posts;
        }
        this.savedFindings = saved;
        // A file shown before and not checked now (deleted, moved out of the site) must not keep its findings.
        const open = new Set(this.host.openDocuments().map((document) => document.path));
        const gone = [...this.shown].filter((path) => !saved.has(path) && !open.has(path));
        if (!this.pull && gone.length > 0) this.publish(gone.map((path) => ({ path, findings: [] })));
      };
      if (this.host.withProgress) await this.host.withProgress({ posts, request }, () => (token.isCancellationRequested = true), work);
      else await work(() => undefined);
    } else {
      this.savedFindings = new Map();
    }
    // Open documents may hold unsaved text: theirs wins over the saved file.
    if (this.pull) this.host.refresh!();
    else for (const document of this.host.openDocuments()) this.checkNow(document.key);
    for (const findings of [...this.savedFiles().values(), ...this.openFindings.values()]) {
      totals.errors += findings.filter((finding) => finding.severity === 'error').length;
      totals.warnings += findings.filter((finding) => finding.severity === 'warning').length;
    }
    return totals;
  }

  private publish(updates: readonly FindingsUpdate[]): void {
    for (const { path, findings } of updates) {
      if (path === undefined) continue;
      if (findings.length > 0) this.shown.add(path);
      else this.shown.delete(path);
    }
    this.host.publish(updates);
  }

  /**
   * A whole site's findings, a few hundred files per call with a turn of the event loop between: one
   * call per file for 10,000 posts held the extension host (shared with every other extension) for a
   * third of a second. An open document's come from its text (after), not the saved file's.
   */
  private async publishSaved(byFile: ReadonlyMap<string, readonly Finding[]>, token: CancellationToken): Promise<void> {
    const open = new Set(this.host.openDocuments().map((document) => document.path));
    const entries = [...byFile].filter(([path]) => !open.has(path));
    for (let start = 0; start < entries.length && !token.isCancellationRequested; start += 500) {
      this.publish(entries.slice(start, start + 500).map(([path, findings]) => ({ path, findings })));
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.siteCheck) this.siteCheck.isCancellationRequested = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    clearTimeout(this.everythingTimer);
  }
}

/** Whether every post of the workspace gets findings, not only the open ones. */
export function checksWholeWorkspace(settings: EditorSettings): boolean {
  return settings.validateEnabled && settings.validateWorkspace;
}
