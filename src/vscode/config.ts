import * as vscode from 'vscode';
import { checkOptionsOf, readEditorSettings, type CheckOptions, type EditorSettings } from '../core/index';

export type PostcraftSettings = EditorSettings;

/** Every Postcraft setting, read and validated by the core; bad values fall back to defaults. */
export function readSettings(): PostcraftSettings {
  const config = vscode.workspace.getConfiguration('postcraft');
  return readEditorSettings((key) => config.get(key));
}

/** Whether every post of the workspace gets diagnostics, not only the open ones. */
export function checksWholeWorkspace(settings: PostcraftSettings): boolean {
  return settings.validateEnabled && settings.validateWorkspace;
}

export function checkOptions(settings: PostcraftSettings): CheckOptions {
  return checkOptionsOf(settings);
}
