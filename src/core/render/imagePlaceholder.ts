import { attributes, escapeHtml } from './html';
import type { ImageSource } from './imageSources';

export type PlaceholderSource = Extract<ImageSource, { kind: 'placeholder' }>;

/** How an image the preview does not load shows: its class, tooltip and visible text (the path as written). */
export function placeholderView(source: PlaceholderSource, alt = ''): { className: string; title: string; text: string } {
  const title = `${source.headline}: ${source.detail}`;
  return { className: `pc-image-placeholder pc-image-${source.problem}`, title: alt ? `${title} (${alt})` : title, text: `${source.headline}: ${source.written}` };
}

/** The placeholder element, as the header card and the Markdown images write it. */
export function placeholderHtml(source: PlaceholderSource, alt = '', extraClass = ''): string {
  const view = placeholderView(source, alt);
  return `<span${attributes({ 'class': extraClass ? `${view.className} ${extraClass}` : view.className, 'title': view.title, 'data-path': source.written })}>${escapeHtml(view.text)}</span>`;
}
