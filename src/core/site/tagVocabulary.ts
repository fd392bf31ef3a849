import type { Site } from './site';
import type { TagUsage } from './tagIndex';
import { relativePath } from '../text/paths';

/**
 * One tag as the generator sees it: every spelling it merges into one term page (Hugo: `JavaScript`
 * and `javascript`; elsewhere each spelling is its own term), counted in one language.
 */
export interface TagTerm {
  /** The most used spelling. */
  readonly tag: string;
  /** Posts of the language that use any of its spellings. */
  readonly count: number;
  /** Every spelling, most used first. */
  readonly spellings: readonly string[];
  readonly lower: string;
  /** Spelling-independent form (case, separators, plural): see `variantKey`. */
  readonly variant: string;
}

/**
 * The posts whose tags are compared with one another: one language of a multilingual site, one tag
 * group where the generator makes the tag pages of groups apart (`SiteConfig.tagGroups`).
 */
export interface TagScope {
  readonly language: string | undefined;
  readonly group: string | undefined;
}

/** The tags of one scope of a site, as terms: what the tag checks compare a post's tags with. */
export interface TagVocabulary {
  readonly version: number;
  readonly scope: TagScope;
  /** Most used first. */
  readonly terms: readonly TagTerm[];
  termOf(tag: string): TagTerm | undefined;
  /** Terms with this spelling-independent form, most used first. */
  variantsOf(variant: string): readonly TagTerm[];
}

interface SiteVocabularies {
  readonly version: number;
  readonly byScope: Map<string, TagVocabulary>;
  readonly multilingual: boolean;
  /** Each post's tag group, where the site has groups. */
  readonly groups: ReadonlyMap<string, string | undefined> | undefined;
}

const memo = new WeakMap<Site, SiteVocabularies>();

function vocabulariesOf(site: Site): SiteVocabularies {
  let cache = memo.get(site);
  if (!cache || cache.version !== site.tags.version) {
    let multilingual = false;
    for (const post of site.posts.values()) if (post.language !== undefined) multilingual = true;
    const groups = site.config.tagGroups ? new Map([...site.posts.keys()].map((path) => [path, tagGroupOf(site, path)])) : undefined;
    memo.set(site, (cache = { version: site.tags.version, byScope: new Map(), multilingual, groups }));
  }
  return cache;
}

/**
 * The tags used by posts of `scope` (every post where the site has one language and no tag groups),
 * memoised per tag index version. Tags are compared within one scope: `tecnología` on Spanish posts
 * says nothing about the spelling of a Portuguese tag, nor a project's `Rust` of the blog's `rust`
 * where only the blog's tags have pages.
 */
export function tagVocabulary(site: Site, { language, group }: TagScope): TagVocabulary {
  const cache = vocabulariesOf(site);
  const scope = { language: cache.multilingual ? language : undefined, group: cache.groups ? group : undefined };
  const key = scopeKey(scope);
  let vocabulary = cache.byScope.get(key);
  if (!vocabulary) cache.byScope.set(key, (vocabulary = buildVocabulary(site, cache, scope)));
  return vocabulary;
}

function scopeKey({ language, group }: TagScope): string {
  return JSON.stringify([language ?? null, group ?? null]);
}

/** The scope of the post at `path`: its language, and its tag group (see `SiteConfig.tagGroups`). */
export function tagScopeOf(site: Site, path: string): TagScope {
  return { language: site.languageOf(path), group: tagGroupOf(site, path) };
}

/** The post's tag group, where the site has groups: the first whose pattern takes its path. */
function tagGroupOf(site: Site, path: string): string | undefined {
  const groups = site.config.tagGroups;
  if (!groups) return undefined;
  const below = relativePath(site.root, path);
  return groups.find((group) => group.matches.test(below))?.name;
}

/** The scopes of the site's posts (one, of undefined language and group, on a site with one language and no tag groups). */
export function tagScopes(site: Site): TagScope[] {
  const { groups } = vocabulariesOf(site);
  const scopes = new Map<string, TagScope>();
  for (const post of site.posts.values()) {
    const scope = { language: post.language, group: groups?.get(post.path) };
    scopes.set(scopeKey(scope), scope);
  }
  return [...scopes.values()];
}

/** The tag group of an indexed post (see `tagScopeOf`), memoised with the vocabularies. */
export function indexedTagGroup(site: Site, path: string): string | undefined {
  return vocabulariesOf(site).groups?.get(path);
}

function buildVocabulary(site: Site, cache: SiteVocabularies, scope: TagScope): TagVocabulary {
  const { multilingual, groups: postGroups } = cache;
  const inScope = (posts: ReadonlySet<string>): string[] => [...posts].filter((path) => (!multilingual || site.posts.get(path)?.language === scope.language) && (!postGroups || postGroups.get(path) === scope.group));
  const groups = new Map<string, { usage: TagUsage; count: number; posts: ReadonlySet<string> }[]>();
  for (const usage of site.tags.all()) {
    const posts = multilingual || postGroups ? new Set(inScope(usage.posts)) : usage.posts;
    if (posts.size === 0) continue;
    const key = termKey(site, usage.tag);
    const spelling = { usage, count: posts.size, posts };
    const group = groups.get(key);
    if (group) group.push(spelling);
    else groups.set(key, [spelling]);
  }
  const terms: TagTerm[] = [];
  const byTag = new Map<string, TagTerm>();
  const byVariant = new Map<string, TagTerm[]>();
  for (const spellings of groups.values()) {
    if (spellings.length > 1) spellings.sort((a, b) => b.count - a.count || (a.usage.tag < b.usage.tag ? -1 : 1));
    // A post that writes one term two ways counts once.
    const count = spellings.length === 1 ? spellings[0]!.count : new Set(spellings.flatMap((spelling) => [...spelling.posts])).size;
    const { tag, lower, variant } = spellings[0]!.usage;
    const term: TagTerm = { tag, count, spellings: spellings.map((spelling) => spelling.usage.tag), lower, variant };
    terms.push(term);
    for (const spelling of spellings) byTag.set(spelling.usage.tag, term);
  }
  terms.sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
  for (const term of terms) {
    const group = byVariant.get(term.variant);
    if (group) group.push(term);
    else byVariant.set(term.variant, [term]);
  }
  return {
    version: site.tags.version,
    scope,
    terms,
    termOf: (tag) => byTag.get(tag),
    variantsOf: (variant) => byVariant.get(variant) ?? [],
  };
}

const termKeys = new WeakMap<Site, Map<string, string>>();

/** The generator's term key for a tag (see `GeneratorProfile.tagTerm`), cached per site: it runs for every tag on every change. */
export function termKey(site: Site, tag: string): string {
  const term = site.profile.tagTerm;
  if (!term) return tag;
  let keys = termKeys.get(site);
  if (!keys || keys.size > 100_000) termKeys.set(site, (keys = new Map()));
  let key = keys.get(tag);
  if (key === undefined) keys.set(tag, (key = term(tag, site.config)));
  return key;
}
