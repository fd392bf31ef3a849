import { basename, isInside, joinPath } from '../../../text/paths';
import type { ConfigData } from '../../configFiles';
import { msg, type Message } from '../../../l10n/message';

/**
 * Files and folders Hugo's content walk skips whatever the config says: a name starting with `.` or `#`,
 * or ending with `~` (hugo 0.111 source/sourceSpec.go `IgnoreFile`). `_`-names are built (`_index` and
 * `_draft.md` alike), checked with hugo 0.111.3. Tested on the path below the site's root.
 */
export const hiddenContent = /(^|\/)[.#]|~(\/|$)/;

/**
 * Whether Hugo's walk of a content mount skips `path`: the walk sees names below the mount's source, and a
 * file mounted alone by the name of its target (buildpacks.io mounts `content/docs/.common/concepts/buildpack.md`
 * at three places; hugo 0.111.3 publishes it at each, never below `.common`).
 */
export function hiddenInMount(mount: { readonly dir: string; readonly mountedAt?: string }, path: string): boolean {
  return hiddenContent.test(path === mount.dir ? basename(mount.mountedAt ?? '') : path.slice(mount.dir.length + 1));
}

/**
 * `hiddenContent` on a site with content mounts, tested as `SiteConfig.excludedFiles` are (on the path below the
 * site's root): a file is left out when every mount holding it skips it (`hiddenInMount`).
 */
export class HiddenInMounts extends RegExp {
  private readonly root: string;
  private readonly mounts: readonly { readonly dir: string; readonly mountedAt: string }[];

  constructor(root: string, mounts: readonly { readonly source: string; readonly target: string }[]) {
    super('$^'); // Only `test` is meant (as UnmountedContent).
    this.root = root;
    this.mounts = mounts.map((mount) => ({ dir: joinPath(root, mount.source), mountedAt: mount.target.slice('content'.length) }));
  }

  override test(relativePath: string): boolean {
    const path = `${this.root}/${relativePath}`;
    const holders = this.mounts.filter((mount) => isInside(mount.dir, path));
    return holders.length === 0 ? hiddenContent.test(relativePath) : holders.every((mount) => hiddenInMount(mount, path));
  }
}

/**
 * The site's `ignoreFiles` as `SiteConfig.excludedFiles`. Hugo matches each Go regular expression against
 * the absolute file name of every file and folder it walks in content (so `^content/` never matches, and
 * `/drafts$` skips a whole folder), and reads it from the site's config only, not a theme's; a pattern
 * that does not compile is logged and skipped. Checked with hugo 0.111.3.
 */
export function ignoreFilesPatterns(data: ConfigData, root: string, contentDirs: readonly string[], problems: Message[]): RegExp[] {
  const setting = data['ignorefiles'];
  // Hugo reads the setting with cast.ToStringSlice: a list, or one string split on spaces.
  const sources = Array.isArray(setting) ? setting.map(String) : typeof setting === 'string' ? setting.split(/\s+/).filter(Boolean) : [];
  return sources.flatMap((source) => {
    const pattern = fromGoRegExp(source, root, contentDirs);
    if (!pattern) problems.push(msg('ignoreFiles: "{0}" is not a regular expression Postcraft can read; files it would skip are checked', source));
    return pattern ? [pattern] : [];
  });
}

/**
 * A repeated group that repeats inside (`(a+)+`) or holds alternatives (`(a|aa)+`, `(\w|\d)+`): linear
 * in Go's RE2, but either can take JavaScript's backtracking engine exponential time on a crafted file
 * name, so such a pattern is not used.
 */
const nestedRepetition = /\((?:[^()\\]|\\.)*[*+}|](?:[^()\\]|\\.)*\)[*+{]/;

/** Go's RE2 syntax is mostly JavaScript's; leading `(?i)`-style flags become JavaScript flags. */
function fromGoRegExp(source: string, root: string, contentDirs: readonly string[]): RegExp | undefined {
  if (nestedRepetition.test(source)) return undefined;
  const flagGroup = /^\(\?([imsU]+)\)/.exec(source);
  const flags = (flagGroup?.[1] ?? '').replace(/[U]/g, '');
  // `\A` and `\z` (start and end of text) are Go's only anchors JavaScript spells otherwise.
  const body = (flagGroup ? source.slice(flagGroup[0].length) : source).replace(/(?<!\\)((?:\\\\)*)\\A/g, '$1^').replace(/(?<!\\)((?:\\\\)*)\\z/g, '$1$$');
  for (const unicode of ['u', '']) {
    try {
      return new AbsolutePathPattern(body, flags + unicode, root, contentDirs);
    } catch {
      // Not valid in this mode: try the next, then report it.
    }
  }
  return undefined;
}

/**
 * An `ignoreFiles` pattern tested as Hugo tests it: given the path below the site's root, it matches the
 * absolute path of the file or of any folder between its content folder and it.
 */
class AbsolutePathPattern extends RegExp {
  private readonly root: string;
  private readonly contentDirs: readonly string[];

  constructor(source: string, flags: string, root: string, contentDirs: readonly string[]) {
    super(source, flags);
    this.root = root;
    this.contentDirs = contentDirs;
  }

  override test(relativePath: string): boolean {
    const path = `${this.root}/${relativePath}`;
    const contentDir = this.contentDirs.find((dir) => isInside(dir, path));
    for (let end = contentDir ? path.indexOf('/', contentDir.length + 1) : -1; end !== -1; end = path.indexOf('/', end + 1)) {
      if (super.test(path.slice(0, end))) return true;
    }
    return super.test(path);
  }
}
