import * as vscode from 'vscode';
import type { Command } from '../commands/commandManager';
import { isPostDocument } from '../convert';
import type { PreviewManager } from './previewManager';

/** Opens the live preview beside the editor, for the post given (editor title, explorer) or the active one. */
export class OpenPreviewToSideCommand implements Command {
  readonly id = 'postcraft.openPreviewToSide';

  /** `manager` makes the preview's manager on first use (it loads with the preview's chunk). */
  constructor(private readonly manager: () => PreviewManager) {}

  execute(resource?: unknown): void {
    const active = vscode.window.activeTextEditor?.document;
    const target = resource instanceof vscode.Uri ? resource : active && isPostDocument(active) ? active.uri : undefined;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Postcraft: open a Markdown or MDX post to preview it.'));
      return;
    }
    this.manager().openToSide(target);
  }
}
