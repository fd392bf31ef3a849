// The desktop entry (Node extension host, also code-server's remote host): the features of
// extension.shared.ts on the disk, read through Node.
import type * as vscode from 'vscode';
import { nodeFileSystem } from '../node/index';
import { activateShared, type PostcraftApi } from './extension.shared';

export type { PostcraftApi } from './extension.shared';

export function activate(context: vscode.ExtensionContext): PostcraftApi {
  return activateShared(context, { fs: nodeFileSystem });
}

export function deactivate(): void {}
