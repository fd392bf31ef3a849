import * as vscode from 'vscode';
import { CancelledError, createPostcraftService, formatMessage, isInside, siteMarkerNames, type CheckCache, type CheckOptions, type Logger, type PostcraftService, type SiteFileSystem } from '../core/index';
import { checkOptions, checksWholeWorkspace, readSettings } from './config';
import { isPostDocument, sitePathOf, uriOf } from './convert';
import { translate } from './l10n';
import { Disposable } from './util/dispose';
import type { WarmStartStore } from './warmStart';

export type SiteChangeScope = 'post' | 'site';

/**
 * The sites of the open workspace, indexed in the background and kept current by a file watcher.
 * Features subscribe to `onDidIndex` (a fresh index) and `onDidChangeFiles` (a file on disk changed).
 */
export class SiteSession extends Disposable {
  readonly service: PostcraftService;
  private readonly didIndex = this.register(new vscode.EventEmitter<void>());
  private readonly didChangeFiles = this.register(new vscode.EventEmitter<{ readonly path: string; readonly scope: SiteChangeScope }>());
  private readonly indexingState = this.register(new vscode.EventEmitter<boolean>());
  private readonly loadKept = this.register(new vscode.EventEmitter<{ readonly cache: CheckCache; readonly options: CheckOptions; readonly version: string }>());
  readonly onDidIndex = this.didIndex.event;
  readonly onDidChangeFiles = this.didChangeFiles.event;
  readonly onDidChangeIndexing = this.indexingState.event;
  /** The cache of the last start was read from the workspace storage, before the sites load from it. */
  readonly onDidLoadKept = this.loadKept.event;
  private indexing: vscode.CancellationTokenSource | undefined;
  /** Watches the open sites' files: all of a generator's site, only the posts of a plain Markdown folder. */
  private siteWatchers: vscode.Disposable[] = [];
  /** Whether the workspace is indexed (it holds a site, a post was opened, or a check was asked for). */
  private started = false;
  private current: Promise<void> = Promise.resolve();
  isIndexing = false;

  /**
   * @param fs the file system the core reads: the disk where the extension host runs (Node), or
   * `vscode.workspace.fs` in the web worker host (see ../web/extension.ts).
   */
  constructor(private readonly logger: Logger, readonly fs: SiteFileSystem, private readonly warmStart?: { readonly store: WarmStartStore; readonly version: string }) {
    super();
    // With `validate.workspace` every post is checked after indexing: checked while indexed, each is read once.
    this.service = createPostcraftService({ fs, logger, checksAfterOpening: () => checksWholeWorkspace(readSettings()), translate });
    // A new or changed config outside the open sites may make (or unmake) a site: detect again.
    const markers = this.register(vscode.workspace.createFileSystemWatcher(`**/{${siteMarkerNames.join(',')}}`));
    for (const event of [markers.onDidCreate, markers.onDidChange, markers.onDidDelete]) this.register(event((uri) => this.onSiteMarker(uri)));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => void (!this.started && isPostDocument(document) && this.start())));
    // The watcher can miss files in a folder created just before them (seen in VS Code 1.100 with a new
    // `assets/blog/YYYY/MM/`): files made through the editor (Explorer, workspace edits such as a pasted
    // image) are reported by these events as well. Indexing a file twice is harmless.
    this.register(vscode.workspace.onDidCreateFiles(({ files }) => files.forEach((uri) => void this.onFileEvent(uri, 'created'))));
    this.register(vscode.workspace.onDidDeleteFiles(({ files }) => files.forEach((uri) => void this.onFileEvent(uri, 'deleted'))));
    this.register(
      vscode.workspace.onDidRenameFiles(({ files }) =>
        files.forEach(({ oldUri, newUri }) => {
          void this.onFileEvent(oldUri, 'deleted');
          void this.onFileEvent(newUri, 'created');
        }),
      ),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.start()));
  }

  /** Resolves once the current indexing has finished (at once when nothing is indexing). */
  get ready(): Promise<void> {
    return this.current;
  }

  /**
   * Indexes the workspace if it holds a site or a post is open; otherwise only waits for either (a
   * `config.toml` of some other tool activates the extension but is no Hugo site: nothing is indexed).
   */
  start(): Promise<void> {
    if (this.started) return this.reindex();
    this.current = this.service.findSites(workspaceFolderPaths()).then(
      (sites) => {
        if (this.started) return this.current;
        if (sites.length === 0 && !vscode.workspace.textDocuments.some(isPostDocument)) {
          this.logger.info('No site in the workspace: indexing waits for a Markdown file to be opened or a site config to appear');
          return;
        }
        return this.reindex();
      },
      (error: unknown) => this.logger.error('Looking for sites failed', error),
    );
    return this.current;
  }

  /** (Re)detects and indexes every site of the workspace, cancelling a run still going. */
  reindex(): Promise<void> {
    this.started = true;
    this.indexing?.cancel();
    const source = (this.indexing = new vscode.CancellationTokenSource());
    const folders = workspaceFolderPaths();
    this.setIndexing(true);
    this.current = this.open(folders, source.token).then(
      () => {
        if (source.token.isCancellationRequested) return;
        this.watchSites();
        if (this.service.checkCache) this.warmStart?.store.save(this.service.checkCache);
        this.setIndexing(false);
        this.didIndex.fire();
        this.reportSiteProblems();
      },
      (error: unknown) => {
        if (error instanceof CancelledError) return;
        this.setIndexing(false);
        this.logger.error('Indexing the workspace failed', error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Postcraft could not index the workspace: {0}', error instanceof Error ? error.message : String(error)));
      },
    );
    return this.current;
  }

  /** One watcher per open site (a plain Markdown folder: its posts only), so a workspace that is no site is never watched whole. */
  private watchSites(): void {
    for (const watcher of this.siteWatchers) watcher.dispose();
    this.siteWatchers = this.service.siteFolders().map((site) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(uriOf(site.root), site.generator ? '**/*' : '**/*.{md,markdown,mdx}'));
      const subscriptions = [
        watcher.onDidCreate((uri) => void this.onFileEvent(uri, 'created')),
        watcher.onDidChange((uri) => void this.onFileEvent(uri, 'changed')),
        watcher.onDidDelete((uri) => void this.onFileEvent(uri, 'deleted')),
      ];
      return vscode.Disposable.from(watcher, ...subscriptions);
    });
  }

  /**
   * A config file changed outside the open generator sites (their own watchers report those inside):
   * indexed again only when the sites it makes differ, so a tool's `config.json` changing costs a look.
   */
  private onSiteMarker(uri: vscode.Uri): void {
    const path = sitePathOf(uri);
    if (path === undefined) return;
    if (this.service.siteFolders().some((site) => site.generator && isInside(site.root, path))) return;
    void this.service.findSites(workspaceFolderPaths()).then(
      (sites) => {
        const found = sites.map((site) => site.root);
        // A plain folder counts as a site when it holds postcraft.config.json (see findSites).
        const open = this.service.siteFolders().filter((site) => site.generator || found.includes(site.root)).map((site) => site.root);
        if (found.length !== open.length || found.some((root) => !open.includes(root))) void this.start();
      },
      (error: unknown) => this.logger.error('Looking for sites failed', error),
    );
  }

  /**
   * With every post checked (`validate.workspace`) and a place to keep it, the sites open warm: from
   * the cache of the last start (the kept one at first, then the last index's), only changed posts read.
   */
  private async open(folders: readonly string[], token: vscode.CancellationToken): Promise<void> {
    const settings = readSettings();
    if (!this.warmStart || !checksWholeWorkspace(settings)) {
      await this.service.openWorkspace(folders, token);
      return;
    }
    let previous = this.service.checkCache;
    if (!previous) {
      previous = await this.warmStart.store.load();
      if (previous) this.loadKept.fire({ cache: previous, options: checkOptions(settings), version: this.warmStart.version });
    }
    await this.service.openWorkspace(folders, token, { previous, options: checkOptions(settings), version: this.warmStart.version });
  }

  private readonly reportedProblems = new Set<string>();

  /**
   * A config Postcraft cannot read, or a site too large to list, changes what the checks can see: said
   * once per problem in a notification (the log has them all), not on every re-index.
   */
  private reportSiteProblems(): void {
    const fresh = this.service.siteSummaries().flatMap((site) => site.configProblems.map((problem) => vscode.l10n.t('{0}: {1}', vscode.workspace.asRelativePath(site.root) || site.root, formatMessage(problem, translate)))).filter((problem) => !this.reportedProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) this.reportedProblems.add(problem);
    const shown = fresh.length > 1 ? vscode.l10n.t('Postcraft: {0} (and {1} more)', fresh[0]!, fresh.length - 1) : vscode.l10n.t('Postcraft: {0}', fresh[0]!);
    void vscode.window.showWarningMessage(shown, vscode.l10n.t('Show Log')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('postcraft.showLog');
    });
  }

  private setIndexing(value: boolean): void {
    this.isIndexing = value;
    this.indexingState.fire(value);
  }

  private async onFileEvent(uri: vscode.Uri, change: 'created' | 'changed' | 'deleted'): Promise<void> {
    const path = sitePathOf(uri);
    if (path === undefined) return;
    await this.current;
    try {
      const scope = await this.service.fileChanged(path, change);
      if (scope === 'none') return;
      if (this.service.needsReopen(path, change)) await this.reindex();
      else this.didChangeFiles.fire({ path, scope });
    } catch (error) {
      this.logger.error(`Updating the index for ${uri.toString(true)} failed`, error);
    }
  }

  override dispose(): void {
    this.indexing?.cancel();
    for (const watcher of this.siteWatchers) watcher.dispose();
    super.dispose();
  }
}

function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => sitePathOf(folder.uri)).filter((path) => path !== undefined);
}

