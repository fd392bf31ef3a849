import GithubSlugger, { slug } from 'github-slugger';
import type { Anchor } from '../model';
import type { ScannedHeading } from './headingScan';
import { plainText } from './inlineText';

// Docusaurus and Astro: github-slugger over the heading's text as mdast/hast gives it (code content, link
// and image text, no HTML tags), a repeated slug getting `-1`, `-2`, … Docusaurus's heading plugin
// (@docusaurus/mdx-loader remark/headings, with @docusaurus/utils parseMarkdownHeadingId) takes a
// trailing `{#custom-id}` as the ID, as written, without registering it with the slugger; it escapes
// `{#` on heading lines before MDX compiles, so it works in .mdx too.

// parseMarkdownHeadingId's pattern: `{#…}` at the very end, the id holding no `{#` and no `}`.
const customId = /\s*\{#((?:.(?!\{#|\}))*.)\}$/;

/** How a site's pipeline departs from Docusaurus's: Astro's rehypeHeadingIds (@astrojs/markdown-remark). */
export interface SluggerRule {
  /** `{#id}` at a heading's end is its ID (Docusaurus), or plain text (Astro). */
  readonly customIds: boolean;
  /** The text as remark-smartypants leaves it (on by default in Astro): `--` becomes a dash, which the slug drops. */
  readonly smartypants: boolean;
  /** One trailing `-` of the slug is cut (Astro). */
  readonly trimTrailingDash: boolean;
}

const docusaurusRule: SluggerRule = { customIds: true, smartypants: false, trimTrailingDash: false };
export const astroRule: SluggerRule = { customIds: false, smartypants: true, trimTrailingDash: true };

export function githubSluggerAnchors(body: string, headings: readonly ScannedHeading[], rule: SluggerRule = docusaurusRule): Anchor[] {
  const slugger = new GithubSlugger();
  const anchors: Anchor[] = [];
  for (const heading of headings) {
    if (heading.lines.length === 0) continue;
    const first = heading.lines[0]!;
    const last = heading.lines[heading.lines.length - 1]!;
    let end = last.end;
    const custom = rule.customIds ? customId.exec(body.slice(last.start, last.end)) : null;
    if (custom) end = last.start + custom.index;
    const raw = heading.lines.map((line) => body.slice(line.start, Math.min(line.end, end))).join('\n');
    const text = plainText(raw, { imageAlt: true }).replace(/\s*\n\s*/g, '\n').trim();
    const id = custom ? custom[1]!.trim() : sluggedBy(rule, slugger, text);
    if (id) anchors.push({ id, text: text.replace(/\n/g, ' '), range: { start: first.start, end } });
  }
  return anchors;
}

function sluggedBy(rule: SluggerRule, slugger: GithubSlugger, text: string): string {
  const slug = slugger.slug(rule.smartypants ? text.replace(/--/g, '\u2014') : text);
  return rule.trimTrailingDash && slug.endsWith('-') ? slug.slice(0, -1) : slug;
}

/** github-slugger's slug of one string, without counting occurrences (Astro's entry ids). */
export function githubSlug(value: string): string {
  return slug(value);
}
