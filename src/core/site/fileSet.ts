import { basename, dirname, extname } from '../text/paths';
import { isImagePath, isPostPath } from '../text/fileKinds';

// Also read from here by the site's other files.
export { imageExtensions, postExtensions, isImagePath, isPostPath } from '../text/fileKinds';

/**
 * Every file of a site, held in memory so that image checks never touch the disk per reference.
 * Knows the exact paths; the lookups by lower-cased path (a letter-case mistake rather than a missing
 * file) and by image name (did-you-mean) are built the first time a reference misses, which on a
 * healthy site is never or late: tens of thousands of lower-cased copies cost more than the walk.
 */
export class FileSet {
  private readonly exact = new Set<string>();
  private readonly images = new Set<string>();
  private byLowerCase: Map<string, string> | undefined;
  /** Images by lower-cased file name: "did you mean" for a broken path without scanning every image. */
  private imagesByName: Map<string, Set<string>> | undefined;
  /** Files by folder: the names a broken root link to a file in that folder may have meant. */
  private byFolder: Map<string, Set<string>> | undefined;
  /** Bumped on every change: what is derived from the files (an image's resolution) knows when it is stale. */
  version = 0;

  constructor(paths: Iterable<string> = []) {
    for (const path of paths) this.add(path);
  }

  add(path: string): void {
    if (this.exact.has(path)) return;
    this.exact.add(path);
    this.version++;
    if (this.byLowerCase) addByLowerCase(this.byLowerCase, path);
    if (this.byFolder) addByFolder(this.byFolder, path);
    if (isImagePath(path)) {
      this.images.add(path);
      if (this.imagesByName) addByName(this.imagesByName, path);
    }
  }

  delete(path: string): void {
    if (!this.exact.delete(path)) return;
    this.version++;
    // Another file may differ from this one in letter case only: rebuilt when next needed.
    if (this.byLowerCase?.get(path.toLowerCase()) === path) this.byLowerCase = undefined;
    this.images.delete(path);
    this.imagesByName?.get(basename(path).toLowerCase())?.delete(path);
    this.byFolder?.get(dirname(path))?.delete(path);
  }

  has(path: string): boolean {
    return this.exact.has(path);
  }

  /** The real path of a file that exists with other letter case, if any. */
  caseVariant(path: string): string | undefined {
    if (!this.byLowerCase) {
      this.byLowerCase = new Map();
      for (const file of this.exact) addByLowerCase(this.byLowerCase, file);
    }
    const found = this.byLowerCase.get(path.toLowerCase());
    return found !== undefined && found !== path ? found : undefined;
  }

  get size(): number {
    return this.exact.size;
  }

  all(): IterableIterator<string> {
    return this.exact.values();
  }

  imageFiles(): IterableIterator<string> {
    return this.images.values();
  }

  imagesNamed(name: string): string[] {
    if (!this.imagesByName) {
      this.imagesByName = new Map();
      for (const image of this.images) addByName(this.imagesByName, image);
    }
    return [...(this.imagesByName.get(name.toLowerCase()) ?? [])];
  }

  /** The files directly in a folder. */
  filesIn(folder: string): string[] {
    if (!this.byFolder) {
      this.byFolder = new Map();
      for (const file of this.exact) addByFolder(this.byFolder, file);
    }
    return [...(this.byFolder.get(folder) ?? [])];
  }
}

function addByFolder(byFolder: Map<string, Set<string>>, path: string): void {
  const folder = dirname(path);
  let held = byFolder.get(folder);
  if (!held) byFolder.set(folder, (held = new Set()));
  held.add(path);
}

function addByLowerCase(byLowerCase: Map<string, string>, path: string): void {
  byLowerCase.set(path.toLowerCase(), path);
}

function addByName(imagesByName: Map<string, Set<string>>, path: string): void {
  const name = basename(path).toLowerCase();
  let named = imagesByName.get(name);
  if (!named) imagesByName.set(name, (named = new Set()));
  named.add(path);
}
