import * as l10n from '@vscode/l10n';
import { DocumentDiagnosticReportKind, type Connection, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckScheduler, type Finding, type FindingsUpdate, type ScheduledDocument } from '../../core/index';
import { sitePathOf, toDiagnostic, uriOf } from '../convert';
import type { ServerSession } from '../session';

export interface DiagnosticsSupport {
  /** The client pulls diagnostics (`textDocument/diagnostic`, LSP 3.17); else the server pushes them. */
  readonly pull: boolean;
  /** The client re-pulls when asked (`workspace/diagnostic/refresh`). */
  readonly refresh: boolean;
  readonly relatedInformation: boolean;
}

/**
 * Diagnostics for the client, scheduled by the core's CheckScheduler as in the extension (see
 * src/core/service/checkScheduler.ts): this class feeds it the client's events and sends what it
 * publishes, pushed or pulled, with `$/progress` for whole-workspace checks.
 * Keeps the findings behind each diagnostic so code actions can offer their fixes.
 */
export class DiagnosticsManager {
  /** URIs the server has pushed diagnostics for, to clear them when validation is turned off. */
  private readonly published = new Set<string>();
  private readonly scheduler: CheckScheduler;

  constructor(
    private readonly connection: Connection,
    private readonly session: ServerSession,
    private readonly support: DiagnosticsSupport,
  ) {
    const { documents } = session;
    this.scheduler = new CheckScheduler({
      service: session.service,
      ready: () => session.ready,
      settings: () => session.settings,
      openDocuments: () => documents.all().map(scheduled),
      publish: (updates) => this.publishAll(updates),
      clear: () => {
        for (const uri of [...this.published]) this.publish(uri, []);
      },
      ...(support.pull ? { refresh: () => this.refresh() } : {}),
      withProgress: async (_info, cancel, work) => {
        const progress = await connection.window.createWorkDoneProgress();
        progress.begin(l10n.t('Postcraft: checking posts'), 0, l10n.t('checking'), true);
        progress.token.onCancellationRequested(cancel);
        try {
          let reported = -1;
          return await work((done, total) => {
            const percent = Math.floor((done / total) * 100);
            if (percent > reported) progress.report(percent, l10n.t('{0}/{1} posts', done, total));
            reported = percent;
          });
        } finally {
          progress.done();
        }
      },
      logger: session.logger,
    });
    if (support.pull) {
      connection.languages.diagnostics.on(async (params) => ({ kind: DocumentDiagnosticReportKind.Full, items: await this.pullDocument(params.textDocument.uri) }));
      connection.languages.diagnostics.onWorkspace(async () => ({ items: await this.pullWorkspace() }));
    } else {
      documents.onDidChangeContent(({ document }) => this.scheduler.documentChanged(scheduled(document)));
    }
    documents.onDidClose(({ document }) => this.scheduler.documentClosed(scheduled(document)));
    session.onDidIndex(() => void this.scheduler.indexed());
    session.onDidChangeSettings(() => this.scheduler.settingsChanged());
    session.onDidChangeFiles(({ path, scope }) => this.scheduler.fileChanged(path, scope));
  }

  /** Findings behind the diagnostics of a document, for code actions. */
  findingsFor(uri: string): readonly Finding[] {
    return this.scheduler.findingsFor(uri, sitePathOf(uri));
  }

  /** Resolves when the whole-workspace check under way (if any) has finished. */
  get settled(): Promise<void> {
    return this.scheduler.settled;
  }

  /** Checks every post of every site (with `validate.workspace`), then the open documents from their text. */
  async checkEverything(): Promise<void> {
    await this.scheduler.checkEverything();
  }

  private async pullDocument(uri: string) {
    await this.session.ready;
    return this.scheduler.checkNow(uri).map((finding) => toDiagnostic(finding, this.support.relatedInformation));
  }

  /** The saved files' findings from the last whole-workspace check; open documents are pulled on their own. */
  private async pullWorkspace(): Promise<WorkspaceDocumentDiagnosticReport[]> {
    await this.settled;
    return [...this.scheduler.savedFiles()].map(([path, findings]) => ({ kind: DocumentDiagnosticReportKind.Full, uri: uriOf(path), version: null, items: findings.map((finding) => toDiagnostic(finding, this.support.relatedInformation)) }));
  }

  private publishAll(updates: readonly FindingsUpdate[]): void {
    for (const { document, path, findings } of updates) {
      if (document) this.publish(document.key, findings, document.version, true);
      else this.publish(uriOf(path!), findings);
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
    this.scheduler.dispose();
  }
}

function scheduled(document: TextDocument): ScheduledDocument {
  return { key: document.uri, path: sitePathOf(document.uri), text: () => document.getText(), version: document.version };
}
