import * as vscode from 'vscode';
import { CancelledError, createPostcraftService, type Logger, type PostcraftService, type SiteFileSystem } from '../core/index';
import { translate } from './l10n';
import { checksWholeWorkspace, readSettings } from './config';
import { sitePathOf } from './convert';
import { Disposable } from './util/dispose';

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
  readonly onDidIndex = this.didIndex.event;
  readonly onDidChangeFiles = this.didChangeFiles.event;
  readonly onDidChangeIndexing = this.indexingState.event;
  private indexing: vscode.CancellationTokenSource | undefined;
  private current: Promise<void> = Promise.resolve();
  isIndexing = false;

  /**
   * @param fs the file system the core reads: the disk where the extension host runs (Node), or
   * `vscode.workspace.fs` in the web worker host (see ../web/extension.ts).
   */
  constructor(private readonly logger: Logger, readonly fs: SiteFileSystem) {
    super();
    // With `validate.workspace` every post is checked after indexing: checked while indexed, each is read once.
    this.service = createPostcraftService({ fs, logger, checksAfterOpening: () => checksWholeWorkspace(readSettings()), translate });
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    this.register(watcher.onDidCreate((uri) => void this.onFileEvent(uri, 'created')));
    this.register(watcher.onDidChange((uri) => void this.onFileEvent(uri, 'changed')));
    this.register(watcher.onDidDelete((uri) => void this.onFileEvent(uri, 'deleted')));
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
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()));
  }

  /** Resolves once the current indexing has finished (at once when nothing is indexing). */
  get ready(): Promise<void> {
    return this.current;
  }

  /** (Re)detects and indexes every site of the workspace, cancelling a run still going. */
  reindex(): Promise<void> {
    this.indexing?.cancel();
    const source = (this.indexing = new vscode.CancellationTokenSource());
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => sitePathOf(folder.uri)).filter((path) => path !== undefined);
    this.setIndexing(true);
    this.current = this.service.openWorkspace(folders, source.token).then(
      () => {
        if (source.token.isCancellationRequested) return;
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

  private readonly reportedProblems = new Set<string>();

  /**
   * A config Postcraft cannot read, or a site too large to list, changes what the checks can see: said
   * once per problem in a notification (the log has them all), not on every re-index.
   */
  private reportSiteProblems(): void {
    const fresh = this.service.siteSummaries().flatMap((site) => site.configProblems.map((problem) => `${vscode.workspace.asRelativePath(site.root) || site.root}: ${problem}`)).filter((problem) => !this.reportedProblems.has(problem));
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
    super.dispose();
  }
}
