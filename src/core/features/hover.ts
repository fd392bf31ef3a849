import type { OffsetRange } from '../frontmatter/model';
import { findField } from '../frontmatter/model';
import { valuesOf } from '../frontmatter/values';
import { isOverLimit, seoFacts, wordsAndReadingTime, type LengthFact } from '../site/seoFacts';
import { findImageReferences, toReference } from '../post/imageReferences';
import type { ParsedPost } from '../post/parsedPost';
import { resolveImage } from '../site/imageResolution';
import { resolvePageImage } from '../site/pageImages';
import { formatBytes } from '../site/imageWeights';
import type { Site } from '../site/site';
import { tagValues } from '../site/tagValues';
import type { Range } from '../text/lineIndex';
import { escapeMarkdown, markdownCode } from '../text/markdown';
import { joinPath, relativePath } from '../text/paths';
import { linkDestinationAt, linkHoverMarkdown } from './linkNavigation';
import { english, formatMessage, msg, type Message, type Translate } from '../l10n/message';

export interface HoverInfo {
  /** Markdown; `file:` links point at files inside the site only. */
  readonly markdown: string;
  readonly range: Range;
  /** Images the markdown shows (the editor must allow them as local resources). */
  readonly images: readonly string[];
}

/** What to show when hovering a tag, an author, an image path or a link to a page. */
export function hoverAt(site: Site, post: ParsedPost, offset: number, translate: Translate = english): HoverInfo | undefined {
  const t = (message: Message) => formatMessage(message, translate);
  const within = (range: OffsetRange) => offset >= range.start && offset <= range.end;
  const seo = seoHover(site, post, offset, translate);
  if (seo) return seo;
  for (const node of tagValues(post, site.config)) {
    if (!within(node.range)) continue;
    const tag = String(node.value);
    const usage = site.tags.get(tag);
    const titles = [...(usage?.posts ?? [])].slice(0, 5).map((path) => `- ${escapeMarkdown(site.posts.get(path)?.title ?? relativePath(site.root, path))}`);
    const count = usage?.count ?? 0;
    const more = count > titles.length ? `\n- ${t(msg('…and {0} more', count - titles.length))}` : '';
    const used = count === 1 ? t(msg('**Tag {0}**: used in 1 post', markdownCode(tag))) : t(msg('**Tag {0}**: used in {1} posts', markdownCode(tag), count));
    return { markdown: `${used}\n\n${titles.join('\n')}${more}`, range: post.lines.rangeOf(node.range.start, node.range.end), images: [] };
  }
  for (const { node } of valuesOf(post, site.config.authorKeys)) {
    if (!within(node.range) || typeof node.value !== 'string') continue;
    const author = site.findAuthor(node.value);
    const range = post.lines.rangeOf(node.range.start, node.range.end);
    if (!author) return { markdown: t(msg("**Author {0}** is not in the site's authors.", markdownCode(node.value))), range, images: [] };
    const avatar = author.avatar ? resolveAvatar(site, author.avatar, author.definedAt.file) : undefined;
    const name = escapeMarkdown(author.name ?? author.id);
    const lines = [avatar ? `![${name}](${fileUri(avatar)}|width=64)` : '', `**${name}** (${markdownCode(author.id)})`, escapeMarkdown(author.bio ?? ''), t(msg('Defined in {0}', `[${escapeMarkdown(relativePath(site.root, author.definedAt.file))}](${fileUri(author.definedAt.file)})`))];
    return { markdown: lines.filter(Boolean).join('\n\n'), range, images: avatar ? [avatar] : [] };
  }
  for (const reference of findImageReferences(post, site.config)) {
    if (!within(reference.range)) continue;
    const resolution = resolvePageImage(site, post, reference);
    const range = post.lines.rangeOf(reference.range.start, reference.range.end);
    if (resolution.status !== 'found') return undefined; // the diagnostic says what is wrong
    // A heavy image's weight and pixel size (known only for those over the site's limit, see imageWeights.ts).
    const heavy = site.heavyImages.get(resolution.file);
    const weight = heavy ? ` · ${formatBytes(heavy.bytes)}${heavy.width && heavy.height ? `, ${heavy.width} × ${heavy.height}` : ''}` : '';
    return { markdown: `![${escapeMarkdown(reference.raw)}](${fileUri(resolution.file)}|height=160)\n\n${markdownCode(relativePath(site.root, resolution.file))}${weight}`, range, images: [resolution.file] };
  }
  if (offset < post.bodyStart) return undefined;
  const destination = linkDestinationAt(site, post, offset);
  if (!destination) return undefined; // a link that reaches nothing has its diagnostic
  return { markdown: linkHoverMarkdown(site, destination, translate), range: post.lines.rangeOf(destination.link.range.start, destination.link.range.end), images: [] };
}

/** On `title` or `description` (key or value): its length against the limit, with the post's other facts. */
function seoHover(site: Site, post: ParsedPost, offset: number, translate: Translate): HoverInfo | undefined {
  const fields = post.frontmatter?.fields ?? [];
  const field = [findField(fields, 'title'), findField(fields, 'description')].find((candidate) => candidate && offset >= candidate.range.start && offset <= candidate.range.end);
  if (!field) return undefined;
  const t = (message: Message) => formatMessage(message, translate);
  const facts = seoFacts(site, post);
  const line = (name: Message, fact: LengthFact | undefined) => {
    if (!fact) return `- ${t(msg('{0}: missing', name))}`;
    const one = fact.length === 1;
    if (fact.limit === undefined) return `- ${t(one ? msg('{0}: 1 character', name) : msg('{0}: {1} characters', name, fact.length))}`;
    if (isOverLimit(fact)) return `- ${t(msg('{0}: {1} characters (over {2}: search results cut it)', name, fact.length, fact.limit))}`;
    return `- ${t(one ? msg('{0}: 1 character (search results show about {1})', name, fact.limit) : msg('{0}: {1} characters (search results show about {2})', name, fact.length, fact.limit))}`;
  };
  const lines = ['**SEO**', '', line(msg('Title'), facts.title), line(msg('Description'), facts.description), `${line(msg('Slug'), facts.slug)} ${markdownCode(facts.slug.text)}`, `- ${wordsAndReadingTime(facts, translate)}`];
  const notes = facts.outline.map((note) => `- ${escapeMarkdown(t(msg('Line {0}: {1}', note.line + 1, note.l10n)))}`);
  if (notes.length > 0) lines.push('', `**${t(msg('Outline'))}**`, '', ...notes);
  return { markdown: lines.join('\n'), range: post.lines.rangeOf(field.range.start, field.range.end), images: [] };
}

/** Avatars are usually site-root paths (`/images/a.png`) or relative to the author's page. */
function resolveAvatar(site: Site, avatar: string, definedIn: string): string | undefined {
  const reference = toReference(avatar, 0, 'frontmatter');
  if (!reference) return undefined;
  const resolution = resolveImage(site.profile, site.config, site.files, definedIn, reference);
  if (resolution.status === 'found') return resolution.file;
  const rootRelative = site.config.publicDirs.map((dir) => joinPath(dir, reference.path)).find((path) => site.files.has(path));
  return rootRelative;
}

export function fileUri(path: string): string {
  // `(` and `)` too: a file named `a).png` must not end the Markdown link early.
  return `file://${encodeURI(path).replace(/[?#()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
