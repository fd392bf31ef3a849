import type { Site } from './site';
import type { TagUsage } from './tagIndex';

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

/** The tags of one language of a site, as terms: what the tag checks compare a post's tags with. */
export interface TagVocabulary {
  readonly version: number;
  readonly language: string | undefined;
  /** Most used first. */
  readonly terms: readonly TagTerm[];
  termOf(tag: string): TagTerm | undefined;
  /** Terms with this spelling-independent form, most used first. */
  variantsOf(variant: string): readonly TagTerm[];
}

interface SiteVocabularies {
  readonly version: number;
  readonly byLanguage: Map<string | undefined, TagVocabulary>;
  readonly multilingual: boolean;
}

const memo = new WeakMap<Site, SiteVocabularies>();

/**
 * The tags used by posts in `language` (every post where the site has one language), memoised per
 * tag index version. Tags are compared within one language: `tecnología` on Spanish posts says
 * nothing about the spelling of a Portuguese tag.
 */
export function tagVocabulary(site: Site, language: string | undefined): TagVocabulary {
  let cache = memo.get(site);
  if (!cache || cache.version !== site.tags.version) {
    let multilingual = false;
    for (const post of site.posts.values()) if (post.language !== undefined) multilingual = true;
    memo.set(site, (cache = { version: site.tags.version, byLanguage: new Map(), multilingual }));
  }
  const key = cache.multilingual ? language : undefined;
  let vocabulary = cache.byLanguage.get(key);
  if (!vocabulary) cache.byLanguage.set(key, (vocabulary = buildVocabulary(site, cache.multilingual, key)));
  return vocabulary;
}

/** The languages the site's posts are in (one undefined entry on a site with one language). */
export function siteLanguages(site: Site): (string | undefined)[] {
  return [...new Set([...site.posts.values()].map((post) => post.language))];
}

function buildVocabulary(site: Site, multilingual: boolean, language: string | undefined): TagVocabulary {
  const inLanguage = (posts: ReadonlySet<string>): string[] => [...posts].filter((path) => site.posts.get(path)?.language === language);
  const groups = new Map<string, { usage: TagUsage; count: number; posts: ReadonlySet<string> }[]>();
  for (const usage of site.tags.all()) {
    const posts = multilingual ? new Set(inLanguage(usage.posts)) : usage.posts;
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
    language,
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
