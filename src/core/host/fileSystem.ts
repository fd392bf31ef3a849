/**
 * The only way the core touches files. Paths are absolute, with forward slashes.
 * A missing file is `undefined`, never a throw: a site is full of optional files.
 */
export interface SiteFileSystem {
  readFile(path: string): Promise<Uint8Array | undefined>;
  stat(path: string): Promise<FileStat | undefined>;
  /** Entries of a folder, or `[]` when it does not exist. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
}

export interface FileStat {
  readonly type: 'file' | 'directory';
  readonly size: number;
  readonly mtime: number;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'symlink';
}
