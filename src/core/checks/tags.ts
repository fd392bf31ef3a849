import type { Site } from '../site/site';
import { tagValues } from '../site/tagValues';
import { tagScopeOf, tagVocabulary } from '../site/tagVocabulary';
import { writesWords } from '../site/siteWords';
import { closestMatches, variantKey } from '../text/similarity';
import { isInside, relativePath } from '../text/paths';
import type { Check, CheckContext } from './context';
import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import type { SiteConfig } from '../site/model';
import { innerRange } from '../frontmatter/values';
import { spellingSuggestion } from './tagSpelling';
import { msg, type Message, type MessageArgument } from '../l10n/message';

/** A tag value of a post and its range, without quotes. */
export interface TagOccurrence {
  readonly tag: string;
  readonly range: OffsetRange;
  /**
   * Whether the post's body writes the tag's words (see `bodyWrites`); known for short tags on at
   * most two posts (`askBody`), where a near-miss of a common tag may be a word chosen on purpose.
   */
  readonly inBody?: boolean;
}

/**
 * Tags whose post's text says whether they are a word or a typo: on at most two posts, and short, as
 * distinct words one letter apart are (`demo`/`deno`); a longer near-miss is a typo (and scanning
 * bodies for every rare tag cost a tenth of a 10,000-post check).
 */
function askBody(site: Site, tag: string): boolean {
  return tag.length <= 8 && site.tags.count(tag) <= 2;
}

/**
 * Tags that look like a misspelling of a tag the site uses more (among the posts of the post's
 * language and tag group, see `TagScope`), and tags
 * written another way than usual (case, separators, plural) where the generator keeps the spellings
 * apart. Spellings the generator merges into one tag page are one tag.
 */
export const checkTags: Check = (context) => reportTagProblems(context, tagOccurrences(context.post, context.site.config));

export function tagOccurrences(post: ParsedPost, config: SiteConfig): TagOccurrence[] {
  return tagValues(post, config).map((node) => ({ tag: String(node.value), range: innerRange(node) }));
}

/**
 * Whether the body of `post` writes the words of a tag, asked for rare tags only: `demo` in a post
 * that says "demo" is the word, not a typo of `deno`, while a mistyped tag is rarely mistyped again in
 * the text. A post checked in two passes keeps no body, so the answer is taken while it is indexed
 * (`withBodyWords`), for every tag then on few posts.
 */
function bodyWrites(post: ParsedPost, tag: string): boolean {
  return writesWords(post.text, post.bodyStart, tag);
}

/** The occurrences with `inBody` filled in where `askBody` (on the posts indexed so far: a superset of the final answer). */
export function withBodyWords(site: Site, post: ParsedPost, occurrences: readonly TagOccurrence[]): TagOccurrence[] {
  return occurrences.map((occurrence) => (askBody(site, occurrence.tag) ? { ...occurrence, inBody: bodyWrites(post, occurrence.tag) } : occurrence));
}

/** `checkTags` on tag values read before (a post checked in two passes, see twoPassCheck). */
export function reportTagProblems(context: CheckContext, occurrences: readonly TagOccurrence[]): void {
  const { site, post } = context;
  // The site's own list wins: postcraft.config.json `allowedTags`, else the generator's registry.
  const own = site.config.tagRegistries?.find((candidate) => isInside(candidate.folder, post.path) && candidate.severity !== 'off');
  const registry = site.settings.allowedTags
    ? { tags: site.settings.allowedTags, where: msg("the site's allowed tags") as MessageArgument, severity: 'warning' as const }
    : own && own.severity !== 'off'
      ? { tags: own.tags, where: relativePath(site.root, own.file), severity: own.severity }
      : undefined;
  const scope = tagScopeOf(site, post.path);
  for (const occurrence of occurrences) {
    const { tag, range } = occurrence;
    if (registry && !registry.tags.has(tag)) {
      const suggestion = [...registry.tags].find((candidate) => variantKey(candidate) === variantKey(tag)) ?? closestMatches(tag, registry.tags, 1)[0];
      context.report({
        code: 'unknown-tag',
        severity: registry.severity,
        range,
        message: suggestion ? msg('Tag "{0}" is not in {1}. Did you mean "{2}"?', tag, registry.where, suggestion) : msg('Tag "{0}" is not in {1}.', tag, registry.where),
        fixes: suggestion ? [context.replaceFix(msg('Change to "{0}"', suggestion), range, suggestion, true)] : [],
      });
      continue;
    }
    if (site.config.reservedTags?.includes(tag)) continue;
    const suggestion = spellingSuggestion(site, tag, scope);
    if (!suggestion) continue;
    if (suggestion.kind === 'typo' && askBody(site, tag) && (occurrence.inBody ?? bodyWrites(post, tag))) continue;
    const counted = (count: number) => (scope.language ? msg('{0} in {1}', posts(count), scope.language) : posts(count));
    const fixes = [context.replaceFix(msg('Change to "{0}"', suggestion.tag), range, suggestion.tag, true)];
    const ownCount = tagVocabulary(site, scope).termOf(tag)?.count ?? 1;
    if (suggestion.kind === 'typo') {
      const message = msg('Tag "{0}" ({1}) looks like a misspelling of "{2}" ({3}).', tag, counted(ownCount), suggestion.tag, counted(suggestion.count));
      context.report({ code: 'tag-typo', severity: 'warning', range, message, fixes });
    } else {
      // Hygiene, not a mistake: the generator makes a tag page for each spelling (Jekyll: `Ruby` and `ruby`).
      const message = msg('Tag "{0}" is written two ways: "{0}" on {1}, "{2}" on {3}; {4} makes them two tags.', tag, counted(ownCount), suggestion.tag, counted(suggestion.count), site.profile.displayName);
      context.report({ code: 'tag-variant', severity: 'info', range, message, fixes });
    }
  }
}

function posts(count: number): Message {
  return count === 1 ? msg('{0} post', count) : msg('{0} posts', count);
}
