import { escapeRegExp } from '../../text/regExp';

/**
 * Globs as the JavaScript generators write them (Docusaurus's globby/micromatch, Astro's tinyglobby,
 * Eleventy's ignores), turned into regular expressions on a path below the site's root, for
 * `SiteConfig.excludedFiles`. The picomatch subset sites use: `**` for any folders, `*` and `?` within
 * one name, `{a,b}` alternatives, `[abc]`/`[^_]`/`[!_]` classes, `(a|b)` groups; a name starting with
 * `.` is matched only by a pattern that writes the dot (picomatch's `dot: false`).
 */

/** The regular-expression source of one glob (no anchors); a glob that makes no valid expression (`a(b`, `[z-a]`) is taken literally. */
export function globSource(glob: string): string {
  // `**/**/` is `**/`; more wildcards than a real glob has could backtrack for seconds on a near miss.
  const collapsed = glob.replace(/(?:\*\*\/)+/g, '**/');
  const tooWild = (collapsed.match(/\*\*/g) ?? []).length > 3 || collapsed.split('/').some((segment) => segment !== '**' && (segment.match(/\*+/g) ?? []).length > 2);
  if (tooWild) return literalSource(glob);
  const source = translatedGlob(collapsed);
  try {
    new RegExp(source);
    return source;
  } catch {
    return literalSource(glob);
  }
}

function literalSource(glob: string): string {
  return escapeRegExp(glob);
}

function translatedGlob(glob: string): string {
  let out = '';
  let depth = 0; // open `{` alternatives
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    const atNameStart = i === 0 || glob[i - 1] === '/';
    if (ch === '*' && glob[i + 1] === '*' && atNameStart && (glob[i + 2] === '/' || i + 2 === glob.length)) {
      // `**/` any run of folders (none included); a final `**` anything below.
      const segment = '(?!\\.)[^/]*';
      if (glob[i + 2] === '/') {
        out += `(?:${segment}/)*`;
        i += 2;
      } else {
        out += `(?:${segment}(?:/${segment})*)?`;
        i += 1;
      }
    } else if (ch === '*') {
      while (glob[i + 1] === '*') i++;
      out += atNameStart ? '(?!\\.)[^/]*' : '[^/]*';
    } else if (ch === '?') out += atNameStart ? '(?!\\.)[^/]' : '[^/]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else if (ch === '{') {
      depth++;
      out += '(?:';
    } else if (ch === ',' && depth > 0) out += '|';
    else if (ch === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (ch === '(' || ch === ')' || ch === '|') out += ch; // extglob-like groups: `*.(md|mdx)`
    else if (ch === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else out += ch.replace(/[.+^$}\]\\]/g, '\\$&');
  }
  return out + ')'.repeat(depth);
}

/**
 * Paths (below the site's root) matching any of `globs`, each taken relative to `folder` (`''` for the
 * root; a glob too); with `orBelow`, also everything inside a folder a glob matches (an ignored folder).
 */
export function matchingAny(folder: string, globs: readonly string[], options: { orBelow?: boolean } = {}): RegExp | undefined {
  const usable = globs.map(withoutDotSlash).map((glob) => (options.orBelow ? glob.replace(/\/+$/, '') : glob)).filter((glob) => glob !== '');
  if (usable.length === 0) return undefined;
  return compiled(`^${folderPrefix(folder)}(?:${usable.map(globSource).join('|')})${options.orBelow ? '(?:/.*)?' : ''}$`);
}

/** Paths in `folder` that none of the `include` globs match: the files a content plugin leaves out. */
export function notMatchingAny(folder: string, include: readonly string[]): RegExp {
  return compiled(`^${folderPrefix(folder)}(?!${alternatives(include)}$)`);
}

/**
 * The expression of a source joined from several globs. Each glob alone is valid (see globSource), but
 * their join can still be refused (V8's size limit, on a config of thousands of globs): then it matches
 * nothing, so a config Postcraft cannot follow leaves every file checked rather than stopping the load.
 */
export function compiled(source: string): RegExp {
  try {
    const expression = new RegExp(source);
    expression.test(''); // V8 compiles on first use: "too large" is thrown here, not above
    return expression;
  } catch {
    return /(?!)/;
  }
}

/** The source of "a path in `folder` matched by one of `globs`", to combine several such tests (no anchors). */
export function inFolderSource(folder: string, globs: readonly string[]): string {
  return `${folderPrefix(folder)}${alternatives(globs)}`;
}

/** The source of a folder path's prefix, `folder` itself a glob (no anchors). */
export function folderSource(folder: string): string {
  return folderPrefix(folder);
}

/** What any of `globs` matches, save what a `!glob` among them matches (tinyglobby's negated patterns). */
function alternatives(globs: readonly string[]): string {
  const either = (list: string[]) => `(?:${list.map(withoutDotSlash).filter((glob) => glob !== '').map(globSource).join('|') || '(?!)'})`;
  const negated = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const positive = either(globs.filter((glob) => !glob.startsWith('!')));
  return negated.length === 0 ? positive : `(?!${either(negated)}$)${positive}`;
}

/** The folder, itself a glob (`versioned_docs/*` for every version), with a trailing `/`. */
function folderPrefix(folder: string): string {
  const clean = withoutDotSlash(folder).replace(/\/+$/, '');
  return clean === '' ? '' : `${globSource(clean)}/`;
}

function withoutDotSlash(path: string): string {
  return path.replace(/^(?:\.?\/)+/, ''); // `./a` and `/a` are `a` below the folder
}
