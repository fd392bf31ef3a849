import type { OffsetRange } from '../frontmatter/model';
import { innerRange, valuesOf } from '../frontmatter/values';
import { compilesAsMdx, type GeneratorId, type PostDialect } from './dialect';
import { isImagePath } from '../text/fileKinds';
import { declaredSchemaFields, guessedFrontmatterImages, postImageFields } from './frontmatterImages';
import { withoutTabsAndNewlines } from '../text/browserUrl';
import { escapeRegExp } from '../text/regExp';
import { htmlImageTags, jsxImageTags } from './imageTags';
import { scanMarkdownBody } from './markdownStructure';
import type { ParsedPost } from './parsedPost';
import { findTemplateImages } from './templateImages';
import { pageMarkdown } from './templateBlocks';
import { mdxEsmSpecifiers } from './mdxEsm';
import { withMediaSubpath } from './mediaSubpath';
import type { Message } from '../l10n/message';

export type ImageOrigin = 'markdown' | 'html' | 'shortcode' | 'import' | 'frontmatter';

/** An image path as written in a post, and the path a generator would look up. */
export interface ImageReference {
  /** The text in the source (without angle brackets). */
  readonly raw: string;
  /** Decoded, without query or fragment: the file path to resolve. */
  readonly path: string;
  readonly range: OffsetRange;
  readonly origin: ImageOrigin;
  /**
   * Set where Postcraft only guesses that the text names an image (a frontmatter field it does not know,
   * an argument of a site's own shortcode or Liquid tag): why, for the message. A guess is never an error.
   */
  readonly guess?: Message;
  /** The shortcode or Liquid tag it is an argument of; `img` for an MDX import an `<img src={…}>` shows. */
  readonly tag?: string;
  /** For an argument of `{% include file param=… %}`: the include and the parameter (see `PostDialect.includeImagePrefixes`). */
  readonly include?: { readonly file: string; readonly parameter: string };
  /** Set where the theme serves the image at another path than written (`path`, see mediaSubpath.ts): how, for the message. */
  readonly servedAfter?: Message;
}

/**
 * Every image a post refers to: frontmatter image fields (values that name an image file; other
 * values of those keys are left alone), other frontmatter values that look like image paths (a guess),
 * and the body.
 */
export function findImageReferences(post: ParsedPost, config: Pick<PostDialect, 'imageFields' | 'markdownIsMdx' | 'generator' | 'imagelessShortcodes'> & Partial<Pick<PostDialect, 'root' | 'schemaFields' | 'includeImagePrefixes' | 'includeFiles' | 'templateWords' | 'mediaSubpath' | 'remoteImageFields' | 'includeImageParameters'>> & { readonly omitsRawHtml?: boolean }): readonly ImageReference[] {
  const { imageFields, strings } = postImageFields(config, post.path);
  const themeShown = new Set<ImageReference>();
  // A field the layouts hand only to a shortcode that writes an address on another host names no file of the site.
  const remote = config.remoteImageFields;
  const fromFields = valuesOf(post, imageFields).flatMap(({ key, node }) => {
    if (typeof node.value !== 'string' || !hasImageExtension(node.value) || remote?.has(key.split('.')[0]!)) return [];
    const range = innerRange(node);
    const reference = toReference(post.text.slice(range.start, range.end), range.start, 'frontmatter');
    if (reference && config.mediaSubpath?.fields.includes(key)) themeShown.add(reference);
    return reference ? [reference] : [];
  });
  // A guess in a key no template of the site names shows nothing (Hugo reads `.Params.thumbnail` by its name),
  // nor does one in a key the post's schema drops (keif.github.io's `opImage`, a slip of the `ogImage` it declares).
  const words = config.templateWords;
  const schema = declaredSchemaFields(config, post.path);
  // (A post's own text may show its key too: Jekyll renders `{{ page.attachment }}` in the body.)
  const shows = (key: string) => !(words && !words.has(key.toLowerCase()) && !post.text.includes(key, post.bodyStart)) && !(schema && !schema.keepsUndeclared && !schema.keys.includes(key));
  const guessed = guessedFrontmatterImages(post, imageFields, strings).flatMap(({ raw, start, guess, key }) => (shows(key.split('.')[0]!) ? (toReference(raw, start, 'frontmatter', guess) ?? []) : []));
  const written = findBodyImages(post, { mdx: compilesAsMdx(config, post.path), generator: config.generator });
  const body = config.omitsRawHtml ? written.filter((reference) => reference.origin !== 'html') : written;
  const imageless = config.imagelessShortcodes;
  const shown = imageless?.size ? body.filter((reference) => !(reference.guess && reference.tag !== undefined && imageless.has(reference.tag))) : body;
  // A guessed value naming an include file is that include's name (crystal-lang.org's `image: icons/folder.svg`, inlined by `{% include {{ include.file }} %}`), not an image.
  const includes = config.includeFiles;
  const notIncludes = (references: readonly ImageReference[]) => (includes?.size ? references.filter((reference) => !(reference.guess && includes.has(reference.path))) : references);
  const references = [...fromFields, ...notIncludes(guessed), ...notIncludes(withIncludePrefixes(shown, config.includeImagePrefixes, config.includeImageParameters))];
  return withMediaSubpath(references, post, config.mediaSubpath, (reference) => themeShown.has(reference));
}

/**
 * An include's parameter its template writes after a path of its own (`src="/assets/{{ include.img }}"`, crystal-lang.org's
 * media gallery) names the image at that path: `img="media/logo.svg"` is /assets/media/logo.svg.
 */
function withIncludePrefixes(references: readonly ImageReference[], prefixes: PostDialect['includeImagePrefixes'], imageParameters: PostDialect['includeImageParameters']): readonly ImageReference[] {
  if (!prefixes?.size && !imageParameters?.size) return references;
  return references.map((reference) => {
    if (!reference.include) return reference;
    const prefix = prefixes?.get(reference.include.file)?.get(reference.include.parameter);
    const prefixed = prefix === undefined ? reference : { ...reference, path: `${prefix}${reference.path}` };
    // An include that writes the value as an `<img>`'s src shows it as it is: an image, checked and weighed as one.
    if (!imageParameters?.get(reference.include.file)?.has(reference.include.parameter)) return prefixed;
    const { guess: _guess, ...known } = prefixed;
    return known;
  });
}

function hasImageExtension(path: string): boolean {
  return isImagePath(path.replace(/[?#].*$/, ''));
}

/**
 * The image references in a post's Markdown body: Markdown images (inline and by reference) and HTML
 * `<img src srcset>` where CommonMark reads them (not in code, footnote definitions or, for Markdown
 * images, HTML blocks; see markdownStructure.ts), shortcode and Liquid tag arguments that name images
 * (see templateImages.ts), and, in MDX, imports of image files outside code.
 */
export function findBodyImages(post: ParsedPost, options: { mdx: boolean; generator?: GeneratorId }): readonly ImageReference[] {
  // The check, document links and hover of one parse share one scan: on a long post it is the costly part.
  const key = `${options.mdx}:${options.generator ?? ''}`;
  let scans = bodyScans.get(post);
  if (!scans) bodyScans.set(post, (scans = new Map()));
  let found = scans.get(key);
  if (!found) scans.set(key, (found = scanBodyImages(post, options)));
  return found;
}

const bodyScans = new WeakMap<ParsedPost, Map<string, readonly ImageReference[]>>();

function scanBodyImages(post: ParsedPost, { mdx, generator }: { mdx: boolean; generator?: GeneratorId }): ImageReference[] {
  // Offsets below are into the body; `add` moves them into the post.
  const written = post.text.slice(post.bodyStart);
  // Code a template renders (Hugo's highlight shortcode; Liquid's highlight, and its comments) holds no image of
  // the page; blanked, the offsets stay. Template arguments are read from the text as written.
  const body = pageMarkdown(written, generator, { mdx });
  const found: ImageReference[] = [];
  const add = (raw: string, start: number, origin: ImageOrigin, guess?: Message, tag?: string, include?: ImageReference['include']) => {
    const reference = toReference(raw, post.bodyStart + start, origin, guess);
    if (reference) found.push(tag === undefined ? reference : { ...reference, tag, ...(include ? { include } : {}) });
  };

  // Template arguments and MDX imports are looked for first: whether they are in code matters, so they
  // decide, with the images, whether the body's block structure is needed at all.
  const templateArguments = mdx ? [] : findTemplateImages(written, generator);
  const imports: { raw: string; path: string; start: number; inImg: boolean }[] = [];
  // MDX: `import hero from './hero.png'` in the body's ESM (see mdxEsm.ts), and `require('./hero.png')`
  // anywhere. In plain Markdown such text is text.
  const mayImport = mdx && (body.includes('import') || body.includes('require('));
  for (const { raw, value, start } of mayImport ? mdxEsmSpecifiers(body) : []) {
    if (!hasImageExtension(value)) continue;
    const binding = /import\s+([A-Za-z_$][\w$]*)\s+from\s*['"]?$/.exec(body.slice(Math.max(0, start - 200), start))?.[1];
    const inImg = binding !== undefined && new RegExp(`<img\\b[^<>]*\\ssrc\\s*=\\s*\\{\\s*${escapeRegExp(binding)}(?:\\.src)?\\s*\\}`).test(body);
    imports.push({ raw, path: value, start, inImg });
  }
  for (const match of mayImport && body.includes('require(') ? body.matchAll(/require\(\s*(['"])([^'"\n]+)\1/g) : []) {
    const path = match[2]!;
    const inImg = /<img\b[^<>]*\ssrc\s*=\s*\{\s*$/.test(body.slice(Math.max(0, match.index - 300), match.index));
    if (hasImageExtension(path)) imports.push({ raw: path, path, start: match.index + match[0].length - path.length - 1, inImg });
  }

  const needCode = imports.length > 0 || templateArguments.some((argument) => argument.hiddenInCode) || (mdx && body.includes('<img'));
  // Jekyll fills `{{ site.baseurl }}` in before kramdown reads `![a]({{ site.baseurl }}/x.png)`, as it does in links.
  const structure = scanMarkdownBody(body, { mdx, needCode, liquidDestinations: generator === 'jekyll' && !mdx });
  const inCode = (offset: number) => structure.code.some((code) => code.start <= offset && offset < code.end);
  for (const { span, destination } of structure.images) {
    const path = imagePathOf(destination);
    const raw = body.slice(span.start, span.end);
    if (path !== undefined) found.push({ raw, path, range: { start: post.bodyStart + span.start, end: post.bodyStart + span.end }, origin: 'markdown' });
  }

  // <img src="…" srcset="a.png 1x, b.png 2x">: in HTML as CommonMark passes it on; in MDX every JSX `<img>` outside code.
  const imgTags = mdx ? jsxImageTags(body, structure.code).filter((tag) => tag.name === 'img') : htmlImageTags(structure.html);
  for (const tag of imgTags) {
    // An attribute may follow a quoted value with no space (`<img src="a.png"alt="A">`), as JSX and HTML parsers read it.
    for (const attribute of tag.text.matchAll(/(?:\s|(?<=["'}]))(src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const value = attribute[2] ?? attribute[3] ?? '';
      const valueStart = attribute.index + attribute[0].length - value.length - 1;
      if (attribute[1]!.toLowerCase() === 'src') add(value, tag.toBody(valueStart), 'html');
      else for (const candidate of srcsetUrls(value)) add(candidate.url, tag.toBody(valueStart + candidate.at), 'html');
    }
  }

  for (const argument of templateArguments) {
    // A glob (`match="wego*.png"`, the gallery shortcode's `Resources.Match`) names files by pattern, not one file.
    if (argument.guess && argument.raw.includes('*')) continue;
    if (!(argument.hiddenInCode && inCode(argument.tagStart))) add(argument.raw, argument.start, 'shortcode', argument.guess, argument.tag, argument.include);
  }
  for (const { raw, path, start, inImg } of imports) {
    if (inCode(start)) continue;
    const reference = toReference(raw, post.bodyStart + start, 'import');
    if (!reference) continue;
    // An escaped specifier (`'./\_hero.png'`) names the file its value names.
    const named = raw === path ? reference : { ...reference, path: imagePathOf(path) ?? reference.path };
    found.push(inImg ? { ...named, tag: 'img' } : named);
  }

  return found.sort((a, b) => a.range.start - b.range.start);
}

/**
 * The URL of each image candidate of a `srcset`, where it starts, as HTML's "parse a srcset attribute" reads
 * them: a URL runs to the next whitespace, commas in it included (Cloudinary's `q_auto,f_auto,w_300/x.jpg 300w`),
 * save the commas that end it; then its descriptors, up to a comma outside parentheses. A template tag
 * (`{% srcset 'x.jpg' %}`, `{{ image }} 2x`) is one run of `{`, which no file path holds: it is filled in
 * before the browser reads the attribute.
 */
export function srcsetUrls(value: string): { readonly url: string; readonly at: number }[] {
  const text = value.includes('{{') || value.includes('{%') ? value.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (tag) => '{'.repeat(tag.length)) : value;
  const candidates: { url: string; at: number }[] = [];
  let position = 0;
  while (position < text.length) {
    while (position < text.length && (isSrcsetSpace(text.charCodeAt(position)) || text[position] === ',')) position++;
    if (position >= text.length) break;
    const at = position;
    while (position < text.length && !isSrcsetSpace(text.charCodeAt(position))) position++;
    let url = text.slice(at, position);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // The descriptors (`300w`, `2x`), to the comma that ends the candidate.
      for (let depth = 0; position < text.length && (depth > 0 || text[position] !== ','); position++) {
        if (text[position] === '(') depth++;
        else if (text[position] === ')') depth = Math.max(0, depth - 1);
      }
    }
    if (url !== '') candidates.push({ url, at });
  }
  return candidates;
}

/** HTML's ASCII whitespace: space, tab, line feed, form feed, carriage return. */
function isSrcsetSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Builds a reference from source text at `start`, or `undefined` for URLs, data and templates. */
export function toReference(raw: string, start: number, origin: ImageOrigin, guess?: Message): ImageReference | undefined {
  const trimmed = raw.trim();
  const path = imagePathOf(trimmed);
  if (path === undefined) return undefined;
  const offset = start + raw.indexOf(trimmed);
  const range = { start: offset, end: offset + trimmed.length };
  return guess === undefined ? { raw: trimmed, path, range, origin } : { raw: trimmed, path, range, origin, guess };
}

/**
 * The file path an image reference names, or `undefined` when it is not a local file: an URL with a
 * scheme (`https:`, `data:`), a protocol-relative URL, or a template expression the generator fills in.
 * Jekyll's `{{ site.baseurl }}/x` and `{{ '/x' | relative_url }}` are understood.
 */
export function imagePathOf(raw: string): string | undefined {
  let text = withoutTabsAndNewlines(raw.trim());
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
