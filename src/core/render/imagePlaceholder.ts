import { attributes, escapeHtml } from './html';
import type { ImageProblem, ImageSource } from './imageSources';

const headlines: Record<ImageProblem, string> = {
  'missing': 'Image not found',
  'wrong-case': 'Image not found (letter case)',
  'outside-site': 'Image outside the site',
  'remote-blocked': 'Remote image blocked',
  'template': 'Image from a template',
  'unsupported': 'Image not shown',
};

export type PlaceholderSource = Extract<ImageSource, { kind: 'placeholder' }>;

/** How an image the preview does not load shows: its class, tooltip and visible text (the path as written). */
export function placeholderView(source: PlaceholderSource, alt = ''): { className: string; title: string; text: string } {
  const title = `${headlines[source.problem]}: ${source.detail}`;
  return { className: `pc-image-placeholder pc-image-${source.problem}`, title: alt ? `${title} (${alt})` : title, text: `${headlines[source.problem]}: ${source.written}` };
}

/** The placeholder element, as the header card and the Markdown images write it. */
export function placeholderHtml(source: PlaceholderSource, alt = '', extraClass = ''): string {
  const view = placeholderView(source, alt);
  return `<span${attributes({ 'class': extraClass ? `${view.className} ${extraClass}` : view.className, 'title': view.title, 'data-path': source.written })}>${escapeHtml(view.text)}</span>`;
}
