import * as vscode from 'vscode';
import { sitePathOfUri as sitePathOfUriParts, uriPartsOfSitePath } from '../core/index';

/**
 * Editor URIs ⇄ the core's site paths, by the core's one mapping (core/text/uris.ts), which the language
 * server uses too: `file:` URIs are their file-system paths, other schemes (`vscode-remote:`, `vscode-vfs:`,
 * in-memory file systems) keep scheme and authority in the first segment,
 *   vscode-vfs://github/owner/repo/content/post.md  ⇄  /vscode-vfs:github/owner/repo/content/post.md
 * Here only the workspace folders' schemes are mapped.
 */
export function sitePathOfUri(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file' && !isWorkspaceScheme(uri.scheme)) return undefined;
  return sitePathOfUriParts(uri);
}

export function uriOfSitePath(path: string): vscode.Uri {
  return vscode.Uri.from(uriPartsOfSitePath(path));
}

/**
 * Only the workspace folders' schemes hold site files: editors of other schemes show something else
 * (`git:` diffs, `untitled:`, settings, output, chat code blocks…), and features stay silent there.
 */
function isWorkspaceScheme(scheme: string): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme === scheme);
}

/** The schemes whose Markdown documents are posts: the workspace folders' own (`file` always). */
export function workspaceSchemes(): string[] {
  return [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)])];
}
