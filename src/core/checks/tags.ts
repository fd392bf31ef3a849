import type { Site } from '../site/site';
import { tagValues } from '../site/tagValues';
import type { TagUsage } from '../site/tagIndex';
import { closestMatches, editDistance, typoBudget, variantKey } from '../text/similarity';
import { interned } from '../text/detached';
import { isInside, relativePath } from '../text/paths';
import type { Check, CheckContext } from './context';
import type { OffsetRange } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import type { SiteConfig } from '../site/model';
import { innerRange } from '../frontmatter/values';

/** A tag value of a post and its range, without quotes. */
export interface TagOccurrence {
  readonly tag: string;
  readonly range: OffsetRange;
}

/**
 * Tags that look like a misspelling of a tag the site uses more: one or two edits away (by length),
 * or the same word in other case, separators or number. Distinct popular tags are left alone.
 */
export const checkTags: Check = (context) => reportTagProblems(context, tagOccurrences(context.post, context.site.config));

export function tagOccurrences(post: ParsedPost, config: SiteConfig): TagOccurrence[] {
  return tagValues(post, config).map((node) => ({ tag: String(node.value), range: innerRange(node) }));
}

/** `checkTags` on tag values read before (a post checked in two passes, see twoPassCheck). */
export function reportTagProblems(context: CheckContext, occurrences: readonly TagOccurrence[]): void {
  const { site, post } = context;
  // The site's own list wins: postcraft.config.json `allowedTags`, else the generator's registry.
  const own = site.config.tagRegistries?.find((candidate) => isInside(candidate.folder, post.path) && candidate.severity !== 'off');
  const registry = site.settings.allowedTags
    ? { tags: site.settings.allowedTags, where: "the site's allowed tags", severity: 'warning' as const }
    : own && own.severity !== 'off'
      ? { tags: own.tags, where: relativePath(site.root, own.file), severity: own.severity }
      : undefined;
  for (const { tag, range } of occurrences) {
    if (registry && !registry.tags.has(tag)) {
      const suggestion = [...registry.tags].find((candidate) => variantKey(candidate) === variantKey(tag)) ?? closestMatches(tag, registry.tags, 1)[0];
      context.report({
        code: 'unknown-tag',
        severity: registry.severity,
        range,
        message: `Tag "${tag}" is not in ${registry.where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes: suggestion ? [context.replaceFix(`Change to "${suggestion}"`, range, suggestion, true)] : [],
      });
      continue;
    }
    if (site.config.reservedTags?.includes(tag)) continue;
    const suggestion = typoSuggestion(site, tag);
    if (!suggestion) continue;
    context.report({
      code: 'tag-typo',
      severity: 'warning',
      range,
      message: `Tag "${tag}" (${plural(site.tags.count(tag), 'post')}) looks like a misspelling of "${suggestion.tag}" (${plural(suggestion.count, 'post')}).`,
      fixes: [context.replaceFix(`Change to "${suggestion.tag}"`, range, suggestion.tag, true)],
    });
  }
}

interface TypoMemo {
  readonly version: number;
  readonly suggestions: Map<string, { tag: string; count: number } | null>;
  /** Tags used at least twice, by length, most used first: only near lengths can be one typo away. */
  readonly byLength: Map<number, TagUsage[]>;
  readonly byVariant: Map<string, TagUsage[]>;
  readonly histograms: Map<string, Int16Array>;
  /** Which of 32 character classes each tag holds (see `charMask`). */
  readonly masks: Map<string, number>;
}

const memo = new WeakMap<Site, TypoMemo>();

/** The more common tag that `tag` is probably a typo of; memoised per tag index version. */
export function typoSuggestion(site: Site, tag: string): { tag: string; count: number } | undefined {
  let cache = memo.get(site);
  if (!cache || cache.version !== site.tags.version) memo.set(site, (cache = buildMemo(site)));
  if (!cache.suggestions.has(tag)) cache.suggestions.set(interned(tag), findTypoTarget(site, cache, tag) ?? null);
  const found = cache.suggestions.get(tag) ?? undefined;
  // A target that is itself a typo of a more used tag (ejkyl → jekyl → jekyll): the fix goes to the end of
  // the chain, or it would trade one flagged tag for another. Each step at least doubles the count.
  return (found && typoSuggestion(site, found.tag)) ?? found;
}

function buildMemo(site: Site): TypoMemo {
  const byLength = new Map<number, TagUsage[]>();
  const byVariant = new Map<string, TagUsage[]>();
  const reserved = new Set(site.config.reservedTags ?? []);
  for (const usage of site.tags.all()) {
    if (usage.count < 2) break; // sorted by count: a target must be used at least twice
    if (reserved.has(usage.tag)) continue;
    const length = usage.lower.length;
    // Appended in place: copying the group per tag was quadratic in the number of tags of one length.
    if (!byLength.has(length)) byLength.set(length, []);
    byLength.get(length)!.push(usage);
    if (!byVariant.has(usage.variant)) byVariant.set(usage.variant, []);
    byVariant.get(usage.variant)!.push(usage);
  }
  const histograms = new Map<string, Int16Array>();
  const masks = new Map<string, number>();
  for (const group of byLength.values()) {
    for (const usage of group) {
      histograms.set(usage.tag, histogram(usage.lower));
      masks.set(usage.tag, charMask(usage.lower));
    }
  }
  return { version: site.tags.version, suggestions: new Map(), byLength, byVariant, histograms, masks };
}

function findTypoTarget(site: Site, cache: TypoMemo, tag: string): { tag: string; count: number } | undefined {
  const count = Math.max(site.tags.count(tag), 1);
  const lower = tag.toLowerCase();
  const budget = typoBudget(lower.length);
  const minimum = Math.max(2, count * 2);
  let best: { tag: string; count: number; distance: number } | undefined;
  const consider = (usage: TagUsage, distance: number) => {
    if (usage.tag === tag || usage.count < minimum || distance > budget) return;
    if (distance > 0 && differsOnlyInDigits(lower, usage.lower)) return;
    if (!best || distance < best.distance || (distance === best.distance && usage.count > best.count)) best = { tag: usage.tag, count: usage.count, distance };
  };
  for (const usage of cache.byVariant.get(variantKey(tag)) ?? []) consider(usage, 0);
  const own = histogram(lower);
  const ownMask = charMask(lower);
  for (let length = lower.length - budget; budget > 0 && length <= lower.length + budget; length++) {
    for (const usage of cache.byLength.get(length) ?? []) {
      if (usage.count < minimum) break;
      if (bitCount(ownMask ^ cache.masks.get(usage.tag)!) > 2 * budget) continue; // cheaper still
      if (histogramDistance(own, cache.histograms.get(usage.tag)!, 2 * budget) > 2 * budget) continue; // cheap lower bound
      consider(usage, editDistance(lower, usage.lower, budget));
    }
  }
  return best && { tag: best.tag, count: best.count };
}

/**
 * Character counts (folded into 64 buckets). Each edit changes their L1 distance by at most 2 (a swap
 * by 0), so a distance over twice the budget proves the strings too far apart without the full DP.
 */
function histogram(text: string): Int16Array {
  const counts = new Int16Array(64);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 63]!++;
  return counts;
}

/**
 * Which of 32 classes of characters occur in `text`. An edit adds or removes at most one class and
 * changes another (a swap neither), so two strings within `budget` edits differ in at most twice as
 * many classes: one XOR and a bit count rule out most tags before the histogram is compared.
 */
function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The L1 distance, or a number over `max` as soon as it exceeds it. */
function histogramDistance(a: Int16Array, b: Int16Array, max: number): number {
  let sum = 0;
  for (let i = 0; i < 64 && sum <= max; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum;
}

/** `web2` and `web3` are different things, not typos. */
function differsOnlyInDigits(a: string, b: string): boolean {
  return a.replace(/\d/g, '') === b.replace(/\d/g, '') && a !== b;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
