/**
 * The only way the core touches files. Paths are absolute, with forward slashes.
 * A missing file is `undefined`, never a throw: a site is full of optional files.
 */
export interface SiteFileSystem {
  /**
   * `maxBytes`: a larger file may be left unread (`undefined`); callers check the length they get anyway.
   * A path whose last part is a symbolic link reads as missing: the core follows no link to a file
   * (the walk does not list them either), so a link can never lead a read out of the site.
   */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array | undefined>;
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * The first `bytes` bytes of a file (fewer if it is shorter), under readFile's rules: enough to read an
   * image's pixel size from its header without reading the image. File systems that cannot read part
   * of a file leave it out: the core then does without what the header would tell.
   */
  readFileStart?(path: string, bytes: number): Promise<Uint8Array | undefined>;
  /** Entries of a folder, or `[]` when it does not exist. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /**
   * The path with every symbolic link resolved, or `undefined` when it does not exist (or links loop).
   * Only file systems with links need it: the core then keeps every read inside the site's real folder.
   */
  realPath?(path: string): Promise<string | undefined>;
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
