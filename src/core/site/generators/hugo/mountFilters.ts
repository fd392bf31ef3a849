import { isInside, joinPath } from '../../../text/paths';
import type { ConfigData } from '../../configFiles';
import { escapeRegExp } from '../../../text/regExp';

/** A mount's file filters (Hugo 0.111 `includeFiles`/`excludeFiles`; newer Hugo's `files`, `! ` for exclusions). */
export interface MountFilters {
  readonly includes: readonly RegExp[];
  readonly excludes: readonly RegExp[];
}

export function readMountFilters(mount: ConfigData): MountFilters | undefined {
  const list = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const files = list(mount['files']);
  const includes = [...list(mount['includefiles']), ...files.filter((pattern) => !pattern.startsWith('! '))];
  const excludes = [...list(mount['excludefiles']), ...files.filter((pattern) => pattern.startsWith('! ')).map((pattern) => pattern.slice(2))];
  if (includes.length === 0 && excludes.length === 0) return undefined;
  // A filter Postcraft cannot safely run is left out: the mount then takes more files, never fewer.
  const usable = (glob: string) => (fewWildcards(glob) ? usableGlob(glob) : undefined);
  return { includes: includes.map((glob) => usable(glob) ?? /^/), excludes: excludes.flatMap((glob) => usable(glob) ?? []) };
}

/** The glob's expression, or undefined for one JavaScript refuses (`[z-a].md`, a range out of order). */
function usableGlob(glob: string): RegExp | undefined {
  try {
    return globToRegExp(glob);
  } catch {
    return undefined;
  }
}

/**
 * Gobwas matches any glob in linear time; as a JavaScript expression one with many `*` runs
 * (`**a**a**a**a**a…`) can backtrack for polynomial time on every file of an untrusted site.
 */
export function fewWildcards(glob: string): boolean {
  return (glob.match(/\*+/g)?.length ?? 0) <= 4;
}

/**
 * Content files no mount lets in: a file is built when any content folder holding it takes it, and a
 * filtered mount takes a file an inclusion matches, else one no exclusion matches (nor a folder on the way),
 * else none when it has inclusions. Patterns are globs on the path below the mount's source, from a
 * leading `/`, in lower case. Source: hugo 0.111 hugofs/glob/filename_filter.go.
 * Tested, as `SiteConfig.excludedFiles` are, on the path below the site's root.
 */
export class UnmountedContent extends RegExp {
  private readonly root: string;
  private readonly mounts: readonly { readonly dir: string; readonly filters: MountFilters | undefined }[];

  constructor(root: string, mounts: readonly { readonly source: string; readonly filters: MountFilters | undefined }[]) {
    super('$^'); // Only `test` is meant: as a plain expression it matches nothing, so it excludes nothing.
    this.root = root;
    this.mounts = mounts.map((mount) => ({ dir: joinPath(root, mount.source), filters: mount.filters }));
  }

  override test(relativePath: string): boolean {
    const path = `${this.root}/${relativePath}`;
    const holders = this.mounts.filter((mount) => isInside(mount.dir, path));
    return holders.length > 0 && holders.every((mount) => mount.filters !== undefined && !takesFile(mount.filters, path.slice(mount.dir.length).toLowerCase()));
  }
}

/** Whether a filtered mount lets in the file at `inMount` (its path below the mount's source, from a `/`, in lower case). */
export function takesFile(filters: MountFilters, inMount: string): boolean {
  if (filters.includes.some((pattern) => pattern.test(inMount))) return true;
  for (let end = inMount.indexOf('/', 1); end !== -1; end = inMount.indexOf('/', end + 1)) {
    if (filters.excludes.some((pattern) => pattern.test(inMount.slice(0, end)))) return false;
  }
  if (filters.excludes.some((pattern) => pattern.test(inMount))) return false;
  return filters.includes.length === 0;
}

/** A mount filter's glob: below the mount, so a leading `/` is added (see `hugoGlob`). */
export function globToRegExp(glob: string): RegExp {
  return hugoGlob(glob.startsWith('/') ? glob : `/${glob}`);
}

/**
 * A glob as gobwas/glob reads it with `/` as separator (Hugo's glob library): `*` and `?` stay within a
 * folder, `**` crosses them (and before a slash may match no folder at all), `[…]`/`[!…]` classes,
 * `{a,b}` alternatives; Hugo compares in lower case.
 */
export function hugoGlob(glob: string): RegExp {
  const pattern = glob.toLowerCase();
  let source = '';
  let depth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*' && pattern[index + 1] === '*' && pattern[index + 2] === '/') {
      source += '(?:.*/)?'; // hugo 0.111.3 excludes `/README.md` by `**/README.md` too
      index += 2;
    } else if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end === -1) source += '\\[';
      else {
        const body = pattern.slice(index + 1, end);
        source += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
        index = end;
      }
    } else if (char === '{') {
      source += '(?:';
      depth++;
    } else if (char === '}' && depth > 0) {
      source += ')';
      depth--;
    } else if (char === ',' && depth > 0) source += '|';
    else if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]!);
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}${')'.repeat(depth)}$`, 'u');
}


function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}
