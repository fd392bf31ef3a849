import * as vscode from 'vscode';
import { silentLogger, type Logger } from '../../core/index';
import { CommandManager } from '../commands/commandManager';
import type { SiteSession } from '../siteSession';
import { OpenPreviewToSideCommand } from './openPreviewToSideCommand';
import { previewViewType } from './viewType';
import { PreviewManager, type PreviewRendered } from './previewManager';
import { PreviewSerializer } from './previewSerializer';
import { readPreviewSettings } from './previewSettings';
import { TogglePreviewLockCommand } from './togglePreviewLockCommand';
import { loadOnce, type RendererLoader } from './renderer';

export type { PreviewRendered } from './previewManager';
export type { PreviewRenderer, RendererLoader } from './renderer';

/** The live preview, as `activate` holds it: dispose to remove it; `onDidRender` is the tests' window into the webview. */
export interface PreviewSupport extends vscode.Disposable {
  readonly onDidRender: vscode.Event<PreviewRendered>;
}

/**
 * Registers the live preview: its two commands, the panel serializer, and the manager behind them, made with the
 * first preview opened or restored: its code is a chunk of its own (scripts/lazyChunks.mjs), which activation does not load.
 */
export function registerPreviewSupport(context: vscode.ExtensionContext, session: SiteSession, loadRenderer: RendererLoader, logger: Logger = silentLogger): PreviewSupport {
  const rendered = new vscode.EventEmitter<PreviewRendered>();
  let manager: PreviewManager | undefined;
  let disposed = false;
  const managerOnce = (): PreviewManager => {
    // A command or a restored panel after disposal gets a manager that is disposed at once, not one left running.
    if (!manager || disposed) {
      manager = new PreviewManager(session, context.extensionUri, logger, loadOnce(loadRenderer), readPreviewSettings);
      manager.onDidRender((event) => rendered.fire(event));
      if (disposed) manager.dispose();
    }
    return manager;
  };
  const commands = new CommandManager(logger);
  commands.register(new OpenPreviewToSideCommand(managerOnce));
  commands.register(new TogglePreviewLockCommand(managerOnce));
  const serializer = vscode.window.registerWebviewPanelSerializer(previewViewType, new PreviewSerializer(managerOnce));
  return {
    onDidRender: rendered.event,
    dispose() {
      disposed = true;
      serializer.dispose();
      commands.dispose();
      manager?.dispose();
      rendered.dispose();
    },
  };
}
