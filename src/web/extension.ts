// The entry of VS Code for the Web (vscode.dev, github.dev, code-server's web worker extension host):
// the same features as the desktop, on the workspace's own file system. No Node here: esbuild bundles this
// for `platform: 'browser'`, and a `node:*` import anywhere below fails the build.
import type * as vscode from 'vscode';
import type { SiteFileSystem } from '../core/index';
import { activateShared, type PostcraftApi } from '../vscode/extension.shared';
import { setChunkLoader } from '../vscode/lazyChunks';
import type { PreviewRenderer } from '../vscode/preview/index';
import { WorkspaceFileSystem } from '../vscode/workspaceFileSystem';
import { loadBundle } from './lazyBundle';

export type { PostcraftApi } from '../vscode/extension.shared';

/** The chunks of the extension's bundle (see ../vscode/lazyChunks.ts), named by the build. */
declare const POSTCRAFT_LAZY_CHUNKS: readonly string[] | undefined;

export function activate(context: vscode.ExtensionContext): PostcraftApi {
  const chunksLoaded = loadChunks(context.extensionUri);
  return activateShared(context, {
    fs: afterChunks(new WorkspaceFileSystem(), chunksLoaded),
    loadRenderer: async () => (await loadBundle(context.extensionUri, 'dist/web/render.js')) as PreviewRenderer,
  });
}

export function deactivate(): void {}

/**
 * The worker cannot load a chunk synchronously when code first reaches into it, so every chunk is fetched
 * once `activate` has returned. A failed fetch leaves the chunk's loader throwing, with the reason.
 */
async function loadChunks(extensionUri: vscode.Uri): Promise<void> {
  const names = typeof POSTCRAFT_LAZY_CHUNKS === 'undefined' ? [] : POSTCRAFT_LAZY_CHUNKS;
  const loaded = await Promise.allSettled(names.map((name) => loadBundle(extensionUri, `dist/web/${name}.js`)));
  const factories = new Map(names.map((name, index) => [name, loaded[index]!]));
  setChunkLoader((name) => {
    const chunk = factories.get(name);
    if (chunk?.status === 'rejected') throw chunk.reason;
    return chunk?.value;
  });
}

/** `fs`, whose every read waits for the chunks first: indexing, which needs them, starts with a read. */
function afterChunks(fs: SiteFileSystem, chunksLoaded: Promise<void>): SiteFileSystem {
  return {
    readFile: (path, maxBytes) => chunksLoaded.then(() => fs.readFile(path, maxBytes)),
    stat: (path) => chunksLoaded.then(() => fs.stat(path)),
    readDirectory: (path) => chunksLoaded.then(() => fs.readDirectory(path)),
    ...(fs.readFileStart && { readFileStart: (path: string, bytes: number) => chunksLoaded.then(() => fs.readFileStart!(path, bytes)) }),
    ...(fs.realPath && { realPath: (path: string) => chunksLoaded.then(() => fs.realPath!(path)) }),
  };
}
