import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import footnote from 'markdown-it-footnote';
import { bodyParts } from './bodyParts';
import { imageRenderingPlugin } from './imageRendering';
import type { RenderContext, RenderEnv } from './renderEnv';
import { sourceLinesPlugin } from './sourceLines';
import { tableAlignmentPlugin } from './tableAlignment';
import { templateDestinationsPlugin } from '../post/templateDestinations';
import { templatePlaceholdersPlugin } from './templatePlaceholders';

let engine: MarkdownItInstance | undefined;

/** One configured markdown-it, built on first use: set-up costs more than a render. */
function markdownEngine(): MarkdownItInstance {
  if (engine) return engine;
  engine = new MarkdownIt({ html: true, linkify: true, typographer: true })
    .use(footnote)
    .use(anchor, { tabIndex: false })
    .use(templatePlaceholdersPlugin)
    .use(templateDestinationsPlugin)
    .use(imageRenderingPlugin)
    .use(tableAlignmentPlugin)
    .use(sourceLinesPlugin);
  return engine;
}

/** A piece of the body's HTML; `raw` pieces hold the post's own HTML and still need the sanitiser. */
export interface HtmlPiece {
  readonly html: string;
  readonly raw: boolean;
}

/** The HTML of a post's Markdown body, in pieces (see bodyParts). */
export function renderMarkdown(body: string, context: RenderContext): HtmlPiece[] {
  const md = markdownEngine();
  const env: RenderEnv = { ...context, resolveImagesNow: false };
  const tokens = md.parse(body, env);
  return bodyParts(tokens).map(({ start, end, raw }) => {
    env.resolveImagesNow = !raw;
    return { html: md.renderer.render(tokens.slice(start, end), md.options, env), raw };
  });
}
