import type { Site } from '../site/site';
import { editDistance, typoBudget, variantKey } from '../text/similarity';
import type { Check } from './context';
import { innerRange, valuesOf } from '../frontmatter/values';

/**
 * Tags that look like a misspelling of a tag the site uses more: one or two edits away (by length),
 * or the same word in other case, separators or number. Distinct popular tags are left alone.
 */
export const checkTags: Check = (context) => {
  const { site, post } = context;
  const allowed = site.settings.allowedTags;
  for (const { node } of valuesOf(post, site.config.tagKeys)) {
    const tag = String(node.value);
    const range = innerRange(node);
    if (allowed && !allowed.has(tag)) {
      const suggestion = [...allowed].find((candidate) => variantKey(candidate) === variantKey(tag));
      context.report({
        code: 'unknown-tag',
        severity: 'warning',
        range,
        message: `Tag "${tag}" is not in the site's allowed tags.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fixes: suggestion ? [context.replaceFix(`Change to "${suggestion}"`, range, suggestion, true)] : [],
      });
      continue;
    }
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
};

const memo = new WeakMap<Site, { version: number; suggestions: Map<string, { tag: string; count: number } | null> }>();

/** The more common tag that `tag` is probably a typo of; memoised per tag index version. */
export function typoSuggestion(site: Site, tag: string): { tag: string; count: number } | undefined {
  let cache = memo.get(site);
  if (!cache || cache.version !== site.tags.version) memo.set(site, (cache = { version: site.tags.version, suggestions: new Map() }));
  if (!cache.suggestions.has(tag)) cache.suggestions.set(tag, findTypoTarget(site, tag) ?? null);
  return cache.suggestions.get(tag) ?? undefined;
}

function findTypoTarget(site: Site, tag: string): { tag: string; count: number } | undefined {
  const count = Math.max(site.tags.count(tag), 1);
  const lower = tag.toLowerCase();
  const key = variantKey(tag);
  const budget = typoBudget(lower.length);
  let best: { tag: string; count: number; distance: number } | undefined;
  for (const usage of site.tags.all()) {
    if (usage.count < Math.max(2, count * 2)) break; // sorted by count: no more common tags follow
    if (usage.tag === tag) continue;
    const other = usage.tag.toLowerCase();
    let distance: number;
    if (variantKey(usage.tag) === key) distance = 0;
    else if (budget === 0 || differsOnlyInDigits(lower, other)) continue;
    else distance = editDistance(lower, other, budget);
    if (distance > budget) continue;
    if (!best || distance < best.distance || (distance === best.distance && usage.count > best.count)) best = { tag: usage.tag, count: usage.count, distance };
  }
  return best && { tag: best.tag, count: best.count };
}

/** `web2` and `web3` are different things, not typos. */
function differsOnlyInDigits(a: string, b: string): boolean {
  return a.replace(/\d/g, '') === b.replace(/\d/g, '') && a !== b;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
