import * as vscode from 'vscode';
import { isPreviewToHostMessage, type HostToPreviewMessage, type PreviewToHostMessage } from '../../shared/previewMessages';
import { uriOf } from '../convert';
import { Disposable } from '../util/dispose';
import { previewShellHtml } from './previewShell';
import { previewViewType } from './viewType';

/** What the webview may load: decides its options and its page's CSP. */
export interface PreviewAccess {
  /** The root folder of the previewed post's site; images load from there only. */
  readonly siteRoot: vscode.Uri | undefined;
  readonly stylesheet: vscode.Uri | undefined;
  readonly allowRemoteImages: boolean;
}

/**
 * One preview webview panel: its page (the shell, with a fresh nonce each time it is written), the
 * folders it may load from, and typed messages both ways. Knows nothing of posts or editors.
 */
export class PreviewPanel extends Disposable {
  private readonly received = this.register(new vscode.EventEmitter<PreviewToHostMessage>());
  /** Messages from the page, checked for shape. */
  readonly onDidReceiveMessage = this.received.event;
  readonly onDidDispose: vscode.Event<void>;
  private access: PreviewAccess | undefined;
  private ready = false;

  constructor(readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri) {
    super();
    this.onDidDispose = panel.onDidDispose;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    this.register(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isPreviewToHostMessage(message)) return;
        if (message.type === 'ready') this.ready = true;
        this.received.fire(message);
      }),
    );
    // A hidden webview loses its page (no retainContextWhenHidden); shown again, the page reloads and says `ready`.
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    this.register(panel);
  }

  /** The page has loaded and listens for messages. */
  get isReady(): boolean {
    return this.ready;
  }

  static create(extensionUri: vscode.Uri, title: string): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(previewViewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableFindWidget: true });
    return new PreviewPanel(panel, extensionUri);
  }

  /**
   * Sets what the webview may load. A change rewrites the page (VS Code reloads a webview whose options
   * change anyway): the page then says `ready` again and needs its content anew.
   */
  allow(access: PreviewAccess): void {
    if (this.access && sameAccess(this.access, access)) return;
    this.access = access;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const webview = this.panel.webview;
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media, ...(access.siteRoot ? [access.siteRoot] : []), ...(access.stylesheet ? [access.stylesheet] : [])],
    };
    webview.html = previewShellHtml({
      cspSource: webview.cspSource,
      nonce: freshNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUris: [vscode.Uri.joinPath(media, 'preview.css'), ...(access.stylesheet ? [access.stylesheet] : [])].map((uri) => webview.asWebviewUri(uri).toString()),
      allowRemoteImages: access.allowRemoteImages,
      language: vscode.env.language,
    });
  }

  post(message: HostToPreviewMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /** The URI the page loads a site file from. */
  toResourceUri(path: string): string {
    return this.panel.webview.asWebviewUri(uriOf(path)).toString();
  }

  set title(title: string) {
    this.panel.title = title;
  }
}

function sameAccess(a: PreviewAccess, b: PreviewAccess): boolean {
  return a.siteRoot?.toString() === b.siteRoot?.toString() && a.stylesheet?.toString() === b.stylesheet?.toString() && a.allowRemoteImages === b.allowRemoteImages;
}

/** 18 random bytes in base64, from Web Crypto: the same in the desktop extension host and a browser's. */
function freshNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}
