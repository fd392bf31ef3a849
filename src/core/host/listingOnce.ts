import type { DirectoryEntry, SiteFileSystem } from './fileSystem';

/**
 * `fs` with each folder listed once, for the span of one load: Hugo's config loader walks the content
 * folders (bundles, cascades) and the site's walk then lists every folder again, thousands of them on a
 * large site. A load sees one state of the disk anyway. Each caller gets its own copy of a listing.
 * `release()` ends the span: the listings are let go (the site and what the loaders made of `fs` outlive
 * the load, and held them: 4 MB of heap on a 10,000-post site), and later listings come from the disk.
 */
export function listingOnce(fs: SiteFileSystem): SiteFileSystem & { release(): void } {
  let listings: Map<string, Promise<DirectoryEntry[]>> | undefined = new Map();
  return {
    readFile: (path, maxBytes) => fs.readFile(path, maxBytes),
    stat: (path) => fs.stat(path),
    readDirectory: (path) => {
      if (!listings) return fs.readDirectory(path);
      let listing = listings.get(path);
      if (!listing) listings.set(path, (listing = fs.readDirectory(path)));
      return listing.then((entries) => [...entries]);
    },
    ...(fs.realPath ? { realPath: (path: string) => fs.realPath!(path) } : {}),
    ...(fs.readFileStart ? { readFileStart: (path: string, bytes: number) => fs.readFileStart!(path, bytes) } : {}),
    release: () => (listings = undefined),
  };
}
