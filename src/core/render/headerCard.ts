import { attributes, escapeHtml } from './html';
import { placeholderHtml } from './imagePlaceholder';
import type { ImageSource } from './imageSources';
import type { PostAuthor, PostMetadata } from './postMetadata';
import { formatMessage, msg, type Message, type Translate } from '../l10n/message';
import { isOverLimit, lengthAgainstLimit, wordsAndReadingTime, type LengthFact, type SeoFacts } from '../site/seoFacts';

/**
 * The card above the post: cover, title, authors, date, tags and a draft badge. Built from escaped
 * values only (never raw post HTML), so it needs no sanitising; images arrive already resolved.
 * It stands for the frontmatter, which starts on line 0.
 */
export function headerCard(metadata: PostMetadata, translate: Translate, seo?: SeoFacts): string {
  const parts: string[] = [];
  if (metadata.cover) parts.push(image(metadata.cover, 'pc-cover', ''));
  if (metadata.draft) parts.push(`<span class="pc-draft-badge">${escapeHtml(formatMessage(msg('Draft'), translate))}</span>`);
  if (metadata.title !== undefined) parts.push(`<h1 class="pc-title">${escapeHtml(metadata.title)}</h1>`);
  const byline = [
    metadata.authors.length > 0 ? `<ul class="pc-authors">${metadata.authors.map((value) => author(value, translate)).join('')}</ul>` : '',
    metadata.date ? `<time class="pc-date"${attributes({ datetime: metadata.date.iso || undefined })}>${escapeHtml(metadata.date.display)}</time>` : '',
  ].join('');
  if (byline) parts.push(`<div class="pc-byline">${byline}</div>`);
  if (metadata.tags.length > 0) {
    const chips = metadata.tags.map((tag) => `<li${attributes({ 'class': 'pc-tag', 'data-kind': tag.taxonomy, 'title': tag.taxonomy })}>${escapeHtml(tag.name)}</li>`);
    parts.push(`<ul class="pc-tags">${chips.join('')}</ul>`);
  }
  if (seo) parts.push(seoFacts(seo, translate));
  return parts.length === 0 ? '' : `<header class="pc-card${metadata.draft ? ' pc-card-draft' : ''}" data-line="0">${parts.join('')}</header>\n`;
}

/** One quiet line of facts (an over-limit or missing value stands out), then the outline's notes. */
function seoFacts(seo: SeoFacts, translate: Translate): string {
  const t = (message: Message) => formatMessage(message, translate);
  // The class names stay English: the stylesheet and tests find the facts by them.
  const fact = (kind: string, name: Message, value: string, state: 'ok' | 'over' | 'missing', title?: string) =>
    `<li${attributes({ class: `pc-seo-fact pc-seo-${kind}${state === 'ok' ? '' : ` pc-seo-${state}`}`, title })}><span class="pc-seo-name">${escapeHtml(t(name))}</span> ${escapeHtml(value)}</li>`;
  const words = `<li class="pc-seo-fact pc-seo-words">${escapeHtml(wordsAndReadingTime(seo, translate))}</li>`;
  const length = (kind: string, name: Message, value: LengthFact | undefined, missing: string) =>
    value
      ? fact(kind, name, lengthAgainstLimit(value, translate), isOverLimit(value) ? 'over' : 'ok', value.limit === undefined ? undefined : t(value.length === 1 ? msg('1 character; search results show about {0}', value.limit) : msg('{0} characters; search results show about {1}', value.length, value.limit)))
      : fact(kind, name, missing, 'missing');
  const facts = [
    length('title', msg('Title'), seo.title, t(msg('missing'))),
    length('description', msg('Description'), seo.description, t(msg('missing'))),
    length('slug', msg('Slug'), seo.slug, ''),
    words,
  ];
  const notes = seo.outline.map((note) => `<li class="pc-seo-note">${escapeHtml(t(msg('Line {0}: {1}', note.line + 1, note.l10n)))}</li>`);
  return `<ul class="pc-seo">${facts.join('')}</ul>${notes.length > 0 ? `<ul class="pc-seo-notes">${notes.join('')}</ul>` : ''}`;
}

function author(value: PostAuthor, translate: Translate): string {
  const avatar = value.avatar?.kind === 'shown' ? image(value.avatar, 'pc-avatar', '') : `<span class="pc-avatar pc-avatar-initials" aria-hidden="true">${escapeHtml(initials(value.name))}</span>`;
  const title = value.known ? undefined : formatMessage(msg("Not in the site's authors"), translate);
  return `<li${attributes({ class: value.known ? 'pc-author' : 'pc-author pc-author-unknown', title })}>${avatar}<span class="pc-author-name">${escapeHtml(value.name)}</span></li>`;
}

function image(source: ImageSource, className: string, alt: string): string {
  return source.kind === 'shown' ? `<img${attributes({ class: className, src: source.url, alt })}>` : placeholderHtml(source, alt, className);
}

function initials(name: string): string {
  const words = name.split(/[\s_-]+/).filter(Boolean);
  return words.slice(0, 2).map((word) => [...word][0]!.toUpperCase()).join('') || '?';
}
