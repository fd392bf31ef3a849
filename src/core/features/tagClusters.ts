import { typoSuggestion } from '../checks/tagSpelling';
import { indexedTagGroup, tagScopes, tagVocabulary, termKey } from '../site/tagVocabulary';
import type { Site } from '../site/site';
import type { TagUsage } from '../site/tagIndex';

export interface TagCluster {
  /** The spelling to keep: the most used. */
  readonly canonical: TagUsage;
  /** The other spellings, most used first. */
  readonly variants: readonly TagUsage[];
  /** Whether the generator already gives them one tag page (Hugo: `JavaScript`, `javascript`): merging only unifies the spelling. */
  readonly onePage: boolean;
}

/**
 * Groups of tags that are probably one tag: the spellings the generator merges into one term page,
 * the same word in other case, separators or plural (whatever their counts), and rare spellings that
 * the tag-typo check ties to a more common tag in every language they are used in.
 */
export function tagClusters(site: Site): TagCluster[] {
  const parent = new Map<string, string>();
  const root = (tag: string): string => {
    const up = parent.get(tag);
    return up === undefined || up === tag ? tag : root(up);
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra, rb);
  };
  const all = site.tags.all();
  // One word in other spellings, within a tag group (see TagScope): another group's tags are not its variants.
  const firstOfVariant = new Map<string, string>();
  for (const usage of all) {
    const groups = site.config.tagGroups ? new Set([...usage.posts].map((path) => indexedTagGroup(site, path))) : [undefined];
    for (const group of groups) {
      const key = `${group ?? ''}\0${usage.variant}`;
      const first = firstOfVariant.get(key);
      if (first) join(usage.tag, first);
      else firstOfVariant.set(key, usage.tag);
    }
  }
  const vocabularies = tagScopes(site).map((scope) => tagVocabulary(site, scope));
  for (const vocabulary of vocabularies) {
    for (const term of vocabulary.terms) for (const spelling of term.spellings) join(spelling, term.tag);
  }
  for (const usage of all) {
    // A Spanish tag may be a word of its own in Spanish while it looks like a typo on English posts.
    const targets = new Set(vocabularies.filter((vocabulary) => vocabulary.termOf(usage.tag)).map((vocabulary) => typoSuggestion(site, usage.tag, vocabulary.scope)?.tag));
    const [target] = targets;
    if (targets.size === 1 && target !== undefined) join(usage.tag, target);
  }
  const groups = new Map<string, TagUsage[]>();
  for (const usage of all) {
    const group = groups.get(root(usage.tag));
    if (group) group.push(usage);
    else groups.set(root(usage.tag), [usage]);
  }
  const total = (cluster: TagCluster) => cluster.variants.reduce((sum, variant) => sum + variant.count, 0);
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const sorted = group.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
      const onePage = sorted.every((usage) => termKey(site, usage.tag) === termKey(site, sorted[0]!.tag));
      return { canonical: sorted[0]!, variants: sorted.slice(1), onePage };
    })
    .sort((a, b) => total(b) - total(a) || a.canonical.tag.localeCompare(b.canonical.tag));
}
