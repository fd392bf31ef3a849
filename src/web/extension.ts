// The entry of VS Code for the Web (vscode.dev, github.dev, code-server's web worker extension host):
// the same features as the desktop, on the workspace's own file system. No Node here: esbuild bundles this
// for `platform: 'browser'`, and a `node:*` import anywhere below fails the build.
import type * as vscode from 'vscode';
import { activateShared, type PostcraftApi } from '../vscode/extension.shared';
import { WorkspaceFileSystem } from '../vscode/workspaceFileSystem';

export type { PostcraftApi } from '../vscode/extension.shared';

export function activate(context: vscode.ExtensionContext): PostcraftApi {
  return activateShared(context, { fs: new WorkspaceFileSystem() });
}

export function deactivate(): void {}
