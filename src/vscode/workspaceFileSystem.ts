import * as vscode from 'vscode';
import type { DirectoryEntry, FileStat, SiteFileSystem } from '../core/index';
import { uriOfSitePath } from './siteUris';

/**
 * The site read through `vscode.workspace.fs`: whatever file system provides the workspace — the server's
 * disk through `vscode-remote:` in the web worker host, a GitHub repository through `vscode-vfs:` in
 * github.dev, an in-memory one. It is the only file system a web extension has (no `node:fs` there).
 *
 * Like the Node file systems, a missing or unreadable file is `undefined`, never a throw, and a path whose
 * last part is a symbolic link reads as missing (VS Code reports links as `File | SymbolicLink`). There is
 * no `realPath`: `workspace.fs` offers none, and a virtual file system has no links to leave the site by.
 */
export class WorkspaceFileSystem implements SiteFileSystem {
  constructor(private readonly fs: vscode.FileSystem = vscode.workspace.fs) {}

  async readFile(path: string, maxBytes?: number): Promise<Uint8Array | undefined> {
    const uri = uriOfSitePath(path);
    const stat = await this.statOf(uri);
    if (!stat || stat.type !== vscode.FileType.File) return undefined; // a folder, a link, or nothing
    if (maxBytes !== undefined && stat.size > maxBytes) return undefined;
    try {
      return await this.fs.readFile(uri);
    } catch {
      return undefined; // gone since the stat, or unreadable: the caller reports it as a finding
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const stat = await this.statOf(uriOfSitePath(path));
    if (!stat) return undefined;
    // Like Node's `stat`, a link is what it points to.
    return { type: stat.type & vscode.FileType.Directory ? 'directory' : 'file', size: stat.size, mtime: stat.mtime };
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    try {
      const entries = await this.fs.readDirectory(uriOfSitePath(path));
      return entries.map(([name, type]) => ({ name, type: type & vscode.FileType.SymbolicLink ? 'symlink' : type & vscode.FileType.Directory ? 'directory' : 'file' }));
    } catch {
      return [];
    }
  }

  private async statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
    try {
      return await this.fs.stat(uri);
    } catch {
      return undefined;
    }
  }
}
