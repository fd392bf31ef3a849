import type { FileStat } from '../../../src/core/host/fileSystem';
import { InMemoryFileSystem } from '../../../src/core/host/inMemoryFileSystem';

/** A site in memory whose files get a new mtime on every write, as on disk (the in-memory one keeps none). */
export class ClockedFileSystem extends InMemoryFileSystem {
  private clock = 1_000_000;
  private readonly mtimes = new Map<string, number>();
  private readonly contents = new Map<string, Uint8Array>();

  constructor(root: string, files: Record<string, string | Uint8Array>) {
    super(root);
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  override write(relativePath: string, content: string | Uint8Array): string {
    const path = super.write(relativePath, content);
    this.contents.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mtimes.set(path, (this.clock += 1000));
    return path;
  }

  /** Rewrites a file with its size and mtime kept, as a tool that restores timestamps may: only the hash can tell. */
  writeKeepingStat(relativePath: string, content: string): void {
    const path = `${this.root}/${relativePath}`;
    const mtime = this.mtimes.get(path)!;
    this.write(relativePath, content);
    this.mtimes.set(path, mtime);
  }

  text(relativePath: string): string {
    return new TextDecoder().decode(this.contents.get(`${this.root}/${relativePath}`));
  }

  override delete(relativePath: string): void {
    super.delete(relativePath);
    this.contents.delete(`${this.root}/${relativePath}`);
  }

  override async stat(path: string): Promise<FileStat | undefined> {
    const stat = await super.stat(path);
    return stat && { ...stat, mtime: this.mtimes.get(path) ?? 0 };
  }
}
