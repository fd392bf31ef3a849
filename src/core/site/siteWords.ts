import type { PostSummary } from './postSummary';
import type { Site } from './site';
import { variantKey } from '../text/similarity';

/**
 * Whether every word of `tag` is written elsewhere on the site: in a post title, or in another tag of
 * several words on two posts or more (two one-off tags with the same slip prove nothing). A rare tag
 * that is such a word (`trust` beside `zero trust`, `Xcode` in a title) was written on purpose, not
 * mistyped, however close it is to a common tag. Asked only of tags that look like typos, so it
 * reads the titles then (their words kept per post summary) rather than indexing them on every change.
 */
export function usedElsewhere(site: Site, tag: string): boolean {
  const words = wordsOf(tag);
  const ownVariant = variantKey(tag);
  return words.length > 0 && words.every((word) => inTitles(site, word) || inOtherPhrases(site, ownVariant, word));
}

function inTitles(site: Site, word: string): boolean {
  for (const post of site.posts.values()) if (titleWords(post).includes(word)) return true;
  return false;
}

function inOtherPhrases(site: Site, ownVariant: string, word: string): boolean {
  for (const usage of site.tags.all()) {
    if (usage.count < 2) break; // most used first
    if (usage.variant === ownVariant) continue;
    const words = tagWords(usage.tag);
    if (words.length > 1 && words.includes(word)) return true;
  }
  return false;
}

const titleWordsOf = new WeakMap<PostSummary, readonly string[]>();

function titleWords(post: PostSummary): readonly string[] {
  let words = titleWordsOf.get(post);
  if (!words) titleWordsOf.set(post, (words = post.title ? wordsOf(post.title) : []));
  return words;
}

const tagWordsOf = new Map<string, readonly string[]>();

function tagWords(tag: string): readonly string[] {
  let words = tagWordsOf.get(tag);
  if (!words) {
    if (tagWordsOf.size >= 100_000) tagWordsOf.clear();
    tagWordsOf.set(tag, (words = wordsOf(tag)));
  }
  return words;
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
