import type { OffsetRange } from '../frontmatter/model';
import { innerRange, valuesOf } from '../frontmatter/values';
import type { SiteConfig } from '../site/model';
import { compilesAsMdx } from '../site/mdx';
import type { ParsedPost } from './parsedPost';

export type ImageOrigin = 'markdown' | 'html' | 'shortcode' | 'import' | 'frontmatter';

/** An image path as written in a post, and the path a generator would look up. */
export interface ImageReference {
  /** The text in the source (without angle brackets). */
  readonly raw: string;
  /** Decoded, without query or fragment: the file path to resolve. */
  readonly path: string;
  readonly range: OffsetRange;
  readonly origin: ImageOrigin;
}

/**
 * Every image a post refers to: frontmatter image fields (values that name an image file; other
 * values of those keys are left alone) and the body.
 */
export function findImageReferences(post: ParsedPost, config: Pick<SiteConfig, 'imageFields' | 'markdownIsMdx'>): ImageReference[] {
  const fromFields = valuesOf(post, config.imageFields).flatMap(({ node }) => {
    if (typeof node.value !== 'string' || !imageExtension.test(node.value.replace(/[?#].*$/, ''))) return [];
    const range = innerRange(node);
    const reference = toReference(post.text.slice(range.start, range.end), range.start, 'frontmatter');
    return reference ? [reference] : [];
  });
  return [...fromFields, ...findBodyImages(post, { mdx: compilesAsMdx(config, post.path) })];
}

const imageExtension = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?|jxl|heic)$/i;

/**
 * The image references in a post's Markdown body: inline and reference-style Markdown images, HTML
 * `<img src srcset>`, shortcodes with `src=`, and, in MDX, imports of image files. Code is skipped.
 * Each kind is looked for only when its first character is in the body: most posts have no HTML,
 * shortcodes or code, and a scan for a rare character costs a tenth of one for a word.
 */
export function findBodyImages(post: ParsedPost, { mdx }: { mdx: boolean }): ImageReference[] {
  // Offsets below are into the body; `add` moves them into the post.
  const body = maskCode(post.text.slice(post.bodyStart));
  const found: ImageReference[] = [];
  const add = (raw: string, start: number, origin: ImageOrigin) => {
    const reference = toReference(raw, post.bodyStart + start, origin);
    if (reference) found.push(reference);
  };

  // ![alt](dest "title") — dest may be <in angle brackets> and contain balanced parentheses — and
  // ![alt][label], ![label][] or ![label], which use the definition `[label]: dest`. The alt text's
  // alternatives never overlap (a `[` only opens a nested pair), so a failed match costs no more than
  // the text up to the next bracket: no backtracking blow-up on `![[[…` or long lines of `![`.
  const labels = new Set<string>();
  if (body.includes('!')) {
    const image = /!\[((?:[^[\]\\\n]|\\.|\[[^[\]\n]*\])*)\](?:\([ \t]*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))+)|\[((?:[^[\]\\\n]|\\.)*)\]|(?![(:]))/g;
    for (const match of body.matchAll(image)) {
      const dest = match[2];
      if (dest === undefined) {
        labels.add(normalizeLabel(match[3] || match[1]!));
        continue;
      }
      const start = match.index + match[0].length - dest.length;
      if (dest.startsWith('<')) add(dest.slice(1, -1), start + 1, 'markdown');
      else add(dest, start, 'markdown');
    }
  }
  if (labels.size > 0) {
    for (const match of body.matchAll(/^[ ]{0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)/gm)) {
      if (!labels.has(normalizeLabel(match[1]!))) continue;
      const dest = match[2]!;
      const start = match.index + match[0].length - dest.length;
      if (dest.startsWith('<')) add(dest.slice(1, -1), start + 1, 'markdown');
      else add(dest, start, 'markdown');
    }
  }

  // <img src="…" srcset="a.png 1x, b.png 2x">, up to the next `<` or `>`: an unclosed tag costs one scan.
  for (const tag of body.includes('<') ? body.matchAll(/<img\b[^<>]*>/gi) : []) {
    for (const attribute of tag[0].matchAll(/\s(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const value = attribute[2] ?? attribute[3] ?? '';
      const valueStart = tag.index + attribute.index + attribute[0].length - value.length - 1;
      if (attribute[1]!.toLowerCase() === 'src') add(value, valueStart, 'html');
      else for (const candidate of value.matchAll(/[^\s,]+(?:\s+[\d.]+[wx])?/g)) add(candidate[0].split(/\s+/)[0]!, valueStart + candidate.index, 'html');
    }
  }

  // {{< figure src="…" >}} and {{% … %}}, any shortcode with a src parameter (no braces inside).
  for (const shortcode of body.includes('{') ? body.matchAll(/\{\{[<%]\s*[\w/-]+\b([^{}]*?)[>%]\}\}/g) : []) {
    for (const attribute of shortcode[0].matchAll(/\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`)/g)) {
      const value = attribute[1] ?? attribute[2] ?? attribute[3] ?? '';
      add(value, shortcode.index + attribute.index + attribute[0].length - value.length - 1, 'shortcode');
    }
  }

  // MDX: import hero from './hero.png'; require('./hero.png'). One line per import, its names starting
  // right after the blanks, so no two parts of the pattern compete for the same spaces. In plain
  // Markdown such a line is text.
  const mayImport = mdx && (body.includes('import') || body.includes('require('));
  for (const match of mayImport ? body.matchAll(/(?:^import[ \t]+[\w{}*$,][\w{}, \t*$]*?[ \t]from[ \t]+|require\(\s*)(['"])([^'"\n]+)\1/gm) : []) {
    const path = match[2]!;
    if (imageExtension.test(path)) add(path, match.index + match[0].length - path.length - 1, 'import');
  }

  return found.sort((a, b) => a.range.start - b.range.start);
}

/** Builds a reference from source text at `start`, or `undefined` for URLs, data and templates. */
export function toReference(raw: string, start: number, origin: ImageOrigin): ImageReference | undefined {
  const trimmed = raw.trim();
  const path = imagePathOf(trimmed);
  if (path === undefined) return undefined;
  const offset = start + raw.indexOf(trimmed);
  return { raw: trimmed, path, range: { start: offset, end: offset + trimmed.length }, origin };
}

/**
 * The file path an image reference names, or `undefined` when it is not a local file: an URL with a
 * scheme (`https:`, `data:`), a protocol-relative URL, or a template expression the generator fills in.
 * Jekyll's `{{ site.baseurl }}/x` and `{{ '/x' | relative_url }}` are understood.
 */
export function imagePathOf(raw: string): string | undefined {
  let text = raw.trim();
  // Template syntax (`{{`, `{%`, `${`, `<%`) is looked at only in paths that have its characters.
  const mayBeTemplate = text.includes('{') || text.includes('<%');
  if (mayBeTemplate) {
    const liquidFilter = /^\{\{\s*(['"])([^'"]+)\1\s*\|\s*(?:relative_url|absolute_url)\s*\}\}$/.exec(text);
    if (liquidFilter) text = liquidFilter[2]!;
    text = text.replace(/^\{\{\s*site\.baseurl\s*\}\}/, '');
  }
  // A scheme has two letters or more: `C:\…` is a Windows drive, a path outside the site, not a URL.
  if (text === '' || text.startsWith('#') || text.startsWith('//') || (text.includes(':') && /^[a-z][a-z0-9+.-]+:/i.test(text))) return undefined;
  if (mayBeTemplate && /\{\{|\{%|\$\{|<%/.test(text)) return undefined;
  const query = text.search(/[?#]/);
  if (query !== -1) text = text.slice(0, query);
  if (!text.includes('%')) return text;
  // Each segment decoded in full, as a browser and Go's url.Parse do: `C%23.png` names `C#.png`
  // (decodeURI would leave `%23`, `%3F` and `%25` as they are).
  return text
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment; // a stray % is a literal file name character
      }
    })
    .join('/');
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The body with code blocks and code spans blanked out (same length, so offsets stay). */
function maskCode(body: string): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  const mask = (source: string, pattern: RegExp) => {
    let out = '';
    let last = 0;
    for (const match of source.matchAll(pattern)) {
      out += source.slice(last, match.index) + blank(match[0]);
      last = match.index + match[0].length;
    }
    return out + source.slice(last);
  };
  // A fence on the last line (no newline after it) still opens a block: the pattern cannot fail after
  // the opener, so a long run of backticks is never backtracked over.
  const mayHaveCode = body.includes('`') || body.includes('~');
  if (!mayHaveCode) return body;
  const fenced = body.includes('```') || body.includes('~~~') ? mask(body, /^[ ]{0,3}(`{3,}|~{3,})[^\n]*(?:\n|(?![\s\S]))[\s\S]*?(?:^[ ]{0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm) : body;
  return fenced.includes('`') ? maskCodeSpans(fenced, blank) : fenced;
}

/**
 * Blanks code spans: a run of backticks up to the next run of the same length (CommonMark). One pass
 * over the runs, each paired with the next run of its length, so unmatched runs cost nothing extra.
 */
function maskCodeSpans(text: string, blank: (part: string) => string): string {
  const runs: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/`+/g)) runs.push({ start: match.index, end: match.index + match[0].length });
  const nextOfLength = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]!.end - runs[i]!.start;
    nextOfLength[i] = lastByLength.get(length) ?? -1;
    lastByLength.set(length, i);
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < runs.length; i++) {
    const closer = nextOfLength[i]!;
    if (closer === -1) continue; // no run of this length follows: literal backticks
    out += text.slice(last, runs[i]!.start) + blank(text.slice(runs[i]!.start, runs[closer]!.end));
    last = runs[closer]!.end;
    i = closer;
  }
  return out + text.slice(last);
}
