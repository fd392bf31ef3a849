import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';

let engine: MarkdownItInstance | undefined;

/**
 * A figure caption's inline Markdown (Hugo markdownifies captions). Raw HTML is escaped and images
 * are left as text: a caption is rendered after the body's HTML was checked, so it must be safe alone.
 */
export function renderCaption(caption: string): string {
  engine ??= new MarkdownIt({ html: false, linkify: true, typographer: true }).disable(['image']);
  return engine.renderInline(caption);
}
