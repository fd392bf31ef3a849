import { findLinks } from '../links/findLinks';
import { linkTextFor } from '../site/linkText';
import type { Anchor, LinkForm, LinkReference } from '../links/model';
import { resolveLink } from '../site/resolveLink';
import type { ParsedPost } from '../post/parsedPost';
import { isPostPath } from '../site/fileSet';
import type { Site } from '../site/site';
import { basename, relativePath } from '../text/paths';
import type { CompletionEntry } from './completions';

/** Where the cursor stands in a link destination: its form, and the destination typed so far. */
interface LinkCursor {
  readonly form: LinkForm;
  /** The destination from its start to the cursor. */
  readonly typed: string;
  /** Offset where the destination starts. */
  readonly start: number;
  /** Offset where the destination being typed ends (the cursor, or further when the cursor is inside it). */
  readonly end: number;
}

// Each pattern ends at the cursor and captures the destination typed so far. A look at the current line is
// enough: destinations do not span lines, and completion must not parse the post on every keystroke.
const destinationPatterns: readonly { readonly form: LinkForm; readonly pattern: RegExp; readonly stop: RegExp }[] = [
  // `[text](dest` but not an image `![alt](dest` (image completion serves those).
  { form: 'markdown', pattern: /(?:^|[^!\\])\[[^\]]*\]\(\s*<?([^()\s<>]*)$/, stop: /[\s)>]/ },
  // A reference definition `[label]: dest`.
  { form: 'markdown', pattern: /^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s<>]*)$/, stop: /[\s>]/ },
  { form: 'html', pattern: /<a\s[^>]*\bhref\s*=\s*["']([^"'\s]*)$/i, stop: /["'\s>]/ },
  { form: 'hugo-ref', pattern: /\{\{[<%]-?\s*ref\s+(?:"|`)([^"`]*)$/, stop: /["`]/ },
  { form: 'hugo-relref', pattern: /\{\{[<%]-?\s*relref\s+(?:"|`)([^"`]*)$/, stop: /["`]/ },
  { form: 'jekyll-post_url', pattern: /\{%-?\s*post_url\s+([^\s%}]*)$/, stop: /[\s%}]/ },
  { form: 'jekyll-link', pattern: /\{%-?\s*link\s+([^\s%}]*)$/, stop: /[\s%}]/ },
];

/** The link destination the cursor is in, or undefined (not in one, or inside a fenced code block). */
function linkCursorAt(post: ParsedPost, offset: number): LinkCursor | undefined {
  if (offset < post.bodyStart) return undefined;
  const lineStart = post.lines.lineStart(post.lines.positionAt(offset).line);
  // The destination being typed is near the cursor; looking further back on a huge line is quadratic work.
  const before = post.text.slice(Math.max(lineStart, offset - 2000), offset);
  for (const { form, pattern, stop } of destinationPatterns) {
    const match = pattern.exec(before);
    if (!match) continue;
    if (inFencedCode(post, lineStart)) return undefined;
    const typed = match[1]!;
    // The rest of the destination after the cursor is replaced too (completing in the middle of a path).
    const after = lineRest(post.text.slice(0, offset + 500), offset);
    const stopAt = after.search(stop);
    return { form, typed, start: offset - typed.length, end: offset + (stopAt === -1 ? after.length : stopAt) };
  }
  return undefined;
}

/** Whether the line starting at `lineStart` is inside a fenced code block: the fences above it, counted. */
function inFencedCode(post: ParsedPost, lineStart: number): boolean {
  const fence = /^ {0,3}(`{3,}|~{3,})/gm;
  fence.lastIndex = post.bodyStart;
  let open: string | undefined;
  for (let match = fence.exec(post.text); match && match.index < lineStart; match = fence.exec(post.text)) {
    const marker = match[1]!;
    if (open === undefined) {
      // A backtick fence's info string holds no backtick; such a line is not a fence.
      if (marker[0] === '`' && post.text.slice(match.index + match[0].length, post.text.indexOf('\n', match.index) >>> 0).includes('`')) continue;
      open = marker;
    } else if (marker[0] === open[0] && marker.length >= open.length && /^[ \t]*$/.test(lineRest(post.text, match.index + match[0].length))) open = undefined;
  }
  return open !== undefined;
}

function lineRest(text: string, from: number): string {
  const end = text.indexOf('\n', from);
  return text.slice(from, end === -1 ? text.length : end).replace(/\r$/, '');
}

/**
 * Completions inside a link destination: pages by title, written in the form the link (or the post) uses;
 * after `#`, the headings of the page the path names (of this page for `#` alone). Undefined when the
 * cursor is in no link destination, so other completions can run.
 */
export function linkCompletionsAt(site: Site, post: ParsedPost, offset: number): CompletionEntry[] | undefined {
  const cursor = linkCursorAt(post, offset);
  if (!cursor) return undefined;
  const hash = cursor.typed.indexOf('#');
  if (hash !== -1) return headingCompletions(site, post, cursor, hash);
  return pageCompletions(site, post, cursor);
}

function pageCompletions(site: Site, post: ParsedPost, cursor: LinkCursor): CompletionEntry[] {
  const like = { form: cursor.form, path: representativePath(site, post, cursor) };
  const range = post.lines.rangeOf(cursor.start, cursor.end);
  const entries: { entry: Omit<CompletionEntry, 'sortText'>; date: string; draft: boolean }[] = [];
  for (const [path, page] of site.posts) {
    if (path === post.path) continue;
    let text = linkTextFor(site, post.path, like, path);
    if (text === undefined) continue;
    if (cursor.typed.startsWith('./') && !text.startsWith('.')) text = `./${text}`; // kept as the writer began it
    const url = page.route?.url;
    const date = page.route?.date?.slice(0, 10) ?? '';
    const title = page.title ?? relativePath(site.root, path);
    const detail = [page.draft ? 'draft' : '', date, url ?? relativePath(site.root, path)].filter(Boolean).join(' · ');
    const written = encodeDestination(text, cursor.form);
    entries.push({
      entry: { label: title, kind: 'page', detail, insertText: written, filterText: `${written} ${title} ${slugOf(path)}`, range },
      date,
      draft: page.draft,
    });
  }
  // Newest first, drafts last: the post being linked is most often a recent one.
  entries.sort((a, b) => Number(a.draft) - Number(b.draft) || b.date.localeCompare(a.date) || a.entry.label.localeCompare(b.entry.label));
  return entries.map(({ entry }, index) => ({ ...entry, sortText: String(index).padStart(6, '0') }));
}

/**
 * The path the new link is written like: what the writer typed if it shows a form (`/…` a URL, `./`, `../`
 * or `….md` a file), else the form most of the post's links already use, else the generator's usual one.
 */
function representativePath(site: Site, post: ParsedPost, cursor: LinkCursor): string {
  if (cursor.form !== 'markdown' && cursor.form !== 'html') return cursor.typed;
  if (cursor.typed.startsWith('/')) return cursor.typed;
  if (cursor.typed.startsWith('.') || isPostPath(cursor.typed)) return 'file.md';
  let files = 0;
  let urls = 0;
  for (const link of findLinks(post, site.config)) {
    if (link.form !== 'markdown' && link.form !== 'html') continue;
    if (link.path.startsWith('/')) urls++;
    else if (isPostPath(link.path)) files++;
  }
  if (files !== urls) return files > urls ? 'file.md' : '/';
  return site.profile.links.newLinkStyle;
}

function headingCompletions(site: Site, post: ParsedPost, cursor: LinkCursor, hash: number): CompletionEntry[] {
  const path = cursor.typed.slice(0, hash);
  const anchors = path === '' ? site.posts.get(post.path)?.anchors : anchorsOfTarget(site, post, cursor.form, path);
  if (!anchors) return [];
  const range = post.lines.rangeOf(cursor.start + hash + 1, cursor.end);
  return anchors.map((anchor: Anchor, index) => ({
    label: anchor.text ?? anchor.id,
    kind: 'heading' as const,
    detail: `#${anchor.id}`,
    insertText: anchor.id,
    filterText: anchor.id,
    range,
    sortText: String(index).padStart(6, '0'),
  }));
}

function anchorsOfTarget(site: Site, post: ParsedPost, form: LinkForm, written: string): readonly Anchor[] | undefined {
  let path = written;
  try {
    path = decodeURI(written);
  } catch {
    // A stray `%` is taken as written: the resolver then finds no page, and nothing is offered.
  }
  const query = path.indexOf('?');
  if (query !== -1) path = path.slice(0, query);
  const link: LinkReference = { form, raw: written, range: { start: 0, end: written.length }, path };
  const target = resolveLink(site, post.path, link);
  return target.kind === 'page' ? site.posts.get(target.path)?.anchors : undefined;
}

/** Characters that would end or break the destination are percent-encoded (a space ends a Markdown link). */
function encodeDestination(text: string, form: LinkForm): string {
  if (form === 'markdown' || form === 'html') return text.replace(/[ ()<>"]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return text;
}

/** The name a page is known by in its folder: a bundle's folder, else its file name without extension. */
function slugOf(path: string): string {
  const name = basename(path).replace(/\.[^.]+$/, '');
  return name === 'index' || name === '_index' ? basename(path.slice(0, path.lastIndexOf('/'))) : name;
}
