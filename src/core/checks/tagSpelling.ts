import type { Site } from '../site/site';
import { usedElsewhere } from '../site/siteWords';
import { tagVocabulary, type TagScope, type TagTerm, type TagVocabulary } from '../site/tagVocabulary';
import { interned } from '../text/detached';
import { variantKey } from '../text/similarity';
import { singleEdit, type SingleEdit } from '../text/typoShape';

/** A more used spelling a tag should probably be written as. */
export interface SpellingSuggestion {
  /**
   * `typo`: a misspelling of another tag. `variant`: the same tag written another way (case,
   * separators, plural, accents) that the generator keeps as a separate term.
   */
  readonly kind: 'typo' | 'variant';
  readonly tag: string;
  readonly count: number;
}

/** How many posts a tag needs before a rarer tag one typo away can be taken for a misspelling of it. */
export const establishedCount = 3;

/**
 * What a post's tag should be written as, compared with the tags of the post's scope (language, tag
 * group: see `TagScope`); memoised
 * per tag index version. Spellings the generator merges into one term (`site.profile.tagTerm`) are
 * one tag and never reported. Otherwise the group of spellings of one word (`variantKey`) is taken
 * together: it may be a misspelling as a whole (`Kuberentes`, `kuberentes` → `kubernetes`), else its
 * rarer spellings are variants of the most used one.
 */
export function spellingSuggestion(site: Site, tag: string, scope: TagScope): SpellingSuggestion | undefined {
  const memo = memoFor(tagVocabulary(site, scope));
  if (!memo.suggestions.has(tag)) {
    memo.suggestions.set(interned(tag), null); // a chain that comes back here ends here
    memo.suggestions.set(interned(tag), suggest(site, memo, tag) ?? null);
  }
  return memo.suggestions.get(tag) ?? undefined;
}

/** The established tag that `tag` is a misspelling of, if any (what the tag hygiene command merges). */
export function typoSuggestion(site: Site, tag: string, scope: TagScope): SpellingSuggestion | undefined {
  const suggestion = spellingSuggestion(site, tag, scope);
  return suggestion?.kind === 'typo' ? suggestion : undefined;
}

interface TypoMemo {
  readonly vocabulary: TagVocabulary;
  readonly suggestions: Map<string, SpellingSuggestion | null>;
  /** Spellings of tags on two posts or more by length, most used first: only a length one apart can be one edit away. */
  readonly byLength: Map<number, Candidate[]>;
}

interface Candidate {
  /** The most used of the spellings of one word (`variantKey`), which a fix writes. */
  readonly term: TagTerm;
  /** Posts of all its spellings: `Weblogic`, `WebLogic` and `weblogic` are one established word. */
  readonly count: number;
  readonly lower: string;
  /** Which of 32 character classes the spelling holds (see `charMask`). */
  readonly mask: number;
}

const memos = new WeakMap<TagVocabulary, TypoMemo>();

function memoFor(vocabulary: TagVocabulary): TypoMemo {
  let memo = memos.get(vocabulary);
  if (memo) return memo;
  const words = new Map<string, { term: TagTerm; count: number; spellings: Set<string> }>();
  for (const term of vocabulary.terms) {
    const word = words.get(term.variant);
    if (!word) words.set(term.variant, { term, count: term.count, spellings: new Set(term.spellings.map((spelling) => spelling.toLowerCase())) });
    else {
      word.count += term.count;
      for (const spelling of term.spellings) word.spellings.add(spelling.toLowerCase());
    }
  }
  const byLength = new Map<number, Candidate[]>();
  for (const { term, count, spellings } of words.values()) {
    if (count < 2) continue; // see looksMistyped
    for (const lower of spellings) {
      const group = byLength.get(lower.length);
      const candidate = { term, count, lower, mask: charMask(lower) };
      if (group) group.push(candidate);
      else byLength.set(lower.length, [candidate]);
    }
  }
  for (const group of byLength.values()) group.sort((a, b) => b.count - a.count);
  memos.set(vocabulary, (memo = { vocabulary, suggestions: new Map(), byLength }));
  return memo;
}

function suggest(site: Site, memo: TypoMemo, tag: string): SpellingSuggestion | undefined {
  const { vocabulary } = memo;
  const own = vocabulary.termOf(tag);
  const variant = own?.variant ?? variantKey(tag);
  // The word's spellings the generator keeps apart, most used first (own term included, if indexed).
  const spellings = vocabulary.variantsOf(variant);
  const main = spellings[0];
  // How established the word is: its most used spelling (a slip written three ways is still a slip).
  const usedOn = Math.max(main?.count ?? 1, 1);
  // A target is more established than the whole word, all its spellings counted: so a chain of fixes
  // only ever climbs, and two words written as often (Kotlin, kotlin / Kotlim, kotlim) are no typos of each other.
  const allSpellings = Math.max(spellings.reduce((sum, spelling) => sum + spelling.count, 0), 1);
  const typo = typoTarget(site, memo, main && main !== own && main.count > (own?.count ?? 1) ? main.tag : tag, usedOn, variant, allSpellings);
  if (typo) {
    // A target that is itself a typo of a far more used tag: the fix goes to the end of the chain.
    const further = typoSuggestion(site, typo.tag, vocabulary.scope);
    return further ?? { kind: 'typo', tag: typo.tag, count: typo.count };
  }
  if (main && own !== main && main.count > (own?.count ?? 1)) return { kind: 'variant', tag: main.tag, count: main.count };
  return undefined;
}

function typoTarget(site: Site, memo: TypoMemo, tag: string, count: number, variant: string, wordCount: number): TagTerm | undefined {
  const lower = tag.toLowerCase();
  const minimum = count === 1 ? 2 : count === 2 ? 3 * count : 10 * count;
  const mask = charMask(lower);
  let best: { term: TagTerm; count: number; likelihood: number } | undefined;
  for (let length = lower.length - 1; length <= lower.length + 1; length++) {
    for (const candidate of memo.byLength.get(length) ?? []) {
      if (candidate.count < minimum) break; // most used first
      if (candidate.term.variant === variant || candidate.count <= wordCount) continue; // its own spellings; a word no more established
      if (bitCount(mask ^ candidate.mask) > 2) continue; // one edit changes at most two classes: most tags end here
      const edit = singleEdit(candidate.lower, lower);
      if (!edit || differsOnlyInDigits(candidate.lower, lower) || !looksMistyped(edit, candidate.lower.length, count, candidate.count)) continue;
      // Of two tags one edit away (`baming`: `baking`, `gaming`), the likelier typo, then the more used.
      const likelihood = typoLikelihood(edit);
      if (!best || likelihood > best.likelihood || (likelihood === best.likelihood && candidate.count > best.count)) best = { term: candidate.term, count: candidate.count, likelihood };
    }
  }
  // Asked last, as it is the one question that reads every title of the site.
  return best && !usedElsewhere(site, tag) ? best.term : undefined;
}

/** How typical of a typo an edit is: swapped or doubled letters, then a slip after the first letter, then the rest. */
function typoLikelihood(edit: SingleEdit): number {
  if (edit.kind === 'transposed' || edit.kind === 'doubled' || edit.kind === 'undoubled') return 2;
  return edit.at > 0 ? 1 : 0;
}

/**
 * Whether a tag used on `writtenCount` posts, one `edit` away from a tag of `intendedLength`
 * characters used on `intendedCount`, is a misspelling of it rather than another word.
 *
 * Swapped neighbours and a key pressed twice (or once among doubled letters) are typos in words of
 * a few letters. Other edits make real words out of short ones (`rust`/`trust`, `ai`/`api`,
 * `elm`/`helm`, `prism`/`prisma`), so they count where a typo is likely: a substituted or stray key
 * beside the intended one, a missing letter in a word of four or more; at the first letter (which
 * writers rarely get wrong) only in a longer word. Such a tag must be on one post; the caller also
 * asks whether it is a word the site writes elsewhere. The intended tag must be established (three
 * posts, in any of its spellings), or on two posts for a typo-shaped edit on one post (`typescirpt`). A tag
 * that is itself established is taken for a typo only with a typo's shape and on a tenth of the
 * posts of the other.
 */
export function looksMistyped(edit: SingleEdit, intendedLength: number, writtenCount: number, intendedCount: number): boolean {
  const typoShaped = (edit.kind === 'transposed' && intendedLength >= 3) || (edit.kind === 'doubled' && intendedLength >= 2) || (edit.kind === 'undoubled' && intendedLength >= 4);
  if (intendedCount < establishedCount) return typoShaped && intendedLength >= 4 && writtenCount === 1 && intendedCount === 2;
  if (writtenCount >= establishedCount) return typoShaped && intendedLength >= 6 && intendedCount >= 10 * writtenCount;
  if (intendedCount < 3 * writtenCount) return false;
  if (typoShaped) return true;
  if (writtenCount > 1) return false;
  const first = edit.at === 0;
  switch (edit.kind) {
    case 'dropped':
      return intendedLength >= (first ? 6 : 4);
    case 'inserted':
      return intendedLength >= 4 && edit.nearKey && !first && !edit.atEnd;
    case 'substituted':
      return edit.nearKey ? intendedLength >= (first ? 7 : 3) : intendedLength >= 7 && !first;
    default:
      return false;
  }
}

/**
 * Which of 32 classes of characters occur in `text`. An edit adds or removes at most one class and
 * changes another (a swap neither), so one edit apart means at most two classes apart.
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

/** `web2` and `web3` are different things, not typos. */
function differsOnlyInDigits(a: string, b: string): boolean {
  return a.replace(/\d/g, '') === b.replace(/\d/g, '') && a !== b;
}
