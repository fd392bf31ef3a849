import { withEmoji } from './emojiShortcodes';
import GithubSlugger, { slug } from 'github-slugger';
import type { Anchor } from '../model';
import type { ScannedHeading } from './headingScan';
import { definedReferences, plainText } from './inlineText';

// Docusaurus and Astro: github-slugger over the heading's text as mdast/hast gives it (code content, link
// and image text, no HTML tags), a repeated slug getting `-1`, `-2`, … Docusaurus's heading plugin
// (@docusaurus/mdx-loader remark/headings, with @docusaurus/utils parseMarkdownHeadingId) takes a
// trailing `{#custom-id}` as the ID, as written, without registering it with the slugger; it escapes
// `{#` on heading lines before MDX compiles, so it works in .mdx too.

// parseMarkdownHeadingId's pattern: `{#…}` at the very end, the id holding no `{#` and no `}`.
const customId = /\s*\{#((?:.(?!\{#|\}))*.)\}$/;
// Docusaurus ≥ 3.10 (remark/headings getCommentHeadingId): in MDX, an expression at the heading's end holding one
// comment whose first word starts with `#` (`{/* #my-id */}`, babeljs.io's `{ /*#stage-0:-class-properties*/ }`).
const commentId = /\s*\{\s*\/\*((?:(?!\*\/)[\s\S])*)\*\/\s*\}$/;

/** How a site's pipeline departs from Docusaurus's: Astro's rehypeHeadingIds (@astrojs/markdown-remark). */
export interface SluggerRule {
  /** `{#id}` at a heading's end is its ID (Docusaurus), or plain text (Astro). */
  readonly customIds: boolean;
  /** The text as remark-smartypants leaves it (on by default in Astro): `--` becomes a dash, which the slug drops. */
  readonly smartypants: boolean;
  /** One trailing `-` of the slug is cut (Astro up to 6). */
  readonly trimTrailingDash: boolean;
  /** Emoji shortcodes are emoji by then (remark-emoji), which the slug drops. */
  readonly emoji?: boolean;
  /**
   * A first-level heading keeps its ID (Astro). Docusaurus's theme renders an `h1` without one ("H1 headings do not
   * need an id", theme-classic Heading): webdriver.io's links to `#save-options` break on `# Save Options`, as its build reports.
   */
  readonly firstLevelIds: boolean;
}

/**
 * Astro's heading IDs as a site's pipeline makes them. Astro up to 6 cuts one trailing `-` of the slug
 * (rehypeHeadingIds, unless `experimental.headingIdCompat`); Astro 7 keeps it, and so does rehype-slug,
 * which sets the IDs first when a site adds it. `either` where the config leaves it open (an unknown Astro
 * version, smart dashes off for Markdown but not MDX): both IDs are then the heading's.
 */
export interface AstroHeadingIds {
  readonly generator: 'astro';
  readonly trailingDash: 'cut' | 'kept' | 'either';
  readonly smartDashes: boolean | 'either';
  /** remark-emoji among the site's remark plugins: `:memo:` is an emoji before the heading is slugged. */
  readonly emoji?: true;
}

const docusaurusRule: SluggerRule = { customIds: true, smartypants: false, trimTrailingDash: false, firstLevelIds: false };
export const astroRule: SluggerRule = { customIds: false, smartypants: true, trimTrailingDash: true, firstLevelIds: true };

/** Every slugger rule an Astro site's headings may follow, the likeliest first. */
export function astroRules(ids: AstroHeadingIds): SluggerRule[] {
  const trims = ids.trailingDash === 'either' ? [true, false] : [ids.trailingDash === 'cut'];
  const smart = ids.smartDashes === 'either' ? [true, false] : [ids.smartDashes];
  return trims.flatMap((trimTrailingDash) => smart.map((smartypants) => ({ customIds: false, smartypants, trimTrailingDash, firstLevelIds: true, ...(ids.emoji ? { emoji: true } : {}) })));
}

/**
 * Headings by the first rule, and for each other rule the IDs it gives that the first does not, as
 * anchors without text (a link to either is fine; completion offers the first).
 */
export function githubSluggerAnchorsByRules(body: string, headings: readonly ScannedHeading[], rules: readonly SluggerRule[]): Anchor[] {
  const [first, ...others] = rules;
  const anchors = githubSluggerAnchors(body, headings, first);
  const known = new Set(anchors.map((anchor) => anchor.id));
  for (const rule of others) {
    for (const { id, range } of githubSluggerAnchors(body, headings, rule)) {
      if (known.has(id)) continue;
      known.add(id);
      anchors.push({ id, range });
    }
  }
  return anchors;
}

/** `mdx1`: remark-parse 8 reads the headings (Docusaurus 2), where `[text][label]` is a link whatever the labels defined. */
export function githubSluggerAnchors(body: string, headings: readonly ScannedHeading[], rule: SluggerRule = docusaurusRule, mdx = false, mdx1 = false): Anchor[] {
  const slugger = new GithubSlugger();
  const references = mdx1 || !body.includes('][') ? undefined : definedReferences(body);
  const anchors: Anchor[] = [];
  for (const heading of headings) {
    if (heading.lines.length === 0) continue;
    const first = heading.lines[0]!;
    const last = heading.lines[heading.lines.length - 1]!;
    let end = last.end;
    const lastLine = body.slice(last.start, last.end);
    const comment = rule.customIds && mdx ? commentId.exec(lastLine) : null;
    const commented = comment ? /^#(\S+)/.exec(comment[1]!.trim().split(' ')[0]!)?.[1] : undefined;
    const custom = commented === undefined && rule.customIds ? customId.exec(lastLine) : null;
    if (commented !== undefined) end = last.start + comment!.index;
    else if (custom) end = last.start + custom.index;
    const raw = heading.lines.map((line) => body.slice(line.start, Math.min(line.end, end))).join('\n');
    const text = plainText(raw, { imageAlt: true, ...(references && { references }) }).replace(/\s*\n\s*/g, '\n').trim();
    // The slugger counts an h1's slug even where the theme then drops its ID.
    const id = commented ?? (custom ? custom[1]!.trim() : sluggedBy(rule, slugger, text));
    if (heading.level === 1 && !rule.firstLevelIds) continue;
    if (id) anchors.push({ id, text: text.replace(/\n/g, ' '), range: { start: first.start, end } });
  }
  return anchors;
}

function sluggedBy(rule: SluggerRule, slugger: GithubSlugger, text: string): string {
  const shown = rule.emoji ? withEmoji(text) : text;
  const slug = slugger.slug(rule.smartypants ? shown.replace(/--/g, '\u2014') : shown);
  return rule.trimTrailingDash && slug.endsWith('-') ? slug.slice(0, -1) : slug;
}

/** github-slugger's slug of one string, without counting occurrences (Astro's entry ids). */
export function githubSlug(value: string): string {
  return slug(value);
}
