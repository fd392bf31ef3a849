// The desktop entry (Node extension host, also code-server's remote host): the features of
// extension.shared.ts on the disk, read through Node.
import type * as vscode from 'vscode';
import { join } from 'node:path';
import { nodeFileSystem } from '../node/index';
import { activateShared, type PostcraftApi } from './extension.shared';
import { setChunkLoader } from './lazyChunks';
import type { PreviewRenderer } from './preview/index';

export type { PostcraftApi } from './extension.shared';

export function activate(context: vscode.ExtensionContext): PostcraftApi {
  // The chunks of this bundle (dist/yaml.js…, see lazyChunks.ts), required the first time code reaches into one.
  setChunkLoader((name) => require(join(__dirname, `${name}.js`)));
  // dist/render.js, esbuild's second entry beside this bundle: a path esbuild cannot follow, so it stays out of this one.
  return activateShared(context, { fs: nodeFileSystem, loadRenderer: async () => require(join(__dirname, 'render.js')) as PreviewRenderer });
}

export function deactivate(): void {}
