// The entry of VS Code for the Web (vscode.dev, github.dev, code-server's web worker extension host):
// the same features as the desktop, on the workspace's own file system. No Node here: esbuild bundles this
// for `platform: 'browser'`, and a `node:*` import anywhere below fails the build.
import type * as vscode from 'vscode';
import { activateShared, type PostcraftApi } from '../vscode/extension.shared';
import type { PreviewRenderer } from '../vscode/preview/index';
import { WorkspaceFileSystem } from '../vscode/workspaceFileSystem';
import { loadBundle } from './lazyBundle';

export type { PostcraftApi } from '../vscode/extension.shared';

export function activate(context: vscode.ExtensionContext): PostcraftApi {
  return activateShared(context, { fs: new WorkspaceFileSystem(), loadRenderer: async () => (await loadBundle(context.extensionUri, 'dist/web/render.js')) as PreviewRenderer });
}

export function deactivate(): void {}
