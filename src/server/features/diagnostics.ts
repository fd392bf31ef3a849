import { CancellationTokenSource, DocumentDiagnosticReportKind, type Connection, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type Finding } from '../../core/index';
import { sitePathOf, toDiagnostic, uriOf } from '../convert';
import type { ServerSession } from '../session';
import { checkOptions, checksWholeWorkspace } from '../settings';

export interface DiagnosticsSupport {
  /** The client pulls diagnostics (`textDocument/diagnostic`, LSP 3.17); else the server pushes them. */
  readonly pull: boolean;
  /** The client re-pulls when asked (`workspace/diagnostic/refresh`). */
  readonly refresh: boolean;
  readonly relatedInformation: boolean;
}

/**
 * Diagnostics for the client, scheduled as the extension schedules them: an open post is checked on
 * its editor's text (an edit after a pause at once, then at most once per `validate.intervalMs`);
 * with `validate.workspace`, every post of every site is checked after indexing, with `$/progress`.
 * Keeps the findings behind each diagnostic so code actions can offer their fixes.
 */
export class DiagnosticsManager {
  /** Findings of open documents, by the client's URI. */
  private readonly openFindings = new Map<string, readonly Finding[]>();
  /** Findings of the saved files from the last whole-workspace check, by site path. */
  private savedFindings = new Map<string, readonly Finding[]>();
  /** URIs the server has pushed diagnostics for, to clear them when validation is turned off. */
  private readonly published = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastChecked = new Map<string, number>();
  private siteCheck: CancellationTokenSource | undefined;
  private workspaceCheck: Promise<void> = Promise.resolve();
  private everythingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly session: ServerSession,
    private readonly support: DiagnosticsSupport,
  ) {
    const { documents } = session;
    if (support.pull) {
      connection.languages.diagnostics.on(async (params) => ({ kind: DocumentDiagnosticReportKind.Full, items: await this.pullDocument(params.textDocument.uri) }));
      connection.languages.diagnostics.onWorkspace(async () => ({ items: await this.pullWorkspace() }));
    } else {
      documents.onDidChangeContent(({ document }) => this.schedule(document));
    }
    documents.onDidClose(({ document }) => this.onClose(document));
    session.onDidIndex(() => void this.checkEverything());
    session.onDidChangeSettings(() => this.scheduleEverything());
    session.onDidChangeFiles(({ path, scope }) => (scope === 'site' ? this.scheduleEverything() : void this.recheckFile(path)));
  }

  /** Findings behind the diagnostics of a document, for code actions. */
  findingsFor(uri: string): readonly Finding[] {
    const path = sitePathOf(uri);
    return this.openFindings.get(uri) ?? (path ? this.savedFindings.get(path) : undefined) ?? [];
  }

  /** Resolves when the whole-workspace check under way (if any) has finished. */
  get settled(): Promise<void> {
    return this.session.ready.then(() => this.workspaceCheck);
  }

  private schedule(document: TextDocument): void {
    const key = document.uri;
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastChecked.get(key) ?? -Infinity) + this.session.settings.intervalMs - performance.now());
    // The entry stays until the check has run, indexing included: edits meanwhile add no second check.
    this.timers.set(
      key,
      setTimeout(() => {
        void this.session.ready.then(() => {
          this.timers.delete(key);
          this.checkDocument(key);
        });
      }, wait),
    );
  }

  /** Checks an open document's current text; returns its findings (pull) after pushing them (push). */
  private checkDocument(uri: string): readonly Finding[] {
    const document = this.session.documents.get(uri);
    if (!document) return [];
    this.lastChecked.set(uri, performance.now());
    const path = sitePathOf(uri);
    const settings = this.session.settings;
    const linkTargets = this.session.service.linkTargetsVersion;
    const findings = path && settings.validateEnabled ? this.session.service.checkText(path, document.getText(), checkOptions(settings)) : [];
    this.openFindings.set(uri, findings);
    if (!this.support.pull) this.publish(uri, findings, document.version, true);
    // The edit changed this page's URL or headings: links to it from the other open posts may now be broken, or whole.
    if (this.session.service.linkTargetsVersion !== linkTargets) {
      if (this.support.pull) this.refresh();
      else for (const other of this.session.documents.all()) if (other.uri !== uri) this.schedule(other);
    }
    return findings;
  }

  private async pullDocument(uri: string) {
    await this.session.ready;
    return this.checkDocument(uri).map((finding) => toDiagnostic(finding, this.support.relatedInformation));
  }

  /** The saved files' findings from the last whole-workspace check; open documents are pulled on their own. */
  private async pullWorkspace(): Promise<WorkspaceDocumentDiagnosticReport[]> {
    await this.settled;
    const open = new Set(this.session.documents.all().map((document) => sitePathOf(document.uri)));
    return [...this.savedFindings]
      .filter(([path]) => !open.has(path))
      .map(([path, findings]) => ({ kind: DocumentDiagnosticReportKind.Full, uri: uriOf(path), version: null, items: findings.map((finding) => toDiagnostic(finding, this.support.relatedInformation)) }));
  }

  private async recheckFile(path: string): Promise<void> {
    const open = this.session.openDocument(path);
    if (open) {
      if (this.support.pull) this.refresh();
      else this.checkDocument(open.uri);
      return;
    }
    if (!checksWholeWorkspace(this.session.settings)) return;
    const findings = await this.session.service.checkFile(path, checkOptions(this.session.settings));
    this.savedFindings.set(path, findings);
    if (this.support.pull) this.refresh();
    else this.publish(uriOf(path), findings);
  }

  private onClose(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.delete(document.uri);
    this.lastChecked.delete(document.uri);
    this.openFindings.delete(document.uri);
    const path = sitePathOf(document.uri);
    if (this.support.pull) return; // the client drops a closed document's pulled diagnostics itself
    if (!path || !checksWholeWorkspace(this.session.settings)) this.publish(document.uri, []);
    else void this.recheckFile(path); // back to what is saved on disk
  }

  private scheduleEverything(): void {
    clearTimeout(this.everythingTimer);
    this.everythingTimer = setTimeout(() => void this.checkEverything(), 100);
  }

  /**
   * Checks every post of every site (with `validate.workspace`), reporting `$/progress` where the client
   * supports it, then the open documents from their text.
   */
  checkEverything(): Promise<void> {
    this.siteCheck?.cancel();
    const source = (this.siteCheck = new CancellationTokenSource());
    this.workspaceCheck = this.runEverything(source).catch((error: unknown) => {
      if (!(error instanceof CancelledError)) this.session.logger.error('Checking the workspace failed', error);
    });
    return this.workspaceCheck;
  }

  private async runEverything(source: CancellationTokenSource): Promise<void> {
    const settings = this.session.settings;
    if (!settings.validateEnabled) {
      await this.session.ready;
      this.savedFindings = new Map();
      this.openFindings.clear();
      for (const uri of [...this.published]) this.publish(uri, []);
      if (this.support.pull) this.refresh();
      return;
    }
    if (checksWholeWorkspace(settings)) {
      const progress = await this.connection.window.createWorkDoneProgress();
      progress.begin('Postcraft: checking posts', 0, 'indexing', true);
      progress.token.onCancellationRequested(() => source.cancel());
      try {
        await this.session.ready;
        let reported = -1;
        const byFile = await this.session.service.checkWorkspace(checkOptions(settings), source.token, ({ done, total }) => {
          const percent = Math.floor((done / total) * 100);
          if (percent > reported) progress.report(percent, `${done}/${total} posts`);
          reported = percent;
        });
        this.savedFindings = byFile;
        if (!this.support.pull) await this.publishSaved(byFile, source);
      } finally {
        progress.done();
      }
    } else {
      await this.session.ready;
      this.savedFindings = new Map();
    }
    // Open documents may hold unsaved text: theirs wins over the saved file.
    if (this.support.pull) this.refresh();
    else for (const document of this.session.documents.all()) this.checkDocument(document.uri);
  }

  /** The saved files' findings, a few hundred per turn of the event loop so requests are served in between. */
  private async publishSaved(byFile: ReadonlyMap<string, readonly Finding[]>, source: CancellationTokenSource): Promise<void> {
    const open = new Set(this.session.documents.all().map((document) => sitePathOf(document.uri)));
    const entries = [...byFile].filter(([path]) => !open.has(path));
    for (let start = 0; start < entries.length && !source.token.isCancellationRequested; start += 500) {
      for (const [path, findings] of entries.slice(start, start + 500)) this.publish(uriOf(path), findings);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Sends a file's diagnostics; a saved file with none is sent only to clear what was shown (`always` for open documents). */
  private publish(uri: string, findings: readonly Finding[], version?: number, always = false): void {
    if (findings.length === 0 && !this.published.has(uri) && !always) return;
    if (findings.length === 0) this.published.delete(uri);
    else this.published.add(uri);
    const diagnostics = findings.map((finding) => toDiagnostic(finding, this.support.relatedInformation));
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  private refresh(): void {
    if (this.support.refresh) void this.connection.languages.diagnostics.refresh();
  }

  dispose(): void {
    this.siteCheck?.cancel();
    for (const timer of this.timers.values()) clearTimeout(timer);
    clearTimeout(this.everythingTimer);
  }
}
