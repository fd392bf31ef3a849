import { themeServedPath } from '../post/mediaSubpath';
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { compilesAsMdx } from '../post/dialect';
import { basename } from '../text/paths';
import { headerCard } from './headerCard';
import { seoFacts, type SeoFacts } from '../site/seoFacts';
import { ImageSources } from './imageSources';
import { renderMarkdown } from './markdownEngine';
import { mdxImageImports } from './mdxImports';
import { postMetadata, type PostMetadata } from './postMetadata';
import { sanitizeBody } from './sanitizeBody';
import { english, type Translate } from '../l10n/message';

export interface RenderOptions {
  /** The URI the preview loads a site file from; the editor passes the webview's `asWebviewUri`. */
  readonly toResourceUri: (absolutePath: string) => string;
  /** Load https images from other hosts (`postcraft.preview.allowRemoteImages`); off unless set. */
  readonly allowRemoteImages?: boolean;
  /** The language of the text the preview adds (placeholders, badges); the editor passes its display language's. */
  readonly translate?: Translate;
}

export interface RenderedPost {
  /** The header card and the sanitised body: safe to insert as it is. */
  readonly html: string;
  /** The frontmatter title, else the file name. */
  readonly title: string;
  readonly metadata: PostMetadata;
  /** Lengths, words and outline, shown in the header card. */
  readonly seo: SeoFacts;
  /** The site files the HTML loads as images. */
  readonly images: readonly string[];
  /** Lines of the whole file: `data-line` values are below this. */
  readonly lineCount: number;
}

/** A post as its site will show it, for the live preview. Pure and synchronous: fast enough for every keystroke. */
export function renderPost(site: Site, post: ParsedPost, options: RenderOptions): RenderedPost {
  const body = post.text.slice(post.bodyStart);
  const mdx = compilesAsMdx(site.config, post.path);
  const translate = options.translate ?? english;
  const images = new ImageSources(site, { toResourceUri: options.toResourceUri, allowRemoteImages: options.allowRemoteImages === true, translate, servedPath: themeServedPath(post, site.config.mediaSubpath), ...(mdx ? { imports: mdxImageImports(body) } : {}) });
  const metadata = postMetadata(site, post, images);
  const pieces = renderMarkdown(body, {
    lineOffset: post.lines.positionAt(post.bodyStart).line,
    dialect: mdx ? 'mdx' : 'shortcodes-and-liquid',
    postPath: post.path,
    images,
    translate,
  });
  const seo = seoFacts(site, post);
  const html = headerCard(metadata, translate, seo) + pieces.map((piece) => (piece.raw ? sanitizeBody(piece.html, images, post.path) : piece.html)).join('');
  return { html, title: metadata.title ?? basename(post.path), metadata, seo, images: [...images.shownFiles], lineCount: post.lines.lineCount };
}
