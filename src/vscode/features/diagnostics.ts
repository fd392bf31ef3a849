import * as vscode from 'vscode';
import { CheckScheduler, keptFindings, type Finding, type FindingsUpdate, type ScheduledDocument, type SiteCheckTotals } from '../../core/index';
import type { PostcraftSettings } from '../config';
import { isPostDocument, sitePathOf, toDiagnostic, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';

/**
 * Live diagnostics: the core's CheckScheduler decides when open posts and the workspace are checked
 * (see src/core/service/checkScheduler.ts, shared with the language server); this class feeds it the
 * editor's events and shows what it publishes. Keeps the findings behind each diagnostic so code
 * actions can offer their fixes.
 */
export type SiteTotals = SiteCheckTotals;

export class DiagnosticsManager extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('postcraft'));
  private readonly findings = new Map<string, readonly Finding[]>();
  private readonly scheduler: CheckScheduler;
  private readonly didUpdate = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after a file's diagnostics were replaced (tests and the status bar wait on it). */
  readonly onDidUpdate = this.didUpdate.event;

  constructor(private readonly session: SiteSession, private settings: PostcraftSettings) {
    super();
    this.scheduler = new CheckScheduler({
      service: session.service,
      ready: () => session.ready,
      settings: () => this.settings,
      openDocuments: () => vscode.workspace.textDocuments.filter((document) => !document.isClosed && isPostDocument(document)).map(scheduled),
      publish: (updates) => this.publish(updates),
      clear: () => {
        this.collection.clear();
        this.findings.clear();
      },
      withProgress: ({ posts, request }, cancel, work) => {
        // A large site takes seconds: say so in a notification; a small one only in the status bar.
        const location = (request.location as vscode.ProgressLocation | undefined) ?? (posts > 200 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window);
        return vscode.window.withProgress({ location, title: vscode.l10n.t('Postcraft: checking posts'), cancellable: location === vscode.ProgressLocation.Notification }, async (progress, token) => {
          token.onCancellationRequested(cancel);
          let reported = 0;
          return work((done, total) => {
            const percent = Math.floor((done / total) * 100);
            if (percent > reported) progress.report({ message: vscode.l10n.t('{0}/{1} posts', done, total), increment: percent - reported });
            reported = percent;
          });
        });
      },
    });
    this.register({ dispose: () => this.scheduler.dispose() });
    const changed = (document: vscode.TextDocument) => {
      if (isPostDocument(document)) this.scheduler.documentChanged(scheduled(document));
    };
    this.register(vscode.workspace.onDidOpenTextDocument(changed));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => changed(event.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.scheduler.documentClosed(scheduled(document))));
    this.register(session.onDidIndex(() => void this.scheduler.indexed()));
    // A warm start: the last start's findings of the posts unchanged since, shown while the site loads.
    this.register(session.onDidLoadKept(({ cache, options, version }) => void keptFindings(session.fs, cache, { options, version }).then((findings) => this.scheduler.showKept(findings))));
    this.register(session.onDidChangeFiles(({ path, scope }) => this.scheduler.fileChanged(path, scope)));
  }

  /** Resolves when indexing and the whole-workspace check under way (if any) have finished. */
  get settled(): Promise<void> {
    return this.scheduler.settled;
  }

  /** Findings behind the diagnostics of a file, for code actions. */
  findingsFor(uri: vscode.Uri): readonly Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  updateSettings(settings: PostcraftSettings): void {
    this.settings = settings;
    this.scheduler.settingsChanged();
  }

  /**
   * Checks every post of every site (with `postcraft.validate.workspace`, or when asked for the whole
   * site), then the open posts from their editors' text. Returns the totals for a summary.
   */
  checkEverything(request: { wholeSite?: boolean; location?: vscode.ProgressLocation } = {}): Promise<SiteTotals | undefined> {
    return this.scheduler.checkEverything(request);
  }

  private publish(updates: readonly FindingsUpdate[]): void {
    const entries = updates.map(({ document, path, findings }) => [document ? (document as EditorDocument).uri : uriOf(path!), findings] as const);
    for (const [uri, findings] of entries) this.findings.set(uri.toString(), findings);
    this.collection.set(entries.map(([uri, findings]) => [uri, findings.map(toDiagnostic)]));
    for (const [uri] of entries) this.didUpdate.fire(uri);
  }
}

/** The scheduler hands back the documents the manager gave it: their URIs are the editor's own. */
interface EditorDocument extends ScheduledDocument {
  readonly uri: vscode.Uri;
}

function scheduled(document: vscode.TextDocument): EditorDocument {
  return { key: document.uri.toString(), uri: document.uri, path: sitePathOf(document.uri), text: () => document.getText(), version: document.version };
}
