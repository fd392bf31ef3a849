import * as vscode from 'vscode';
import { toSitePath } from '../core/index';

/**
 * Editor URIs ⇄ the core's site paths (absolute, forward slashes).
 *
 * A `file:` URI is its file-system path, as the CLI and the language server see the same files. Any other
 * scheme — `vscode-remote:` (the web worker host of code-server and vscode.dev remotes), `vscode-vfs:`
 * (GitHub repositories in github.dev and vscode.dev), in-memory file systems — keeps scheme and authority in
 * the first segment, `/<scheme>:<authority>/<path>`:
 *   vscode-vfs://github/owner/repo/content/post.md  ⇄  /vscode-vfs:github/owner/repo/content/post.md
 * The mapping needs no state (each site path names its URI alone, whatever folders are open) and never
 * makes two URIs one path: a scheme has no `:`, so the first `:` ends it, and an authority has no `/`.
 */
export function sitePathOfUri(uri: vscode.Uri): string | undefined {
  if (uri.scheme === 'file') return toSitePath(uri.fsPath);
  if (!isWorkspaceScheme(uri.scheme)) return undefined;
  return `/${uri.scheme}:${uri.authority}${uri.path.startsWith('/') ? '' : '/'}${uri.path}`.replace(/\/+$/, '') || '/';
}

export function uriOfSitePath(path: string): vscode.Uri {
  const encoded = /^\/([a-zA-Z][\w+.-]*):([^/]*)(\/.*)?$/.exec(path);
  if (!encoded) return vscode.Uri.file(path);
  return vscode.Uri.from({ scheme: encoded[1]!, authority: encoded[2]!, path: encoded[3] ?? '/' });
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
