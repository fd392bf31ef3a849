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

export function githubSluggerAnchors(body: string, headings: readonly ScannedHeading[]): Anchor[] {
  const slugger = new GithubSlugger();
  const anchors: Anchor[] = [];
  for (const heading of headings) {
    if (heading.lines.length === 0) continue;
    const first = heading.lines[0]!;
    const last = heading.lines[heading.lines.length - 1]!;
    let end = last.end;
    const custom = customId.exec(body.slice(last.start, last.end));
    if (custom) end = last.start + custom.index;
    const raw = heading.lines.map((line) => body.slice(line.start, Math.min(line.end, end))).join('\n');
    const text = plainText(raw, { imageAlt: true }).replace(/\s*\n\s*/g, '\n').trim();
    const id = custom ? custom[1]!.trim() : slugger.slug(text);
    if (id) anchors.push({ id, text: text.replace(/\n/g, ' '), range: { start: first.start, end } });
  }
  return anchors;
}

/** github-slugger's slug of one string, without counting occurrences (Astro's entry ids). */
export function githubSlug(value: string): string {
  return slug(value);
}
