import type { PreviewState, PreviewToHostMessage } from '../shared/previewMessages';

/** The part of the webview API the preview uses, typed with the preview's own messages and state. */
export interface PreviewHost {
  postMessage(message: PreviewToHostMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): PreviewHost;

/** VS Code allows one call per page load. */
export const host: PreviewHost = acquireVsCodeApi();
