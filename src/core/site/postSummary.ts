import { findField, scalarItems, type Frontmatter, type FieldValue } from '../frontmatter/model';
import type { SiteConfig } from './model';
import { detached, interned } from '../text/detached';
import { splitTagWords } from './tagValues';
import type { Anchor } from '../links/model';
import { anchorsOf, headingIdStyleOf } from '../links/anchors';
import { isOwnModule } from '../post/ownModules';
import { compilesAsMdx } from '../post/dialect';
import { scanMarkdownBody } from '../post/markdownStructure';
import { mdxEsmSpecifiers } from '../post/mdxEsm';
import type { PageRoute } from './routes/model';
import { routesOf } from './routes';
import { laysOutIds } from './generators/hugo/typeLayouts';
import { hugoContentUnrendered, hugoPageType, isSectionPage } from './generators/hugo/pageLayout';
import { escapeRegExp } from '../text/regExp';
import { isInside } from '../text/paths';

/** What the site index keeps of each post: enough for completion, typo checks and views. */
export interface PostSummary {
  readonly path: string;
  readonly title: string | undefined;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly draft: boolean;
  /** The post's language on a multilingual site (see `GeneratorProfile.postLanguage`). */
  readonly language: string | undefined;
  /** Where the generator publishes it; undefined when it renders no page of its own (or its URL rules are unknown). */
  readonly route: PageRoute | undefined;
  /** The headings and explicit anchors a link's `#fragment` can name; undefined where the generator makes no heading IDs. */
  readonly anchors: readonly Anchor[] | undefined;
  /**
   * Where a Docusaurus blog post's truncate marker stands (an offset, as the anchors' are): its list pages (the blog's
   * index, tags, authors) show the post up to there.
   */
  readonly excerptEnd?: number;
}

/** A post as read: its text, where its body starts, its frontmatter. */
export interface PostSource {
  readonly path: string;
  readonly text: string;
  readonly bodyStart: number;
  readonly frontmatter: Frontmatter | undefined;
}

export function summarizePost({ path, text, bodyStart, frontmatter }: PostSource, config: SiteConfig, language?: string): PostSummary {
  const fields = frontmatter?.fields ?? [];
  const values = (keys: readonly string[]) =>
    keys.flatMap((key) => {
      const value = findField(fields, key)?.value;
      return splitTagWords(namedItems(value), config, key, value?.kind === 'scalar');
    });
  const title = frontmatter?.data['title'];
  return {
    path,
    title: typeof title === 'string' ? detached(title) : undefined,
    tags: [...new Set(values(config.tagKeys))].map(interned),
    authors: config.authorKeys.flatMap((key) => namedItems(findField(fields, key)?.value).map(interned)),
    // Jekyll makes every document of _drafts/ a draft (jekyll build --drafts gives it draft: true), and builds
    // no page with `published: false` (jekyll build --unpublished does): a link to either is broken alike. A `draft: true`
    // of its own is data to Jekyll (jaycuthrell.github.io's: jekyll 4.3.1 builds the post).
    draft: config.generator === 'jekyll' ? /\/_drafts\//.test(path) || frontmatter?.data['published'] === false : frontmatter?.data['draft'] === true,
    language,
    route: routesOf(config.generator).pageRoute(config, path, frontmatter?.data ?? {}),
    anchors: anchorsIn(text, bodyStart, config, path, frontmatter?.data ?? {}),
    ...excerptOf(text, bodyStart, config, path),
  };
}

function anchorsIn(text: string, bodyStart: number, config: SiteConfig, path: string, data: Readonly<Record<string, unknown>>): readonly Anchor[] | undefined {
  const style = headingIdStyleOf(config);
  if (!style) return undefined;
  const mdx = compilesAsMdx(config, path);
  const body = text.slice(bodyStart);
  // Headings an imported partial or component renders are the page's too, and its own text does not show them.
  if (mdx && importsLocalModules(body, config)) return undefined;
  // So are those a Hugo shortcode called with `{{% %}}` writes: its output is Markdown, parsed with the page.
  // (`includes` first: a substring search costs less than the regex over every body.)
  if (config.generator === 'hugo' && body.includes('{{%') && callsMarkdownShortcodeWritingIds(body, config.markdownShortcodesWithoutIds)) return undefined;
  // And those of a file a Liquid include pastes in before the page is parsed (Jekyll and Eleventy): a Markdown include
  // (kubevirt.io's `{% include quickstarts/virtctl.md %}`), or any file beside the page (strimzi.io's docs books are
  // `{% include_relative deploying.html %}`, whose HTML ids kramdown keeps).
  if ((config.generator === 'jekyll' || config.generator === 'eleventy') && body.includes('{%') && pastedInclude.test(body)) return undefined;
  // And those the site's own shortcodes write (Hugo's `{{< docs_index >}}`'s `<h1 id>`s, an Eleventy `{% function %}`'s `id`).
  if (config.anchorShortcodes?.size && body.includes('{') && callsAny(body, config.anchorShortcodes, config.generator === 'hugo' ? 'hugo' : 'liquid')) return undefined;
  // And those its type's own layout writes (a Hugo page's `type`, else its section), where that layout lays it out.
  const writing = config.anchorTypes?.size ? config.anchorTypes.get(hugoPageType(config, path, data)) : undefined;
  if (writing && laysOutIds(writing, data['layout'], isSectionPage(path))) return undefined;
  // And those a Jekyll layout computes (an archive page's `id="{{ category[0] | slugify }}"`).
  if (config.idComputingLayouts && typeof data['layout'] === 'string' && config.idComputingLayouts.has(data['layout'])) return undefined;
  // A page whose layout renders none of its content has none of its headings either; unknown rather than none, as
  // Postcraft reads the layouts' code without running it.
  if (hugoContentUnrendered(config, path, data)) return undefined;
  // And a page whose own script reads the fragment answers any `#x` itself (3h4x.github.io's tags page scrolls to the
  // tag's button, which has no id).
  if (body.includes('location.hash') && /<script\b/i.test(body)) return undefined;
  const anchors = anchorsOf(body, bodyStart, { style, mdx, goldmark: config.goldmarkIds, mdx1: config.mdx1 });
  // The index outlives the text: a slice of it would keep the whole post in memory.
  return anchors.length === 0 ? noAnchors : anchors.map(({ id, text: headingText, range }) => ({ id: detached(id), ...(headingText !== undefined ? { text: detached(headingText) } : {}), range }));
}

const noAnchors: readonly Anchor[] = [];

/**
 * A Docusaurus blog post's `excerptEnd`: its first `<!-- truncate -->` or `{/* truncate *\/}` (plugin-content-blog's
 * default truncateMarker, matched against the whole text as the plugin does), unless the plugin sets a marker of its own.
 */
function excerptOf(text: string, bodyStart: number, config: SiteConfig, path: string): { readonly excerptEnd?: number } {
  if (config.routing?.generator !== 'docusaurus' || !text.includes('truncate')) return {};
  const blog = config.routing.blogs.find((instance) => isInside(instance.dir, path));
  if (!blog || blog.ownTruncateMarker) return {};
  const marker = truncateMarker.exec(text.slice(bodyStart));
  return marker ? { excerptEnd: bodyStart + marker.index } : {};
}

const truncateMarker = /<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/;

/** Whether the body calls one of `names` as a shortcode: Hugo's `{{< name` or `{{% name`, Liquid's and Nunjucks' `{% name`. */
function callsAny(body: string, names: ReadonlySet<string>, syntax: 'hugo' | 'liquid'): boolean {
  let pattern = callPatterns.get(names);
  if (!pattern) {
    const alternatives = [...names].map(escapeRegExp).join('|');
    callPatterns.set(names, (pattern = syntax === 'hugo' ? new RegExp(`\\{\\{[<%]\\s*(?:${alternatives})(?=[\\s/>%])`) : new RegExp(`\\{%-?\\s*(?:${alternatives})(?=[\\s%-])`)));
  }
  return pattern.test(body);
}

const callPatterns = new WeakMap<ReadonlySet<string>, RegExp>();

// `{% include part.md %}`, `{%- include_relative book.html -%}`: Liquid's (and Nunjucks') include of a Markdown file, or of any file beside the page.
const pastedInclude = /\{%-?\s*(?:include_relative\s+["']?[^\s%"']+|include\s+["']?[^\s%"']+\.(?:md|markdown))["'\s%-]/;

/**
 * Whether the body calls a shortcode with `{{% name …` that may write headings: not its closing tag, not `ref`/`relref`
 * (a URL) or `highlight` (code), nor one whose template writes only its inner text (`withoutIds`).
 */
function callsMarkdownShortcodeWritingIds(body: string, withoutIds: ReadonlySet<string> | undefined): boolean {
  for (const call of body.matchAll(markdownShortcodeCall)) if (!quietMarkdownShortcodes.has(call[1]!) && !withoutIds?.has(call[1]!)) return true;
  return false;
}

const markdownShortcodeCall = /\{\{%-?\s*(?!\/)([\w./-]+)/g;
const quietMarkdownShortcodes = new Set(['ref', 'relref', 'highlight']);

/**
 * An `import` of the site's own Markdown or code (`./_part.md`, `../Steps.jsx`, `@site/src/x`, an alias: see isOwnModule), not of images
 * or styles, and not one shown in a code block (Jest's docs are full of them).
 */
function importsLocalModules(body: string, config: SiteConfig): boolean {
  if (!body.includes('import')) return false;
  const local = mdxEsmSpecifiers(body).filter(({ value }) => isOwnModule(value, config.importAliases) && !/\.(png|jpe?g|gif|svg|webp|avif|css|scss|json|ya?ml)$/i.test(value));
  if (local.length === 0) return false;
  const { code } = scanMarkdownBody(body, { mdx: true, needCode: true });
  return local.some(({ start }) => !code.some((span) => start >= span.start && start < span.end));
}

/** The names a tag or author value holds. An empty item (`- ` being typed, `tags:` alone) names nothing: the generators drop it. */
function namedItems(value: FieldValue | undefined): string[] {
  return scalarItems(value).flatMap((node) => (node.value === null || node.value === undefined || node.value === '' ? [] : [String(node.value)]));
}
