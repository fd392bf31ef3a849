import * as vscode from 'vscode';
import type { Logger } from '../../core/index';
import type { PreviewState } from '../../shared/previewMessages';
import { isPostDocument, sitePathOf, uriOf } from '../convert';
import type { SiteSession } from '../siteSession';
import { Disposable } from '../util/dispose';
import { EditorScrollSync } from './editorScrollSync';
import { PreviewPanel } from './previewPanel';
import { stylesheetUri, type PreviewSettings } from './previewSettings';
import type { RendererLoader } from './renderer';
import { translate } from '../l10n';

/** Fired once the webview shows a render: for tests, which cannot look inside the webview. */
export interface PreviewRendered {
  readonly source: vscode.Uri;
  readonly version: number;
  /** The HTML sent for this version (empty for a notice). */
  readonly html: string;
  /** The header card's title as the webview's page shows it. */
  readonly title: string | undefined;
  /** The header card's SEO facts line as the page shows it. */
  readonly facts?: string | undefined;
}

const editDebounceMs = 100;

/**
 * The live preview: one webview panel beside the editor that follows the active post (unless locked),
 * re-renders ~100 ms after the writer stops typing, and scrolls with the editor both ways.
 */
export class PreviewManager extends Disposable {
  private preview: PreviewPanel | undefined;
  private source: vscode.Uri | undefined;
  private locked = false;
  private version = 0;
  private lastSent: { readonly version: number; readonly html: string } | undefined;
  /** Scroll to the editor's top line with the next render (a new document, or a reloaded page). */
  private scrollWithNextRender = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * When an open panel was last revealed, until its page next speaks. A panel closed just before (its
   * dispose event still on the way) swallows the reveal: its dispose then opens a new panel.
   */
  private revealedAt: number | undefined;
  private readonly scrolling = new EditorScrollSync();
  private readonly rendered = this.register(new vscode.EventEmitter<PreviewRendered>());
  readonly onDidRender = this.rendered.event;

  /** `settingsOf` reads the preview's settings for a post: given by the bundle, whose copy of the core's index this chunk leaves alone. */
  constructor(
    private readonly session: SiteSession,
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
    private readonly loadRenderer: RendererLoader,
    private readonly settingsOf: (source: vscode.Uri) => PreviewSettings,
  ) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isSource(event.document.uri) || event.contentChanges.length === 0) return;
        this.scrolling.noteEdit();
        this.schedule(editDebounceMs);
      }),
    );
    this.register(vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScrolled(event)));
    this.register(session.onDidIndex(() => this.schedule(0)));
    this.register(session.onDidChangeFiles(() => this.schedule(editDebounceMs)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postcraft.preview')) this.schedule(0);
      }),
    );
    this.register({ dispose: () => this.closePanel() });
  }

  /** Shows `document` in the preview beside the editor, opening the preview if needed. */
  openToSide(document: vscode.Uri): void {
    if (this.preview) {
      this.revealedAt = Date.now();
      this.preview.panel.reveal(undefined, true);
    } else this.openPanel();
    this.show(document);
  }

  private openPanel(): void {
    this.setLocked(false); // a new preview follows the editor
    this.scrollWithNextRender = true;
    this.adopt(PreviewPanel.create(this.extensionUri, 'Preview'));
  }

  /** Keeps the preview on its post, or lets it follow the active editor again. */
  toggleLock(): void {
    if (!this.preview) return;
    this.setLocked(!this.locked);
    if (!this.locked) this.follow(vscode.window.activeTextEditor);
    this.schedule(0);
  }

  private setLocked(locked: boolean): void {
    this.locked = locked;
    void vscode.commands.executeCommand('setContext', 'postcraft.previewLocked', locked);
  }

  /** A panel VS Code restored after a reload (see PreviewSerializer). */
  restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    this.closePanel();
    this.scrollWithNextRender = true;
    this.adopt(new PreviewPanel(panel, this.extensionUri));
    this.setLocked(state?.locked === true);
    const source = state?.source ? vscode.Uri.parse(state.source) : vscode.window.activeTextEditor?.document.uri;
    if (source) this.show(source);
  }

  private adopt(preview: PreviewPanel): void {
    this.preview = preview;
    preview.onDidDispose(() => {
      if (this.preview !== preview) return;
      this.preview = undefined;
      clearTimeout(this.timer);
      preview.dispose();
      const revealedJustNow = this.revealedAt !== undefined && Date.now() - this.revealedAt < 2000;
      this.revealedAt = undefined;
      if (revealedJustNow) {
        this.openPanel();
        this.schedule(0);
      }
    });
    preview.onDidReceiveMessage((message) => {
      this.revealedAt = undefined;
      switch (message.type) {
        case 'ready':
          this.scrollWithNextRender = true;
          this.schedule(0);
          return;
        case 'didRender':
          if (this.source && this.lastSent && message.version === this.lastSent.version) this.rendered.fire({ source: this.source, version: message.version, html: this.lastSent.html, title: message.title, facts: message.facts });
          return;
        case 'didScroll': {
          const editor = this.sourceEditor();
          if (editor) this.scrolling.revealInEditor(editor, message.line);
          return;
        }
        case 'revealLine':
          void this.revealInEditor(message.line);
          return;
      }
    });
  }

  private show(document: vscode.Uri): void {
    if (this.source?.toString() !== document.toString()) this.scrollWithNextRender = true;
    this.source = document;
    this.schedule(0);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.preview || this.locked || !editor || !isPostDocument(editor.document) || this.isSource(editor.document.uri)) return;
    this.show(editor.document.uri);
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    const top = event.visibleRanges[0]?.start.line;
    if (!this.preview || top === undefined || !this.isSource(event.textEditor.document.uri) || !this.scrolling.followsEditor()) return;
    this.preview.post({ type: 'scrollToLine', line: top });
  }

  private schedule(delay: number): void {
    if (!this.preview) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.render().catch((error: unknown) => this.logger.error('Rendering the preview failed', error));
    }, delay);
  }

  private async render(): Promise<void> {
    const preview = this.preview;
    const source = this.source;
    if (!preview || !source) return;
    await this.session.ready;
    const { renderPreview } = await this.loadRenderer();
    const document = await this.documentAt(source);
    if (preview !== this.preview || source !== this.source) return; // moved on meanwhile

    const path = sitePathOf(source);
    const site = path ? this.session.service.siteOf(path) : undefined;
    const settings = this.settingsOf(source);
    preview.allow({ siteRoot: site ? uriOf(site.root) : undefined, stylesheet: stylesheetUri(settings.stylesheet, source), allowRemoteImages: settings.allowRemoteImages });
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    preview.title = this.locked ? vscode.l10n.t('Preview {0} (locked)', name) : vscode.l10n.t('Preview {0}', name);
    if (!preview.isReady) return; // the page is (re)loading; it asks again when ready

    const version = ++this.version;
    const common = { version, source: source.toString(), locked: this.locked };
    const rendered = document && path ? renderPreview(this.session.service, path, document.getText(), { toResourceUri: (file) => preview.toResourceUri(file), allowRemoteImages: settings.allowRemoteImages, translate }) : undefined;
    if (!rendered) {
      this.lastSent = { version, html: '' };
      const text = document ? `${name} is not a post of a site Postcraft detected in this workspace.` : `${name} could not be opened.`;
      preview.post({ type: 'notice', ...common, text });
      return;
    }
    const scrollToLine = this.scrollWithNextRender ? this.sourceEditor()?.visibleRanges[0]?.start.line : undefined;
    this.scrollWithNextRender = false;
    this.lastSent = { version, html: rendered.html };
    preview.post({ type: 'render', ...common, html: rendered.html, locale: vscode.env.language, ...(scrollToLine === undefined ? {} : { scrollToLine }) });
  }

  private async documentAt(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return open;
    try {
      return await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined; // deleted or unreadable: the preview says so
    }
  }

  private sourceEditor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((editor) => this.isSource(editor.document.uri));
  }

  private async revealInEditor(line: number): Promise<void> {
    if (!this.source) return;
    const document = await this.documentAt(this.source);
    if (!document) return;
    const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    await vscode.window.showTextDocument(document, {
      viewColumn: this.sourceEditor()?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }

  private isSource(uri: vscode.Uri): boolean {
    return this.source?.toString() === uri.toString();
  }

  private closePanel(): void {
    clearTimeout(this.timer);
    const preview = this.preview;
    this.preview = undefined;
    preview?.dispose();
  }
}
