import { basename, extname } from '../text/paths';

export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp', '.ico', '.tif', '.tiff', '.jxl', '.heic']);
export const postExtensions = new Set(['.md', '.markdown', '.mdx', '.mdown', '.mkd']);

export function isImagePath(path: string): boolean {
  return imageExtensions.has(extname(path));
}

export function isPostPath(path: string): boolean {
  return postExtensions.has(extname(path));
}

/**
 * Every file of a site, held in memory so that image checks never touch the disk per reference.
 * Knows the exact paths, and each path lower-cased to tell a letter-case mistake from a missing file.
 */
export class FileSet {
  private readonly exact = new Set<string>();
  private readonly byLowerCase = new Map<string, string>();
  private readonly images = new Set<string>();
  /** Images by lower-cased file name: "did you mean" for a broken path without scanning every image. */
  private readonly imagesByName = new Map<string, Set<string>>();

  constructor(paths: Iterable<string> = []) {
    for (const path of paths) this.add(path);
  }

  add(path: string): void {
    this.exact.add(path);
    this.byLowerCase.set(path.toLowerCase(), path);
    if (isImagePath(path)) {
      this.images.add(path);
      const name = basename(path).toLowerCase();
      let named = this.imagesByName.get(name);
      if (!named) this.imagesByName.set(name, (named = new Set()));
      named.add(path);
    }
  }

  delete(path: string): void {
    this.exact.delete(path);
    if (this.byLowerCase.get(path.toLowerCase()) === path) this.byLowerCase.delete(path.toLowerCase());
    this.images.delete(path);
    this.imagesByName.get(basename(path).toLowerCase())?.delete(path);
  }

  has(path: string): boolean {
    return this.exact.has(path);
  }

  /** The real path of a file that exists with other letter case, if any. */
  caseVariant(path: string): string | undefined {
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
    return [...(this.imagesByName.get(name.toLowerCase()) ?? [])];
  }
}
