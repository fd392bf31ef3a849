const slash = 47;

// Site paths are POSIX-style absolute strings on every platform; the edges convert.

export function joinPath(base: string, ...parts: string[]): string {
  // One part, the common call (a folder and a name), without building an array. A part that starts with
  // a slash (a site path put under a folder) is appended as it is: the `//` a separator would make
  // sent every such path through the split and join below, for the same result (not with a trailing
  // slash, which normalizing keeps after a line break).
  if (parts.length === 1) {
    const part = parts[0]!;
    const rooted = part.charCodeAt(0) === slash && part.charCodeAt(part.length - 1) !== slash;
    return normalizePath(base === '' ? part : part === '' ? base : rooted ? `${base}${part}` : `${base}/${part}`);
  }
  return normalizePath([base, ...parts].filter(Boolean).join('/'));
}

/**
 * `joinPath(folder, name)` for a `folder` already normal and a `name` as a folder listing gives it: the
 * path needs no normalising, and the walk makes one for each of a site's tens of thousands of files.
 */
export function childPath(folder: string, name: string): string {
  if (folder === '' || folder.endsWith('/') || name === '' || name === '.' || name === '..' || name.includes('/')) return joinPath(folder, name);
  return `${folder}/${name}`;
}

/** Resolves `.` and `..` and repeated slashes; never climbs above `/`. */
export function normalizePath(path: string): string {
  if (!needsNormalizing.test(path)) return path; // most paths: checked once, not split and joined
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** A `.` or `..` segment, an empty one (`//`), or a trailing slash after a name. */
const needsNormalizing = /(?:^|\/)\.\.?(?:\/|$)|\/\/|.\/$/;


export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function relativePath(from: string, to: string): string {
  if (to === from) return '';
  return to.startsWith(`${from}/`) ? to.slice(from.length + 1) : to;
}

export function isInside(folder: string, path: string): boolean {
  if (!path.startsWith(folder)) return false;
  // The folder itself, or a path going on with a `/` after it (`/a/b` is not inside `/a/bc`).
  return path.length === folder.length || folder.endsWith('/') || path.charCodeAt(folder.length) === slash;
}


/**
 * Whether `path` is one of `folders` or inside one, by looking its ancestors up: a site may list
 * thousands of ignored folders (a long `.gitignore`), and a scan of them for every file was quadratic.
 */
export function isInsideAny(folders: ReadonlySet<string>, path: string): boolean {
  if (folders.size === 0) return false;
  for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) if (folders.has(path.slice(0, end))) return true;
  return folders.has('/');
}

/** A native path (maybe with backslashes or a drive letter) in the core's form. */
export function toSitePath(nativePath: string): string {
  const slashed = nativePath.replace(/\\/g, '/');
  return normalizePath(/^[A-Za-z]:/.test(slashed) ? `/${slashed}` : slashed);
}
