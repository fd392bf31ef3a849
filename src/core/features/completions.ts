import { findField, scalarItems } from '../frontmatter/model';
import type { ParsedPost } from '../post/parsedPost';
import { isImageKey } from '../post/frontmatterImages';
import { dateKeys } from '../schema/frontmatterSchema';
import { isImagePath } from '../site/fileSet';
import type { Site } from '../site/site';
import type { Range } from '../text/lineIndex';
import { escapeMarkdown, markdownCode } from '../text/markdown';
import { isInside, relativePath } from '../text/paths';
import { frontmatterCursorAt, type FrontmatterCursor } from './frontmatterCursor';
import { linkCompletionsAt } from './linkCompletions';
import { themeServedPath } from '../post/mediaSubpath';
import { english, formatMessage, msg, type Translate } from '../l10n/message';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'tag' | 'author' | 'key' | 'value' | 'image' | 'folder' | 'page' | 'heading';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** What the editor matches the typed text against; the label when undefined. */
  readonly filterText?: string;
  readonly isSnippet?: boolean;
  readonly range: Range;
  /** Keeps the core's ranking (usage, images first) when the editor sorts. */
  readonly sortText: string;
}

const commonKeys = ['title', 'date', 'draft', 'description', 'summary', 'slug', 'lastmod', 'images', 'image', 'cover', 'weight', 'aliases'];

/** Completions at `offset`: frontmatter keys and values, image paths, and link destinations in the body. */
export function completionsAt(site: Site, post: ParsedPost, offset: number, translate: Translate = english): CompletionEntry[] {
  const cursor = frontmatterCursorAt(post, offset);
  if (cursor?.kind === 'key') return keyCompletions(site, post, cursor, translate);
  if (cursor?.kind === 'value') return valueCompletions(site, post, cursor, translate);
  if (offset >= post.bodyStart) return linkCompletionsAt(site, post, offset) ?? bodyImageCompletions(site, post, offset, translate);
  return [];
}

function keyCompletions(site: Site, post: ParsedPost, cursor: Extract<FrontmatterCursor, { kind: 'key' }>, translate: Translate): CompletionEntry[] {
  const present = new Set((post.frontmatter?.fields ?? []).map((field) => field.key.toLowerCase()));
  const yaml = post.frontmatter?.format === 'yaml';
  const range = post.lines.rangeOf(cursor.replaceStart, cursor.replaceEnd);
  const keys = [...new Set([...commonKeys, ...site.config.tagKeys, ...site.config.authorKeys.filter((key) => key !== 'author' || site.authors.size > 0), ...site.settings.requiredFields])];
  return keys
    .filter((key) => !present.has(key.toLowerCase()))
    .map((key, index) => ({
      label: key,
      kind: 'key' as const,
      detail: site.settings.requiredFields.includes(key) ? formatMessage(msg('required by postcraft.config.json'), translate) : formatMessage(msg('{0} frontmatter', site.profile.displayName), translate),
      insertText: yaml ? `${key}: ${valueSnippet(key, site, 'yaml')}` : `${key} = ${valueSnippet(key, site, 'toml')}`,
      isSnippet: true,
      range,
      sortText: `${site.settings.requiredFields.includes(key) ? 0 : 1}${String(index).padStart(3, '0')}`,
    }));
}

function valueSnippet(key: string, site: Site, format: 'yaml' | 'toml'): string {
  if (site.config.tagKeys.includes(key) || site.config.authorKeys.includes(key) || key === 'images' || key === 'aliases') return '[$1]';
  if (key === 'draft') return '${1|true,false|}';
  if (dateKeys.includes(key)) return format === 'toml' ? nowDate() : `"${nowDate()}"`;
  if (key === 'weight') return '${1:0}';
  return '"$1"';
}

function valueCompletions(site: Site, post: ParsedPost, cursor: Extract<FrontmatterCursor, { kind: 'value' }>, translate: Translate): CompletionEntry[] {
  const range = post.lines.rangeOf(cursor.replaceStart, cursor.replaceEnd);
  const format = post.frontmatter?.format ?? 'yaml';
  const quote = (value: string) => quoteFor(value, format, cursor.openQuote);
  const key = cursor.key;
  const lowerKey = key.toLowerCase();
  const present = new Set(scalarItems(findField(post.frontmatter?.fields ?? [], key)?.value).map((node) => String(node.value)));
  present.delete(cursor.prefix);

  if (site.config.tagKeys.some((tagKey) => tagKey.toLowerCase() === lowerKey)) {
    // Counted without this post: the tag being typed (`ku`) is in the index as this post's own, and is no tag of the site's.
    const elsewhere = (usage: { count: number; posts: ReadonlySet<string> }) => usage.count - (usage.posts.has(post.path) ? 1 : 0);
    return site.tags
      .all()
      .filter((usage) => !present.has(usage.tag) && elsewhere(usage) > 0)
      .map((usage, index) => ({
        label: usage.tag,
        kind: 'tag' as const,
        detail: formatMessage(elsewhere(usage) === 1 ? msg('1 post') : msg('{0} posts', elsewhere(usage)), translate),
        insertText: quote(usage.tag),
        range,
        sortText: String(index).padStart(6, '0'),
      }));
  }
  if (site.config.authorKeys.some((authorKey) => authorKey.toLowerCase() === lowerKey)) {
    return [...site.authors.values()]
      .filter((author) => !present.has(author.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((author, index) => ({
        label: author.id,
        kind: 'author' as const,
        detail: author.name ?? author.id,
        documentation: [author.name && `**${escapeMarkdown(author.name)}**`, author.bio && escapeMarkdown(author.bio), formatMessage(msg('Defined in {0}', markdownCode(relativePath(site.root, author.definedAt.file))), translate)].filter(Boolean).join('\n\n'),
        insertText: quote(author.id),
        range,
        sortText: String(index).padStart(6, '0'),
      }));
  }
  if (isImageKey(key, site.config.imageFields)) return imagePathCompletions(site, post, cursor.prefix, cursor.replaceStart + cursor.prefix.length, cursor.replaceEnd, quote, translate);
  if (lowerKey === 'draft') return ['true', 'false'].map((value, index) => ({ label: value, kind: 'value' as const, insertText: value, range, sortText: String(index) }));
  if (dateKeys.some((dateKey) => dateKey.toLowerCase() === lowerKey)) {
    const now = nowDate();
    const today = now.slice(0, 10);
    return [now, today].map((value, index) => ({ label: value, kind: 'value' as const, detail: formatMessage(index === 0 ? msg('now') : msg('today'), translate), insertText: quote(value), range, sortText: String(index) }));
  }
  return [];
}

/** `![alt](path`, `<img src="path` and `src="path` in shortcodes, up to the cursor. */
function bodyImageCompletions(site: Site, post: ParsedPost, offset: number, translate: Translate): CompletionEntry[] {
  const lineStart = post.lines.lineStart(post.lines.positionAt(offset).line);
  // The path being typed is near the cursor; looking further back on a huge line is quadratic work.
  const before = post.text.slice(Math.max(lineStart, offset - 2000), offset);
  const match = /!\[[^\]]*\]\(<?([^)\s>]*)$/.exec(before) ?? /\bsrc\s*=\s*["']([^"']*)$/.exec(before);
  if (!match) return [];
  const after = /^[^\s)"'>]*/.exec(post.text.slice(offset, offset + 200))?.[0] ?? '';
  return imagePathCompletions(site, post, match[1]!, offset, offset + after.length, (value) => value, translate);
}

/**
 * Files and folders where the site resolves images, for a path typed so far. Folders come from
 * the generator's own candidate rule, so completion offers exactly what the check accepts.
 */
function imagePathCompletions(site: Site, post: ParsedPost, typed: string, cursorOffset: number, replaceEnd: number, quote: (value: string) => string, translate: Translate): CompletionEntry[] {
  const slash = typed.lastIndexOf('/');
  const folderPart = typed.slice(0, slash + 1);
  const probe = '\u0000';
  // A theme that serves the post's images below a path of its frontmatter (Chirpy's media_subpath) looks there.
  const served = themeServedPath(post, site.config.mediaSubpath)?.(`${folderPart}${probe}`);
  if (served === 'elsewhere') return [];
  const folders = [...new Set(site.profile.imageCandidates(site.config, post.path, served?.path ?? `${folderPart}${probe}`).map((candidate) => candidate.slice(0, candidate.indexOf(probe)).replace(/\/$/, '')))].filter((folder) => isInside(site.root, folder));
  const entries = new Map<string, 'image' | 'folder'>();
  for (const file of site.files.all()) {
    for (const folder of folders) {
      if (!file.startsWith(`${folder}/`)) continue;
      const rest = file.slice(folder.length + 1);
      const slashAt = rest.indexOf('/');
      if (slashAt === -1) {
        if (isImagePath(rest)) entries.set(rest, 'image');
      } else if (!entries.has(rest.slice(0, slashAt)) && subtreeHasImage(site, `${folder}/${rest.slice(0, slashAt)}`)) entries.set(rest.slice(0, slashAt), 'folder');
    }
  }
  // Replace only the file name being typed; the folders before it stay as written.
  const range = post.lines.rangeOf(cursorOffset - (typed.length - folderPart.length), replaceEnd);
  return [...entries]
    .sort(([a, kindA], [b, kindB]) => (kindA === kindB ? a.localeCompare(b) : kindA === 'image' ? -1 : 1))
    .map(([name, kind], index) => ({
      label: kind === 'folder' ? `${name}/` : name,
      kind,
      detail: formatMessage(kind === 'image' ? msg('image') : msg('folder'), translate),
      insertText: kind === 'folder' ? `${name}/` : quote(name),
      range,
      sortText: `${kind === 'image' ? 0 : 1}${String(index).padStart(5, '0')}`,
    }));
}

const imageFolderCache = new WeakMap<Site, { size: number; folders: Set<string> }>();

function subtreeHasImage(site: Site, folder: string): boolean {
  let cache = imageFolderCache.get(site);
  if (!cache || cache.size !== site.files.size) {
    const folders = new Set<string>();
    for (const image of site.files.imageFiles()) for (let at = image.lastIndexOf('/'); at > 0; at = image.lastIndexOf('/', at - 1)) folders.add(image.slice(0, at));
    imageFolderCache.set(site, (cache = { size: site.files.size, folders }));
  }
  return cache.folders.has(folder);
}

/** A value as the frontmatter syntax needs it; inside a quote the writer opened, just the text. */
function quoteFor(value: string, format: 'yaml' | 'toml' | 'json', openQuote: '"' | "'" | undefined): string {
  if (openQuote === "'") return value.replace(/'/g, "''");
  if (openQuote === '"') return JSON.stringify(value).slice(1, -1);
  if (format === 'yaml' && /^[A-Za-z0-9_][\w .\/+-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value) && !/^[\d.]+$/.test(value)) return value;
  return JSON.stringify(value);
}

/** Now, as RFC 3339 with the local offset, the form Hugo's archetypes write. */
function nowDate(now = new Date()): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${zone}`;
}
