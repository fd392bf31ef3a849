import { promises as fs } from 'node:fs';
import type { DirectoryEntry, FileStat, SiteFileSystem } from './fileSystem';

/** The real disk, for the CLI and the extension host (which runs where the files are). */
export const nodeFileSystem: SiteFileSystem = {
  async readFile(path) {
    try {
      return await fs.readFile(path);
    } catch {
      return undefined; // missing or unreadable: the caller reports it as a finding
    }
  },
  async stat(path): Promise<FileStat | undefined> {
    try {
      const stat = await fs.stat(path);
      return { type: stat.isDirectory() ? 'directory' : 'file', size: stat.size, mtime: stat.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async readDirectory(path): Promise<DirectoryEntry[]> {
    try {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.map((entry) => ({
        name: entry.name,
        type: entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'file',
      }));
    } catch {
      return [];
    }
  },
};
