import MarkdownIt, { type Token } from 'markdown-it';
import type { OffsetRange } from '../frontmatter/model';
import { findField } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import { compilesAsMdx } from '../post/dialect';
import type { SeoSettings } from '../settings/siteSettings';
import type { Site } from './site';
import { basename } from '../text/paths';
import { described, english, formatMessage, msg, type Message, type Translate } from '../l10n/message';

/**
 * What Front Matter CMS's SEO panel shows, computed from the post as written: lengths against limits,
 * words, reading time and the heading outline. Facts, not findings: checks/seo.ts turns two of them
 * into findings when a site asks for them.
 */
export interface SeoFacts {
  /** Undefined when the frontmatter has no title. */
  readonly title: LengthFact | undefined;
  /** Undefined when the frontmatter has no `description`. */
  readonly description: LengthFact | undefined;
  /** The URL's last segment: `slug` from the frontmatter, else the file (or bundle folder) name. */
  readonly slug: LengthFact & { readonly text: string };
  readonly words: number;
  readonly readingMinutes: number;
  /** The text has Chinese, Japanese or Korean letters: each counts as a word, read at `cjkCharactersPerMinute`. */
  readonly cjk: boolean;
  readonly headings: readonly Heading[];
  /** Where the outline breaks the one-H1, no-skipped-level rule, in source order. */
  readonly outline: readonly OutlineNote[];
}

export interface LengthFact {
  /** In characters (code points), as search results count them. */
  readonly length: number;
  /** Undefined when the site turned the limit off (-1). */
  readonly limit: number | undefined;
  /** Where the value is written, for findings and hovers; undefined for a slug taken from the file name. */
  readonly range: OffsetRange | undefined;
}

export interface Heading {
  readonly level: number;
  readonly text: string;
  /** Line in the whole file, 0-based. */
  readonly line: number;
}

export interface OutlineNote {
  readonly line: number;
  /** English, as tests and JSON read it; `l10n` to show it in the editor's language. */
  readonly message: string;
  readonly l10n: Message;
}

/** Front Matter CMS's defaults (`frontMatter.taxonomy.seoTitleLength` 60, `seoDescriptionLength` 160, `seoSlugLength` 75) and Hugo's reading speed. */
export const defaultSeoSettings: SeoSettings = { titleLength: 60, descriptionLength: 160, slugLength: 75, wordsPerMinute: 213 };
/** Hugo's `.ReadingTime` for CJK text: `(count + 500) / 501`. */
export const cjkCharactersPerMinute = 501;

export function seoSettingsOf(site: Site): SeoSettings {
  const set = site.settings.seo ?? {};
  return {
    titleLength: set.titleLength ?? defaultSeoSettings.titleLength,
    descriptionLength: set.descriptionLength ?? defaultSeoSettings.descriptionLength,
    slugLength: set.slugLength ?? defaultSeoSettings.slugLength,
    wordsPerMinute: set.wordsPerMinute ?? defaultSeoSettings.wordsPerMinute,
  };
}

export function seoFacts(site: Site, post: ParsedPost): SeoFacts {
  const lengths = seoLengths(site, post);
  const body = post.text.slice(post.bodyStart);
  const tokens = parser.parse(readableBody(body, compilesAsMdx(site.config, post.path)), {});
  const { words, cjk } = countWords(proseOf(tokens));
  const headings = headingsOf(tokens, post.lines.positionAt(post.bodyStart).line);
  return {
    ...lengths,
    words,
    readingMinutes: Math.ceil(words / (cjk ? cjkCharactersPerMinute : seoSettingsOf(site).wordsPerMinute)),
    cjk,
    headings,
    outline: outlineNotes(headings, layoutPrintsTitle(site, lengths.title !== undefined)),
  };
}

/** The frontmatter's part of the facts, without reading the body: what the checks need. */
export function seoLengths(site: Site, post: ParsedPost): Pick<SeoFacts, 'title' | 'description' | 'slug'> {
  const settings = seoSettingsOf(site);
  const limit = (value: number) => (value < 0 ? undefined : value);
  return {
    title: lengthOf(textField(post, 'title'), limit(settings.titleLength)),
    description: lengthOf(textField(post, 'description'), limit(settings.descriptionLength)),
    slug: slugOf(site, post, limit(settings.slugLength)),
  };
}

/** `1234 words · 6 min read`, the line the status bar, hover and preview share (numbers plain, as in every language). */
export function wordsAndReadingTime(facts: Pick<SeoFacts, 'words' | 'readingMinutes' | 'cjk'>, translate: Translate = english): string {
  const words = facts.cjk
    ? facts.words === 1 ? msg('1 character') : msg('{0} characters', facts.words)
    : facts.words === 1 ? msg('1 word') : msg('{0} words', facts.words);
  const reading = facts.readingMinutes < 1 ? msg('< 1 min read') : msg('{0} min read', facts.readingMinutes);
  return formatMessage(msg('{0} · {1}', words, reading), translate);
}

/** `45/60` or `72/60 (over)`; a length without a limit is just the number. */
export function lengthAgainstLimit(fact: LengthFact, translate: Translate = english): string {
  if (fact.limit === undefined) return `${fact.length}`;
  return fact.length > fact.limit ? formatMessage(msg('{0}/{1} (over)', fact.length, fact.limit), translate) : `${fact.length}/${fact.limit}`;
}

export function isOverLimit(fact: LengthFact | undefined): boolean {
  return fact?.limit !== undefined && fact.length > fact.limit;
}

// ——— Text ————————————————————————————————————————————————————————————————————————————————————————————

// A parser for counting only: no plugins, the block structure decides what is code and what is prose.
const parser = new MarkdownIt({ html: true });

/**
 * The body without what the reader never sees as words: template calls (Hugo shortcodes, Liquid,
 * Nunjucks) and, in MDX, `import`/`export` lines. Code blocks and HTML go later, by token.
 */
function readableBody(body: string, mdx: boolean): string {
  const text = withoutTemplateCalls(body);
  return mdx ? text.replace(/^(?:import|export)\s[^\n]*$/gm, '') : text;
}

const templateClosers: Readonly<Record<string, string>> = { '{{<': '>}}', '{{%': '%}}', '{{': '}}', '{%': '%}', '{#': '#}' };

/**
 * `{{< … >}}`, `{{% … %}}`, `{{ … }}`, `{% … %}` and `{# … #}` replaced by a space, in one pass: an opener
 * never closed keeps its text, and once a closer is known to be absent it is not searched for again
 * (a lazy regular expression would rescan the rest of the post from every unclosed opener).
 */
function withoutTemplateCalls(text: string): string {
  const absent = new Set<string>();
  const parts: string[] = [];
  let kept = 0;
  for (let at = text.indexOf('{'); at !== -1; at = text.indexOf('{', at + 1)) {
    const opener = [text.slice(at, at + 3), text.slice(at, at + 2)].find((candidate) => candidate in templateClosers);
    if (!opener || at < kept) continue;
    const closer = templateClosers[opener]!;
    if (absent.has(closer)) continue;
    const end = text.indexOf(closer, at + opener.length);
    if (end === -1) {
      absent.add(closer);
      continue;
    }
    parts.push(text.slice(kept, at), ' ');
    kept = end + closer.length;
    at = kept - 1;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

/**
 * The words a reader reads: text and inline code of paragraphs, headings, lists, quotes and tables.
 * Code blocks, raw HTML and image alt text are left out (Hugo's `.WordCount` counts code blocks too, so
 * it is higher on posts with much code).
 */
function proseOf(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
      else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
    }
    parts.push(' ');
  }
  return parts.join('');
}

const cjkLetter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const cjkLetters = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * Words separated by white space, as Hugo's `countWords`; a piece of only punctuation is none. In text with
 * CJK letters each of them is a word (Hugo with `hasCJKLanguage` counts the characters of such words).
 */
export function countWords(text: string): { words: number; cjk: boolean } {
  let words = 0;
  let cjk = false;
  for (const piece of text.split(/\s+/)) {
    if (!piece) continue;
    if (cjkLetter.test(piece)) {
      cjk = true;
      words += piece.match(cjkLetters)!.length;
      // Latin words inside a CJK run (`Reactの使い方`) count once each.
      words += piece.replace(cjkLetters, ' ').split(/\s+/).filter(hasLetterOrDigit).length;
    } else if (hasLetterOrDigit(piece)) words++;
  }
  return { words, cjk };
}

function hasLetterOrDigit(piece: string): boolean {
  return /[\p{L}\p{N}]/u.test(piece);
}

function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// ——— Frontmatter ————————————————————————————————————————————————————————————————————————————————————

function textField(post: ParsedPost, key: string): { text: string; range: OffsetRange } | undefined {
  const field = post.frontmatter && findField(post.frontmatter.fields, key);
  const value = field?.value;
  if (value?.kind !== 'scalar' || (typeof value.value !== 'string' && typeof value.value !== 'number')) return undefined;
  const text = String(value.value).trim();
  return text ? { text, range: value.range } : undefined;
}

function lengthOf(field: { text: string; range: OffsetRange } | undefined, limit: number | undefined): LengthFact | undefined {
  return field && { length: characters(field.text), limit, range: field.range };
}

function slugOf(site: Site, post: ParsedPost, limit: number | undefined): SeoFacts['slug'] {
  const written = textField(post, 'slug');
  if (written) return { text: written.text, length: characters(written.text), limit, range: written.range };
  const name = basename(post.path).replace(/\.[^.]+$/, '');
  const folder = basename(post.path.slice(0, post.path.length - basename(post.path).length - 1));
  const stem = /^_?index$/i.test(name) ? folder : name;
  // Jekyll, Docusaurus and Eleventy take the date out of a `2024-01-15-title.md` file name.
  const text = site.config.generator === 'hugo' || site.config.generator === 'astro' ? stem : stem.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  return { text, length: characters(text), limit, range: undefined };
}

// ——— Outline ——————————————————————————————————————————————————————————————————————————————————————————

function headingsOf(tokens: readonly Token[], bodyLine: number): Heading[] {
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open' || !token.map) continue;
    const text = (tokens[i + 1]?.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('').trim();
    headings.push({ level: Number(token.tag.slice(1)), text, line: bodyLine + token.map[0] });
  }
  return headings;
}

/**
 * Hugo, Jekyll, Astro and Eleventy layouts print the frontmatter title as the page's H1. Docusaurus
 * prints it only when the Markdown has no H1 of its own, so one H1 there is fine.
 */
function layoutPrintsTitle(site: Site, hasTitle: boolean): boolean {
  return hasTitle && site.config.generator !== 'docusaurus';
}

function outlineNotes(headings: readonly Heading[], titlePrinted: boolean): OutlineNote[] {
  const notes: OutlineNote[] = [];
  let h1s = titlePrinted ? 1 : 0;
  let previous = titlePrinted ? 1 : 0;
  for (const heading of headings) {
    if (heading.level === 1) {
      h1s++;
      if (h1s > 1) notes.push({ line: heading.line, ...described(titlePrinted ? msg('An H1 in the body: the layout prints the title as the H1 already') : msg('A second H1: a page has one')) });
    } else if (previous > 0 && heading.level > previous + 1) {
      notes.push({ line: heading.line, ...described(msg('H{0} → H{1} skips a level', previous, heading.level)) });
    } else if (previous === 0 && heading.level > 2) {
      notes.push({ line: heading.line, ...described(msg('The outline starts at H{0}', heading.level)) });
    }
    previous = heading.level;
  }
  return notes;
}
