import type * as vscode from 'vscode';
import type { PreviewState } from '../../shared/previewMessages';
import type { PreviewManager } from './previewManager';

/** Brings the preview back after a window reload, on the post (and lock) it showed. */
export class PreviewSerializer implements vscode.WebviewPanelSerializer<PreviewState> {
  /** `manager` makes the preview's manager on first use (it loads with the preview's chunk). */
  constructor(private readonly manager: () => PreviewManager) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    this.manager().restore(panel, isPreviewState(state) ? state : undefined);
  }
}

function isPreviewState(value: unknown): value is PreviewState {
  return !!value && typeof value === 'object' && typeof (value as PreviewState).source === 'string' && typeof (value as PreviewState).locked === 'boolean';
}
