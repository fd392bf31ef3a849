import * as vscode from 'vscode';
import { readPreviewSettings as readPreviewSettingsFrom, type PreviewSettings } from '../../core/index';

export type { PreviewSettings };

/** The `postcraft.preview.*` settings, validated; bad values fall back to the defaults. */
export function readPreviewSettings(scope: vscode.Uri | undefined): PreviewSettings {
  const config = vscode.workspace.getConfiguration('postcraft.preview', scope);
  return readPreviewSettingsFrom((key) => config.get(key));
}

/**
 * The site stylesheet named by `postcraft.preview.stylesheet`: a `.css` path relative to the workspace
 * folder of `document`, which must stay inside that folder (no absolute paths, no climbing out).
 */
export function stylesheetUri(setting: string | undefined, document: vscode.Uri): vscode.Uri | undefined {
  if (!setting || !setting.toLowerCase().endsWith('.css') || /^([a-z][a-z0-9+.-]*:|[\\/])/i.test(setting)) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(document) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const file = vscode.Uri.joinPath(folder.uri, setting.replace(/\\/g, '/'));
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return file.path.startsWith(base) ? file : undefined;
}
