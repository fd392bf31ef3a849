import type { DirectoryEntry, SiteFileSystem } from './fileSystem';

/**
 * `fs` with each folder listed once, and each file but a page read once, for the span of one load: Hugo's config
 * loader walks the content folders (bundles, cascades) and the site's walk then lists every folder again, thousands
 * of them on a large site; the config loaders and the templates' IDs read the same layouts (shortcodes, partials,
 * every template's words), and several loaders the same build files (netlify.toml, package.json). A load sees one
 * state of the disk anyway. Each caller gets its own copy of a listing. Pages are read through as they are: the
 * load reads some (section cascades), and the posts are indexed after it. `release()` ends the span: the listings
 * and reads are let go (the site and what the loaders made of `fs` outlive the load, and held them: 4 MB of heap
 * on a 10,000-post site), and later ones come from the disk.
 */
export function listingOnce(fs: SiteFileSystem): SiteFileSystem & { release(): void } {
  let listings: Map<string, Promise<DirectoryEntry[]>> | undefined = new Map();
  let reads: Map<string, { readonly maxBytes: number; readonly bytes: Promise<Uint8Array | undefined> }> | undefined = new Map();
  return {
    readFile: (path, maxBytes) => {
      if (!reads || pageFile.test(path)) return fs.readFile(path, maxBytes);
      // A read under a larger limit answers a smaller one too: callers check the length they get.
      const limit = maxBytes ?? Infinity;
      let read = reads.get(path);
      if (!read || read.maxBytes < limit) reads.set(path, (read = { maxBytes: limit, bytes: fs.readFile(path, maxBytes) }));
      return read.bytes;
    },
    stat: (path) => fs.stat(path),
    readDirectory: (path) => {
      if (!listings) return fs.readDirectory(path);
      let listing = listings.get(path);
      if (!listing) listings.set(path, (listing = fs.readDirectory(path)));
      return listing.then((entries) => [...entries]);
    },
    ...(fs.realPath ? { realPath: (path: string) => fs.realPath!(path) } : {}),
    ...(fs.readFileStart ? { readFileStart: (path: string, bytes: number) => fs.readFileStart!(path, bytes) } : {}),
    release: () => {
      listings = undefined;
      reads = undefined;
    },
  };
}

// The content formats a load may read a page in: not kept.
const pageFile = /\.(?:md|markdown|mdown|mdx|mdoc|org|adoc|asciidoc|pandoc|pdc|rst|ipynb)$/i;

