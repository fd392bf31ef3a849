import * as vscode from 'vscode';
import { silentLogger, type Logger } from '../../core/index';
import { CommandManager } from '../commands/commandManager';
import type { SiteSession } from '../siteSession';
import { OpenPreviewToSideCommand } from './openPreviewToSideCommand';
import { previewViewType } from './previewPanel';
import { PreviewManager, type PreviewRendered } from './previewManager';
import { PreviewSerializer } from './previewSerializer';
import { TogglePreviewLockCommand } from './togglePreviewLockCommand';
import { loadOnce, type RendererLoader } from './renderer';

export type { PreviewRendered } from './previewManager';
export type { PreviewRenderer, RendererLoader } from './renderer';

/** The live preview, as `activate` holds it: dispose to remove it; `onDidRender` is the tests' window into the webview. */
export interface PreviewSupport extends vscode.Disposable {
  readonly onDidRender: vscode.Event<PreviewRendered>;
}

/** Registers the live preview: its two commands, the panel serializer, and the manager behind them. */
export function registerPreviewSupport(context: vscode.ExtensionContext, session: SiteSession, loadRenderer: RendererLoader, logger: Logger = silentLogger): PreviewSupport {
  const manager = new PreviewManager(session, context.extensionUri, logger, loadOnce(loadRenderer));
  const commands = new CommandManager(logger);
  commands.register(new OpenPreviewToSideCommand(manager));
  commands.register(new TogglePreviewLockCommand(manager));
  const serializer = vscode.window.registerWebviewPanelSerializer(previewViewType, new PreviewSerializer(manager));
  return {
    onDidRender: manager.onDidRender,
    dispose() {
      serializer.dispose();
      commands.dispose();
      manager.dispose();
    },
  };
}
