import type { DirectoryEntry, FileStat, SiteFileSystem } from './fileSystem';
import { joinPath } from '../text/paths';

/** A site held in memory: `inMemorySite({ 'content/a.md': '…' })` for tests and benchmarks. */
export class InMemoryFileSystem implements SiteFileSystem {
  private readonly files = new Map<string, Uint8Array>();

  constructor(readonly root: string, files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(relativePath: string, content: string | Uint8Array): string {
    const path = joinPath(this.root, relativePath);
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return path;
  }

  delete(relativePath: string): void {
    this.files.delete(joinPath(this.root, relativePath));
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    return this.files.get(path);
  }

  async readFileStart(path: string, bytes: number): Promise<Uint8Array | undefined> {
    return this.files.get(path)?.subarray(0, bytes);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const file = this.files.get(path);
    if (file) return { type: 'file', size: file.byteLength, mtime: 0 };
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return { type: 'directory', size: 0, mtime: 0 };
    return undefined;
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const entries = new Map<string, DirectoryEntry['type']>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? 'file' : 'directory');
    }
    return [...entries].map(([name, type]) => ({ name, type }));
  }
}

export function inMemorySite(files: Record<string, string | Uint8Array>, root = '/site'): InMemoryFileSystem {
  return new InMemoryFileSystem(root, files);
}
