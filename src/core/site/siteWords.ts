import type { Site } from './site';
import { variantKey } from '../text/similarity';

/**
 * The words a site writes outside its one-word tags: in post titles and in tags of several words.
 * A rare tag that is such a word (`trust` beside `zero trust`, `Xcode` in a title) was written on
 * purpose, not mistyped, however close it is to a common tag.
 */
export interface SiteWords {
  /** Whether every word of `tag` is written elsewhere on the site. */
  usedElsewhere(tag: string): boolean;
}

const memo = new WeakMap<Site, { version: number; words: SiteWords }>();

/** Built on first use and kept while the site's tags are unchanged (a changed title counts at the next tag change). */
export function siteWords(site: Site): SiteWords {
  const cached = memo.get(site);
  if (cached?.version === site.tags.version) return cached.words;
  const words = buildSiteWords(site);
  memo.set(site, { version: site.tags.version, words });
  return words;
}

function buildSiteWords(site: Site): SiteWords {
  // In how many titles and tags (a tag once, in whatever spelling) each word is written. Only tags on
  // two posts or more vouch for their words: two one-off tags with the same slip prove nothing.
  const sources = new Map<string, number>();
  const add = (text: string) => {
    for (const word of new Set(wordsOf(text))) sources.set(word, (sources.get(word) ?? 0) + 1);
  };
  for (const post of site.posts.values()) if (post.title) add(post.title);
  const phrases = new Set<string>();
  for (const usage of site.tags.all()) {
    if (usage.count < 2) break; // most used first
    if (wordsOf(usage.tag).length > 1 && !phrases.has(usage.variant)) {
      phrases.add(usage.variant);
      add(usage.tag);
    }
  }
  return {
    usedElsewhere(tag) {
      const words = wordsOf(tag);
      const own = phrases.has(variantKey(tag)) ? 1 : 0; // a tag of several words is one of its words' sources
      return words.length > 0 && words.every((word) => (sources.get(word) ?? 0) > own);
    },
  };
}

/**
 * Whether `text` from offset `from` (a post's body) writes every word of `tag` as a whole word, in
 * any case. A cached case-insensitive search per word, from `from`: no copy of the body is made (one
 * lower-cased copy per post cost a tenth of a 10,000-post check).
 */
export function writesWords(text: string, from: number, tag: string): boolean {
  const words = wordsOf(tag);
  return words.length > 0 && words.every((word) => containsWord(text, from, word));
}

function containsWord(text: string, from: number, word: string): boolean {
  const pattern = searchFor(word);
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!isWordCharacter(text, match.index - 1) && !isWordCharacter(text, match.index + match[0].length)) return true;
    pattern.lastIndex = match.index + 1;
  }
  return false;
}

const searches = new Map<string, RegExp>();

function searchFor(word: string): RegExp {
  let pattern = searches.get(word);
  if (!pattern) {
    if (searches.size >= 10_000) searches.clear();
    // A word holds letters, digits, `+` and `#` (see wordsOf): only `+` needs escaping.
    searches.set(word, (pattern = new RegExp(word.replace(/\+/g, '\\+'), 'gi')));
  }
  return pattern;
}

function isWordCharacter(text: string, index: number): boolean {
  const character = text[index];
  return character !== undefined && wordCharacter.test(character);
}

const wordCharacter = /[\p{L}\p{N}]/u;

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}+#]+/u).filter(Boolean);
}
