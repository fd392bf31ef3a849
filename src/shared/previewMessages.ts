// The protocol between the extension host and the preview webview: every message either side sends.
// Types only (and one guard), so both the Node bundle and the browser bundle can import it.

/** What the webview keeps across reloads (`setState`) and hands back to the panel serializer. */
export interface PreviewState {
  /** The previewed document's URI, as `Uri.toString()` writes it. */
  readonly source: string;
  readonly locked: boolean;
  /** The source line at the top of the preview when it was last scrolled. */
  readonly line?: number;
}

/** Host → webview. */
export type HostToPreviewMessage =
  | {
      readonly type: 'render';
      /** Increases with every render; the webview acknowledges it. */
      readonly version: number;
      readonly source: string;
      readonly locked: boolean;
      /** Sanitised HTML, ready to insert. */
      readonly html: string;
      /** BCP 47 language of VS Code's UI, for dates. */
      readonly locale: string;
      /** Scroll to this source line after swapping the content (a new document was opened). */
      readonly scrollToLine?: number;
    }
  | { readonly type: 'notice'; readonly version: number; readonly source: string; readonly locked: boolean; readonly text: string }
  | { readonly type: 'scrollToLine'; readonly line: number };

/** Webview → host. */
export type PreviewToHostMessage =
  | { readonly type: 'ready' }
  /** The content of `version` is in the page; `title` and `facts` are the header card's title and SEO facts line as the page shows them. */
  | { readonly type: 'didRender'; readonly version: number; readonly title: string | undefined; readonly facts?: string | undefined }
  /** The writer scrolled the preview: `line` is the (fractional) source line now at its top. */
  | { readonly type: 'didScroll'; readonly line: number }
  /** Double-click: show this source line in the editor. */
  | { readonly type: 'revealLine'; readonly line: number };
// Links need no message: VS Code's webview host opens clicked links itself (external ones after asking).

/** Whether a message from the webview has the shape the host expects (the webview page is never trusted blindly). */
export function isPreviewToHostMessage(value: unknown): value is PreviewToHostMessage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'ready':
      return true;
    case 'didRender':
      return Number.isInteger(message['version']) && (message['title'] === undefined || typeof message['title'] === 'string') && (message['facts'] === undefined || typeof message['facts'] === 'string');
    case 'didScroll':
    case 'revealLine':
      return typeof message['line'] === 'number' && Number.isFinite(message['line']) && message['line'] >= 0;
    default:
      return false;
  }
}
