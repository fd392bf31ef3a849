import * as l10n from '@vscode/l10n';
import { CancellationTokenSource, Emitter, MessageType, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, checksWholeWorkspace, createPostcraftService, formatMessage, type FileChange, type Logger, type PostcraftService } from '../core/index';
import { nodeFileSystem, translate } from '../node/index';
import { sitePathOf, uriOf } from './convert';
import { defaultSettings, type ServerSettings } from './settings';

export type SiteChangeScope = 'post' | 'site';

/**
 * The sites of the client's workspace folders, indexed in the background and kept current by the
 * files the client reports changed. Features subscribe to `onDidIndex` (a fresh index) and
 * `onDidChangeFiles` (a file on disk changed), as in the extension's SiteSession.
 */
export class ServerSession {
  readonly service: PostcraftService;
  settings: ServerSettings = defaultSettings;
  private folders: string[] = [];
  private indexing: CancellationTokenSource | undefined;
  // Declared before `current`, whose initializer sets it: a later declaration would reset it to undefined.
  private firstOpened: (() => void) | undefined;
  /** Pending until the client's folders are first opened (after `initialized`): requests before then wait. */
  private current: Promise<void> = new Promise((resolve) => (this.firstOpened = resolve));
  private readonly didIndex = new Emitter<void>();
  private readonly didChangeFiles = new Emitter<{ readonly path: string; readonly scope: SiteChangeScope }>();
  private readonly didChangeSettings = new Emitter<void>();
  readonly onDidIndex = this.didIndex.event;
  readonly onDidChangeFiles = this.didChangeFiles.event;
  readonly onDidChangeSettings = this.didChangeSettings.event;
  private readonly reportedProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly logger: Logger,
  ) {
    // With `validate.workspace` every post is checked after indexing: checked while indexed, each is read once.
    this.service = createPostcraftService({ fs: nodeFileSystem, logger, checksAfterOpening: () => checksWholeWorkspace(this.settings), translate });
  }

  /** Resolves once indexing has finished, a run started meanwhile included (at once when nothing is indexing). */
  get ready(): Promise<void> {
    const settle = async (): Promise<void> => {
      let awaited: Promise<void>;
      do {
        awaited = this.current;
        await awaited;
      } while (awaited !== this.current);
    };
    return settle();
  }

  updateSettings(settings: ServerSettings): void {
    this.settings = settings;
    // Before the first indexing the settings are only kept: the check after it reads them.
    if (!this.firstOpened) this.didChangeSettings.fire();
  }

  /** Sets the workspace folders (as site paths) and indexes them again. */
  setFolders(folders: readonly string[]): Promise<void> {
    this.folders = [...new Set(folders)];
    return this.reindex();
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** (Re)detects and indexes every site of the workspace folders, cancelling a run still going. */
  reindex(): Promise<void> {
    this.indexing?.cancel();
    const source = (this.indexing = new CancellationTokenSource());
    this.current = this.service.openWorkspace(this.folders, source.token).then(
      () => {
        if (source.token.isCancellationRequested) return;
        this.didIndex.fire();
        this.reportSiteProblems();
      },
      (error: unknown) => {
        if (error instanceof CancelledError) return;
        this.logger.error('Indexing the workspace failed', error);
        this.showMessage(MessageType.Error, l10n.t('Postcraft could not index the workspace: {0}', error instanceof Error ? error.message : String(error)));
      },
    );
    // The first run lets the requests waiting since initialization go on.
    if (this.firstOpened) {
      const first = this.firstOpened;
      this.firstOpened = undefined;
      void this.current.then(first);
    }
    return this.current;
  }

  /** A file the client reports created, changed or deleted on disk. */
  async fileChanged(uri: string, change: FileChange): Promise<void> {
    const path = sitePathOf(uri);
    if (!path) return;
    await this.ready;
    try {
      if (this.service.needsReopen(path, change)) return void (await this.reindex());
      const scope = await this.service.fileChanged(path, change);
      if (scope !== 'none') this.didChangeFiles.fire({ path, scope });
    } catch (error) {
      this.logger.error(`Updating the index for ${path} failed`, error);
    }
  }

  /** The open document of a site path, if the client has it open. */
  openDocument(path: string): TextDocument | undefined {
    return this.documents.all().find((document) => sitePathOf(document.uri) === path);
  }

  /** The URI to report a path under: the client's own for an open document (its spelling may differ). */
  uriFor(path: string): string {
    return this.openDocument(path)?.uri ?? uriOf(path);
  }

  /** An open document's text, for core calls that read other posts. */
  readonly openText = (path: string): string | undefined => this.openDocument(path)?.getText();

  /** A config Postcraft cannot read changes what the checks can see: said once per problem. */
  private reportSiteProblems(): void {
    for (const site of this.service.siteSummaries()) {
      for (const problem of site.configProblems) {
        const message = l10n.t('Postcraft: {0}: {1}', site.root, formatMessage(problem, translate));
        if (this.reportedProblems.has(message)) continue;
        this.reportedProblems.add(message);
        this.showMessage(MessageType.Warning, message);
      }
    }
  }

  /**
   * A message with nothing to choose: the `window/showMessage` notification. (`window.showWarningMessage`
   * sends a request, whose refusal by a client that answers none rejected unhandled and ended the server.)
   */
  private showMessage(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  dispose(): void {
    this.indexing?.cancel();
    this.didIndex.dispose();
    this.didChangeFiles.dispose();
    this.didChangeSettings.dispose();
  }
}
