import { escapeRegExp } from '../../text/regExp';

/**
 * The files Jekyll 4 never builds, as patterns for `SiteConfig.excludedFiles` (paths below the site's
 * root). From Jekyll's Reader and EntryFilter (lib/jekyll/reader.rb, entry_filter.rb), checked with
 * `jekyll build` on a small site:
 * - Walking the source, a name starting with `_`, `.`, `#` or `~`, or ending in `~`, is skipped unless
 *   `include:` lists it; posts and drafts are read from `_posts/` and `_drafts/` in any folder it walks
 *   (under `collections_dir` when that is set), collections from `_<label>/` at the top.
 * - Inside those folders only the first name below them and the file's own name are tested that way.
 * - A post's file name must start with its date (Document::DATE_FILENAME_MATCHER), else it is not read.
 * - `exclude:` entries are File.fnmatch patterns without flags (`*` crosses `/`, `{a,b}` is literal) on the
 *   path from the source, and also plain prefixes (`docs` excludes `docs/` and `docsify.md`); an entry also
 *   in `include:` is dropped, and a file matched by `include:` (its path or its name) is kept.
 * Left out, to stay simple: `include:` naming a deeper folder than the top one, and special names deeper
 * than the first folder inside `_posts/` (Jekyll builds `_posts/a/_b/2024-01-01-x.md`; this skips it).
 */
export interface JekyllReadRules {
  /** The source folder relative to the site's root, '' for the root itself. */
  readonly source: string;
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  /** Collection labels (`guides` for `_guides/`), posts not included. */
  readonly collections: readonly string[];
  /** `collections_dir`, '' when unset. */
  readonly collectionsDir: string;
}

export function jekyllExcludedFiles(rules: JekyllReadRules): RegExp[] {
  const source = rules.source === '' ? '' : `${escapeRegExp(trimSlashes(rules.source))}/`;
  const collectionsDir = trimSlashes(rules.collectionsDir);
  const ordinary = '[^/_.#~][^/]*(?<!~)'; // a name Jekyll walks into
  const special = '(?:[_.#~][^/]*|[^/]*~)';
  const includedNames = rules.include.filter((entry) => !trimSlashes(entry).includes('/')).map((entry) => fnmatchSource(trimSlashes(entry), '[^/]'));
  const collections = rules.collections.map((label) => escapeRegExp(`_${label}`));
  // Posts and drafts are read from any walked folder, or only below collections_dir when it is set (and
  // never when Jekyll does not walk into it, as with `_content`; its collections are read all the same).
  const walksCollectionsDir = collectionsDir.split('/').every((name) => !/^[_.#~]|~$/.test(name));
  const postFolders = collectionsDir === '' ? '(?:_posts|_drafts)' : walksCollectionsDir ? `(?<=^${source}${escapeRegExp(collectionsDir)}(?:/[^/]+)*/)(?:_posts|_drafts)` : '(?!)';
  const collectionFolders = collections.length === 0 ? undefined : `(?<=^${source}${collectionsDir === '' ? '' : `${escapeRegExp(collectionsDir)}/`})(?:${collections.join('|')})`;
  // A collections_dir Jekyll does not walk into (`_content`) holds nothing but its collections.
  const unwalkedCollectionsDir = collectionsDir !== '' && !walksCollectionsDir ? `(?<=^${source})${escapeRegExp(collectionsDir)}` : undefined;
  const read = [postFolders, collectionFolders, unwalkedCollectionsDir, ...includedNames].filter((part) => part !== undefined).join('|');
  // collections_dir itself may start with `_`: Jekyll reads the collections in it all the same.
  const walked = `^${source}${collectionsDir === '' ? '' : `(?:${escapeRegExp(collectionsDir)}/)?`}(?:${ordinary}/)*`;
  const magicFolder = `(?:${collectionFolders ?? '(?!)'}|${postFolders})`;
  const patterns = [
    new RegExp(`${walked}(?!(?:${read})(?:/|$))${special}(?:/|$)`),
    new RegExp(`${walked}${magicFolder}/(?:${special}/|(?:[^/]+/)*${special}$)`),
    new RegExp(`^${source}(?:[^/]+/)*_posts/(?:[^/]+/)*(?!\\d{2,4}-\\d{1,2}-\\d{1,2}-[^/]*\\.[^./]+$)[^/]+$`),
  ];
  if (unwalkedCollectionsDir) patterns.push(new RegExp(`^${source}${escapeRegExp(collectionsDir)}/(?!(?:${collections.join('|') || '(?!)'})/)`));
  const included = rules.include.map((entry) => fnmatchSource(trimSlashes(entry), '.'));
  const keep = included.length === 0 ? '' : `(?!${source}(?:${included.join('|')})$)(?!(?:.*/)?(?:${included.join('|')})$)`;
  for (const entry of rules.exclude) {
    if (rules.include.includes(entry)) continue;
    const pattern = entry.replace(/^\/+/, '');
    if (pattern === '') continue;
    const excluded = compiled(`^${keep}${source}(?:(?:${fnmatchSource(pattern, '.')})(?:/.*)?$|${escapeRegExp(pattern)})`);
    if (excluded) patterns.push(excluded);
  }
  return patterns;
}

/** A regular expression, or undefined when it does not compile. */
function compiled(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Ruby's File.fnmatch without flags, as a regular expression source: `*` is any run, `?` any character. */
function fnmatchSource(pattern: string, anyCharacter: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') out += `${anyCharacter}*`;
    else if (ch === '?') out += anyCharacter;
    else if (ch === '\\' && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]!);
    else if (ch === '[' && pattern.indexOf(']', i + 2) !== -1) {
      const close = pattern.indexOf(']', i + 2);
      const characterClass = `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      if (compiled(characterClass)) {
        out += characterClass;
        i = close;
      } else out += escapeRegExp(ch); // `[z-a]` matches nothing in Ruby; taken literally here, it matches nothing either
    } else out += escapeRegExp(ch);
  }
  return out;
}


function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
