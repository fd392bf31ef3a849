import { msg, type Message } from '../l10n/message';
import { compilesAsMdx } from '../post/dialect';
import { htmlImageTags, jsxImageTags } from '../post/imageTags';
import { scanMarkdownBody } from '../post/markdownStructure';
import { tagArguments, templateTags } from '../post/templateImages';
import { pageMarkdown } from '../post/templateBlocks';
import { basename } from '../text/paths';
import type { Check, CheckContext } from './context';
import type { Fix } from './finding';
import type { SiteConfig } from '../site/model';
import { isOwnModule } from '../post/ownModules';

/**
 * Images a screen reader gets no text for (markdownlint's MD045): Markdown images with an
 * empty `![]`, HTML `<img>` (and MDX `<Image>`) without an `alt` attribute, and Hugo's `figure` without
 * `alt` or `caption` (Hugo 0.111's figure writes the caption, made plain, as the alt text when `alt` is
 * empty, and no `alt` at all when both are). `alt=""` written in HTML marks a decorative image on
 * purpose: fine. A site's own `figure` shortcode replaces Hugo's: its rule is unknown, so it is skipped.
 */
export const checkMissingAlt: Check = (context) => {
  const { post, site } = context;
  const mdx = compilesAsMdx(site.config, post.path);
  // Template code blocks (Hugo's highlight shortcode, Liquid's highlight) hold no image of the page; figure
  // shortcodes are read from the text as written.
  const written = post.text.slice(post.bodyStart);
  const body = pageMarkdown(written, site.config.generator, { mdx });
  const mayHoldImage = body.includes('![') || /<img/i.test(body) || (mdx && body.includes('<Image')) || (site.config.generator === 'hugo' && written.includes('figure'));
  if (!mayHoldImage) return;
  const at = (offset: number) => post.bodyStart + offset;
  const structure = scanMarkdownBody(body, { mdx });

  for (const image of structure.images) {
    if (!image.alt || body.slice(image.alt.start, image.alt.end).trim() !== '') continue;
    const range = { start: at(image.alt.start - 2), end: at(image.alt.end + 1) };
    report(context, range, msg('Image "{0}" has no alt text: screen readers and search engines get nothing for it.', image.destination), altFix(context, { start: at(image.alt.start), end: at(image.alt.end) }, '', image.destination));
  }

  // HTML as CommonMark passes it on; in MDX, JSX elements (their `{…}` values are no HTML to markdown-it) outside code.
  const tags = mdx ? jsxImageTags(body, scanMarkdownBody(body, { mdx, needCode: true }).code) : site.config.omitsRawHtml ? [] : htmlImageTags(structure.html);
  for (const { text, start, name } of tags) {
    // `{...props}` may carry an alt: unknown, so nothing is claimed. A tag with no source shows no image
    // (`<img/>` named in prose a template captures, say).
    // An attribute may follow a value with no space (`<Image src={img}alt="A" />`): MDX's and HTML's parsers read it all the same.
    if (/(?:\s|(?<=["'}]))alt(?=[\s=/>])/i.test(text) || text.includes('{...') || !/(?:\s|(?<=["'}]))(?:src|srcset|img)\s*=/i.test(text)) continue;
    // The site's own component writes the `<img>`, and its alt (moonrepo's Image defaults it to '': docusaurus 3.10.2 writes alt="").
    if (mdx && name !== 'img' && (importsOwnComponent(body, name, site.config.importAliases) || site.config.globalComponents?.has(name))) continue;
    const nameEnd = start + 1 + name.length;
    const src = /(?:\s|(?<=["'}]))src\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/i.exec(text);
    const shown = src ? `"${src[1] ?? src[2] ?? src[3]}"` : `<${name}>`;
    report(context, { start: at(start), end: at(nameEnd) }, msg('Image {0} has no alt attribute: screen readers and search engines get nothing for it (write alt="" for a decorative image).', shown), altFix(context, { start: at(nameEnd), end: at(nameEnd) }, ' alt="', src?.[1] ?? src?.[2] ?? '', '"'));
  }

  if (site.config.generator === 'hugo' && !hasOwnFigure(context)) {
    for (const tag of templateTags(written, { shortcodes: true, liquid: false })) {
      if (tag.kind !== 'shortcode' || tag.name !== 'figure') continue;
      const args = tagArguments(written, tag);
      const named = (name: string) => args.find((argument) => argument.name?.toLowerCase() === name);
      const src = named('src');
      if (!src || named('alt')?.value.trim() || named('caption')?.value.trim()) continue;
      const nameStart = written.indexOf('figure', tag.start);
      const nameEnd = nameStart + 'figure'.length;
      report(context, { start: at(nameStart), end: at(nameEnd) }, msg('Figure "{0}" has neither alt nor caption: Hugo writes its image without alt text.', src.value), altFix(context, { start: at(nameEnd), end: at(nameEnd) }, ' alt="', src.value, '"'));
    }
  }
};

/** Whether an MDX body imports `name` from a module of the site (`import Image from '@site/src/components/Image'`, `./Figure`). */
function importsOwnComponent(body: string, name: string, aliases: SiteConfig['importAliases']): boolean {
  const imported = new RegExp(`^import\\s+(?:${name}\\b|\\{[^}]*\\b${name}\\b[^}]*\\})[^\\n]*?\\bfrom\\s*(["'])([^"'\\n]+)\\1`, 'gm');
  return [...body.matchAll(imported)].some((match) => isOwnModule(match[2]!, aliases));
}

function report(context: CheckContext, range: { start: number; end: number }, message: Message, fix: Fix): void {
  context.report({ code: 'missing-alt', severity: 'warning', range, message, fixes: [fix] });
}

/**
 * Writes a description to be completed: in the editor a snippet leaves it selected (the cursor in the alt
 * text); elsewhere the placeholder, from the image's file name, is written as it is. Never preferred:
 * only the writer knows what the image shows, so bulk fixes leave it out.
 */
function altFix(context: CheckContext, range: { start: number; end: number }, before: string, src: string, after = ''): Fix {
  const placeholder = describe(src);
  const fix = context.replaceFix(msg('Add alt text'), range, `${before}${placeholder}${after}`);
  const edit = fix.edits[0]!;
  return { ...fix, edits: [{ ...edit, snippet: `${before}\${1:${placeholder}}${after}` }] };
}

/**
 * `/img/red-fox_2.jpg` → `red fox 2`: a start the writer replaces (letters, digits and spaces: nothing a snippet reads).
 * Words no one would say of the image are left out: a hash, a size, a camera's or a screenshot tool's run of digits
 * (mropert.github.io's `ss-71a8276da2996d7ed5d68f31a560f231c5e5242f-1920x1080.png` → `ss`).
 */
function describe(src: string): string {
  const name = basename(src.replace(/[?#].*$/, '')).replace(/\.[a-z0-9]+$/i, '');
  const words = name.replace(/[-_.+]+/g, ' ').replace(/[^\p{L}\p{N} ]/gu, '').split(' ').filter((word) => word !== '' && !meaningless.test(word));
  return words.join(' ') || 'image description';
}

/** A hex hash (12 digits or more, one a number), a size (`1920x1080`), or six digits or more. */
const meaningless = /^(?=[a-f]*\d)[\da-f]{12,}$|^\d+x\d+$|^\d{6,}$/i;

/** A figure shortcode of the site's or its theme's replaces Hugo's built-in one. Looked up once per set of files. */
function hasOwnFigure({ site }: CheckContext): boolean {
  const known = ownFigure.get(site.files);
  if (known && known.size === site.files.size) return known.found;
  let found = false;
  for (const file of site.files.all()) if (/\/layouts\/_?shortcodes\/figure\.html$/.test(file)) found = true;
  ownFigure.set(site.files, { size: site.files.size, found });
  return found;
}

const ownFigure = new WeakMap<object, { readonly size: number; readonly found: boolean }>();
