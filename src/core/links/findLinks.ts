import MarkdownIt from 'markdown-it';
import { isSlashedAddress, isWrappedAddress } from './wrappedAddress';
import { scanMarkdownBody } from '../post/markdownStructure';
import type { ParsedPost } from '../post/parsedPost';
import { compilesAsMdx } from '../post/dialect';
import type { PostDialect } from '../post/dialect';
import type { LinkForm, LinkReference } from './model';
import { findTemplateLinks } from './templateLinks';
import { isSiteHost, siteHostSource } from '../text/siteHost';
import { pageMarkdown } from '../post/templateBlocks';
import { escapeRegExp } from '../text/regExp';
import { withoutTabsAndNewlines } from '../text/browserUrl';
import { withoutInertHtml } from '../text/htmlComments';
import { findField, type Field, type ScalarNode } from '../frontmatter/model';
import { innerRange } from '../frontmatter/values';

type LinkConfig = Pick<PostDialect, 'generator' | 'markdownIsMdx'> & { readonly basePath?: string; readonly siteHost?: string | undefined; readonly omitsRawHtml?: boolean };

/**
 * Every link of a post's body the generator would follow to a page, file or heading, in source order:
 * Markdown inline and reference links (a definition once, however many links use it), HTML `<a href>`
 * and `<area href>`, and the generator's template links (Hugo `ref`/`relref`, Jekyll `post_url`/`link`);
 * on Astro also Starlight's link components and its link fields of the frontmatter (`frontmatterLinkValues`).
 * Markdown and HTML links are found where CommonMark renders them (not in code, HTML blocks hide
 * Markdown, footnotes nobody refers to are not rendered); template links wherever the generator runs
 * them, code included (see templateLinks.ts). On Jekyll a destination that starts with
 * `{{ site.baseurl }}`, or is `{{ "/x/" | relative_url }}`, is the root-relative URL it makes, with
 * `config.basePath` in front (as every other root-relative path has it); other template expressions are
 * no links.
 */
export function findLinks(post: ParsedPost, config: LinkConfig): readonly LinkReference[] {
  const mdx = compilesAsMdx(config, post.path);
  const key = `${config.generator}:${mdx}:${config.basePath ?? ''}:${config.siteHost ?? ''}`;
  let scans = linkScans.get(post);
  if (!scans) linkScans.set(post, (scans = new Map()));
  let found = scans.get(key);
  if (!found) scans.set(key, (found = scanLinks(post, config, mdx)));
  return found;
}

const linkScans = new WeakMap<ParsedPost, Map<string, readonly LinkReference[]>>();

const linkTags = /<(?:a|area)\s[^<>]*>/gi;
/** Starlight's `<LinkCard>` and `<LinkButton>` hand their `href` to an `<a>` as written (user-components/LinkCard.astro). */
const starlightLinkTags = /<(?:a|area|LinkCard|LinkButton)\s[^<>]*>/gi;

function scanLinks(post: ParsedPost, config: LinkConfig, mdx: boolean): LinkReference[] {
  const text = post.text.slice(post.bodyStart);
  const jekyll = config.generator === 'jekyll';
  // Astro runs no template over a Markdown file: `[x]({{site.url}}/y/)`, left from a site moved off Jekyll, is that
  // text, a relative URL (astro build 5.16.4 writes href="%7B%7Bsite.url%7D%7D/y/"). MDX may read braces otherwise.
  const templatesAreText = config.generator === 'astro' && !mdx;
  // Jekyll and Eleventy run Liquid (Eleventy also Nunjucks) on Markdown first: links in comments,
  // highlighted code and captured text are no links of the page, nor those in Hugo's highlight shortcode
  // (template links are read from the text as written).
  const body = pageMarkdown(text, config.generator, { mdx, captured: true });
  const found: LinkReference[] = [];
  const add = (form: LinkForm, raw: string, bodyStart: number, decode: (text: string) => string) => {
    const link = destinationLink(form, raw, post.bodyStart + bodyStart, decode, jekyll ? (config.basePath ?? '') : undefined, config.siteHost, templatesAreText);
    if (link) found.push(link);
  };

  const structure = scanMarkdownBody(body, { mdx, liquidDestinations: jekyll && !mdx, ownHost: config.siteHost });
  for (const { span } of structure.links) add('markdown', body.slice(span.start, span.end), span.start, unescapeMarkdown);

  for (const html of config.omitsRawHtml ? [] : structure.html) {
    if (!/href/i.test(html.text)) continue;
    // An anchor in an HTML comment, a script or a template is no anchor of the page.
    const text = withoutInertHtml(html.text);
    for (const tag of text.matchAll(mdx && config.generator === 'astro' ? starlightLinkTags : linkTags)) {
      for (const attribute of tag[0].matchAll(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) {
        const value = attribute[1] ?? attribute[2] ?? attribute[3]!;
        if (mdx && value.startsWith('{')) continue; // a JSX expression, not a URL
        const valueStart = tag.index + attribute.index + attribute[0].length - value.length - (attribute[3] === undefined ? 1 : 0);
        add('html', value, html.toBody(valueStart), decodeEntities);
      }
    }
  }

  if (config.siteHost !== undefined) {
    const taken = [...structure.code, ...found.map((link) => ({ start: link.range.start - post.bodyStart, end: link.range.end - post.bodyStart }))];
    for (const address of ownAddresses(body, config.siteHost, bareAddressesAreLinks(config), taken)) add('markdown', address.text, address.start, (text) => text);
  }

  if (config.generator === 'astro' && post.frontmatter) {
    for (const node of frontmatterLinkValues(post.frontmatter.fields)) {
      if (typeof node.value !== 'string') continue;
      const inner = innerRange(node);
      const link = destinationLink('html', post.text.slice(inner.start, inner.end), inner.start, decodeEntities, undefined, config.siteHost);
      if (link) found.push(link);
    }
  }

  const templateLinks = mdx ? [] : findTemplateLinks(text, config.generator);
  const comments = templateLinks.length > 0 && body.includes('<!--') ? htmlComments(body, scanMarkdownBody(body, { mdx, needCode: true }).code) : [];
  for (const written of templateLinks) {
    const link = templateLink(written, post.bodyStart);
    // The generator runs a template link in an HTML comment (a missing page still stops the build), but
    // what it writes there is no link: its fragment leads nowhere (grpc.io's `<!-- [C#]({{< relref "csharp#dev-stories" >}}) -->`).
    if (link) found.push(comments.some((comment) => written.start >= comment.start && written.start < comment.end) ? withoutFragment(link) : link);
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}

/**
 * The frontmatter values Starlight renders as links, each an `<a href>` as written: a hero's actions
 * (`hero.actions[].link`, components/Hero.astro) and the pagination overrides (`prev.link`, `next.link`,
 * utils/navigation.ts). A plain `prev: 'Label'` only relabels the link.
 */
function frontmatterLinkValues(fields: readonly Field[]): ScalarNode[] {
  const mapField = (within: readonly Field[], key: string) => {
    const value = findField(within, key)?.value;
    return value?.kind === 'map' ? value.fields : [];
  };
  const scalar = (within: readonly Field[], key: string) => {
    const value = findField(within, key)?.value;
    return value?.kind === 'scalar' ? [value] : [];
  };
  const actions = findField(mapField(fields, 'hero'), 'actions')?.value;
  const actionLinks = actions?.kind === 'list' ? actions.items.flatMap((item) => (item.kind === 'map' ? scalar(item.fields, 'link') : [])) : [];
  return [...actionLinks, ...scalar(mapField(fields, 'prev'), 'link'), ...scalar(mapField(fields, 'next'), 'link')];
}

/** The HTML comments of a Markdown body, those opened in code aside; one left open runs to the end. */
function htmlComments(body: string, code: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const comments: { start: number; end: number }[] = [];
  for (let open = body.indexOf('<!--'); open !== -1; open = body.indexOf('<!--', open + 1)) {
    if (comments.length > 0 && open < comments.at(-1)!.end) continue;
    if (code.some((span) => open >= span.start && open < span.end)) continue;
    const close = body.indexOf('-->', open + 4);
    comments.push({ start: open, end: close === -1 ? body.length : close + 3 });
  }
  return comments;
}

function withoutFragment({ fragment: _fragment, fragmentRange: _fragmentRange, ...link }: LinkReference): LinkReference {
  return link;
}

const markdown = new MarkdownIt();

/** Backslash escapes and entities, as CommonMark reads a destination. */
function unescapeMarkdown(text: string): string {
  return text.includes('\\') || text.includes('&') ? markdown.utils.unescapeAll(text) : text;
}

/** Entities only: in HTML a backslash is a backslash. */
function decodeEntities(text: string): string {
  return text.includes('&') ? markdown.utils.unescapeAll(text.replace(/\\/g, '\\\\')) : text;
}

/** `{@name@}`, `{%name%}`, `{$name$}`: a name between one sigil on each side, the way text-substitution plugins mark what they fill in. */
const placeholder = /\{([@%$!^*~])[\w.-]+\1\}/;

/**
 * A Markdown or HTML destination as a link, or undefined when it leaves the site (a scheme, `//host`), is
 * empty, or holds a template expression. `jekyllBase`: on Jekyll, the base path that `{{ site.baseurl }}`
 * and `relative_url` put in front. `templatesAreText`: no template runs over the text, so an expression is text of the URL.
 */
function destinationLink(form: LinkForm, written: string, start: number, decode: (text: string) => string, jekyllBase: string | undefined, siteHost: string | undefined, templatesAreText = false): LinkReference | undefined {
  const raw = written.trim(); // a browser trims an href
  if (raw === '') return undefined;
  const range = { start: start + written.indexOf(raw), end: start + written.indexOf(raw) + raw.length };
  if (isWrappedAddress(raw)) return undefined;
  if (!templatesAreText && (raw.includes('{{') || raw.includes('{%'))) {
    const liquid = jekyllBase === undefined ? undefined : jekyllUrl(raw, jekyllBase);
    if (!liquid) return undefined;
    const fragmentRange = liquid.fragmentAt === undefined ? undefined : { start: range.start + liquid.fragmentAt, end: range.start + liquid.fragmentEnd! };
    return withParts({ form, raw, range }, liquid.url, fragmentRange);
  }
  // A placeholder the site's own Markdown plugin fills in (questdb.io's `{@githubUrl@}/releases`, from its remark plugin and customFields).
  if (placeholder.test(raw)) return undefined;
  const decoded = decode(withoutTabsAndNewlines(raw));
  // The site's own address (`https://letsencrypt.org/docs/x/#y` on letsencrypt.org): the page it names, as a root path.
  const own = siteHost === undefined ? undefined : ownAddressPath(decoded, siteHost);
  const url = own ?? decoded;
  if (url === '' || leavesSite(url)) return undefined;
  const hash = url.indexOf('#');
  let fragmentRange: LinkReference['fragmentRange'];
  if (hash !== -1) {
    // The `#` in the text as written whose rest reads as the fragment (an escaped `\#` counts, `&#35;` is not found).
    for (let at = raw.indexOf('#'); at !== -1; at = raw.indexOf('#', at + 1)) {
      if (decode(raw.slice(at + 1)) === url.slice(hash + 1)) {
        fragmentRange = { start: range.start + at + 1, end: range.end };
        break;
      }
    }
  }
  return withParts(own === undefined ? { form, raw, range } : { form, raw, range, absolute: true }, url, fragmentRange);
}

/**
 * Where the Markdown turns the site's own address into a link without `[…](…)`: an autolink
 * (`<https://example.org/x/>`, CommonMark) and, where the renderer links bare addresses (Goldmark's linkify,
 * on by default in Hugo; remark-gfm's in Docusaurus and Astro), the address alone. Not in code, nor
 * inside a link already found. A bare address ends before trailing punctuation, as linkify ends it.
 */
function ownAddresses(body: string, host: string, bare: boolean, taken: readonly { start: number; end: number }[]): { text: string; start: number }[] {
  if (!body.includes('://')) return [];
  const addresses: { text: string; start: number }[] = [];
  // Code and the links already found, by start: matches come in order, so one pointer walks them all.
  const spans = [...taken].sort((a, b) => a.start - b.start);
  let span = 0;
  let reach = -1; // the furthest end of the spans passed so far
  const pattern = new RegExp(`(<)?https?://${siteHostSource(host)}(?=[/?#>\\s]|$)[^\\s<>"'\`]*`, 'gi');
  for (const match of body.matchAll(pattern)) {
    const autolink = match[1] !== undefined;
    const start = match.index + (autolink ? 1 : 0);
    let text = match[0].slice(autolink ? 1 : 0);
    if (autolink) {
      if (body[match.index + match[0].length] !== '>') continue;
    } else {
      if (!bare || /[\w/(="'\]]/.test(body[match.index - 1] ?? '')) continue; // part of a word, a destination or an attribute
      // The text of a link (`[https://host/p#x](https://host/p#x)`, OpenKruise's docs): a link holds no other link.
      if (/\][([]/.test(text)) continue;
      text = text.replace(/[.,:;!?*_~]+$/, '');
      if (text.endsWith(')') && !text.includes('(')) text = text.slice(0, -1);
    }
    for (; span < spans.length && spans[span]!.start <= start; span++) reach = Math.max(reach, spans[span]!.end);
    if (start < reach) continue; // in code, or inside a link already found
    addresses.push({ text, start });
  }
  return addresses;
}

/** Whether the generator's Markdown links a bare `https://…` address (Goldmark linkify in Hugo, remark-gfm in Docusaurus and Astro). */
function bareAddressesAreLinks(config: LinkConfig): boolean {
  return config.generator === 'hugo' || config.generator === 'docusaurus' || config.generator === 'astro';
}

/** The path (with query and fragment) of a URL on the site's own host, `http` or `https`, any letter case; else undefined. */
function ownAddressPath(url: string, siteHost: string): string | undefined {
  const match = /^https?:\/\/([^/?#]+)(?=[/?#]|$)/i.exec(url);
  if (!match || !isSiteHost(match[1]!, siteHost)) return undefined;
  const rest = url.slice(match[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * An address with a scheme or a host (`//x.org`); and `http//x.org`, which lacks its colon, and `/https://x.org`, with a
 * slash before its scheme: addressSlips.ts reports those.
 */
function leavesSite(url: string): boolean {
  return url.startsWith('//') || /^[a-z][a-z0-9+.-]*:|^https?\/\//i.test(url) || isSlashedAddress(url);
}

/** The link with its decoded path and fragment (query dropped) split from `url`. */
function withParts(link: Pick<LinkReference, 'form' | 'raw' | 'range'> & Partial<LinkReference>, url: string, fragmentRange: LinkReference['fragmentRange']): LinkReference {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = decodePath(query === -1 ? beforeHash : beforeHash.slice(0, query));
  if (hash === -1) return { ...link, path };
  // A text fragment (`#:~:text=…`, `#id:~:text=…`) is a directive to the browser, not part of the anchor.
  const written = url.slice(hash + 1);
  const directive = written.indexOf(':~:');
  const fragment = decodeComponent(directive === -1 ? written : written.slice(0, directive));
  if (!fragmentRange) return { ...link, path, fragment };
  const rawDirective = directive === -1 ? -1 : link.raw.indexOf(':~:', fragmentRange.start - link.range.start);
  return { ...link, path, fragment, fragmentRange: rawDirective === -1 ? fragmentRange : { start: fragmentRange.start, end: link.range.start + rawDirective } };
}

/** Each segment decoded in full, as a browser and Go's url.Parse do (`%23` is a `#` in the name); a stray `%` stays. */
function decodePath(path: string): string {
  return path.includes('%') ? path.split('/').map(decodeComponent).join('/') : path;
}

function decodeComponent(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Jekyll's common template destinations: `{{ site.baseurl }}/x/` (then a plain path) and
 * `{{ "/x/" | relative_url }}` (or `absolute_url`, the same page), each maybe with `#fragment` after. The
 * URL they make, below `base`, and where a fragment's text stands in `raw`; undefined for anything else.
 */
function jekyllUrl(raw: string, base: string): { url: string; fragmentAt?: number; fragmentEnd?: number } | undefined {
  const prefix = /^\{\{-?\s*site\.baseurl\s*-?\}\}/.exec(raw);
  let rest: string;
  let restAt: number;
  if (prefix) {
    rest = raw.slice(prefix[0].length);
    restAt = prefix[0].length;
    if (rest !== '' && !/^[/#?]/.test(rest)) return undefined; // `{{ site.baseurl }}{% post_url x %}`, `…}}x`
  } else {
    const filter = /^\{\{-?\s*(["'])([^"'{}]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/.exec(raw);
    if (!filter) return undefined;
    const value = filter[2]!;
    const valueAt = filter[0].indexOf(value, filter[0].indexOf(filter[1]!));
    const after = raw.slice(filter[0].length);
    if (after !== '' && !after.startsWith('#')) return undefined;
    if (after.includes('#') && value.includes('#')) return undefined;
    // relative_url puts a `/` between the base and a path without one.
    const path = value.startsWith('/') ? value : `/${value}`;
    if (value.includes('#')) {
      const at = value.indexOf('#');
      return { url: base + path + after, fragmentAt: valueAt + at + 1, fragmentEnd: valueAt + value.length };
    }
    rest = path + after;
    restAt = filter[0].length - path.length; // the fragment, if any, is in `after`, at the end of raw
  }
  if (rest.includes('{') || rest.includes('}') || /\s/.test(rest)) return undefined;
  const url = base + (rest.startsWith('/') ? rest : `/${rest}`);
  const hash = rest.indexOf('#');
  return hash === -1 ? { url } : { url, fragmentAt: restAt + hash + 1, fragmentEnd: raw.length };
}

/** A template link as a LinkReference: Hugo's argument is a URL (its path and fragment decoded); Jekyll's a name or path taken as it is. */
function templateLink(link: ReturnType<typeof findTemplateLinks>[number], bodyStart: number): LinkReference | undefined {
  const range = { start: bodyStart + link.start, end: bodyStart + link.start + link.raw.length };
  const options = link.options ? { options: link.options } : {};
  const after = link.fragmentAfter;
  if (link.form === 'hugo-ref' || link.form === 'hugo-relref') {
    if (link.value === '' || leavesSite(link.value)) return undefined;
    const at = link.raw.indexOf('#');
    if (link.value.includes('#')) return withParts({ form: link.form, raw: link.raw, range, ...options }, link.value, at === -1 ? undefined : { start: range.start + at + 1, end: range.end });
    if (after) return withParts({ form: link.form, raw: link.raw, range, ...options }, `${link.value}#${after.text}`, { start: bodyStart + after.start, end: bodyStart + after.start + after.text.length });
    return withParts({ form: link.form, raw: link.raw, range, ...options }, link.value, undefined);
  }
  const base = { form: link.form, raw: link.raw, range, path: link.value };
  return after ? { ...base, fragment: decodeComponent(after.text), fragmentRange: { start: bodyStart + after.start, end: bodyStart + after.start + after.text.length } } : base;
}
