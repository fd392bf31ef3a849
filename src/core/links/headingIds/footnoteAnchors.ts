import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Anchor } from '../model';

/**
 * The anchors a page's footnotes give it, by the renderer's rule (a definition nobody refers to is not rendered):
 * - Goldmark (Hugo, footnotes on and `enableAutoIDPrefix` off by default): `fn:N` on the N-th footnote by first
 *   reference, `fnref:N` on its first reference and `fnref1:N`, `fnref2:N`… on the next ones (hugo 0.111.3);
 * - kramdown (Jekyll): by the footnote's name, `fn:name`, `fnref:name`, then `fnref:name:1`, `fnref:name:2`…
 *   (jekyll 4.3.1; just-the-docs links `#fn:js-disabled`).
 * markdown-it-footnote numbers notes as Goldmark does; its `^[inline]` notes, which neither has, are turned off.
 */
export function footnoteAnchors(body: string, renderer: 'goldmark' | 'kramdown'): Anchor[] {
  if (!body.includes('[^')) return [];
  const env: Record<string, unknown> = {};
  const anchors: Anchor[] = [];
  for (const token of parser().parse(body, env)) {
    for (const child of token.type === 'inline' ? (token.children ?? []) : []) {
      if (child.type !== 'footnote_ref') continue;
      const { id, subId, label } = child.meta as { id: number; subId: number; label?: string };
      const name = renderer === 'kramdown' && label !== undefined ? label : String(id + 1);
      const at = label === undefined ? -1 : body.indexOf(`[^${label}]`);
      const range = at === -1 ? { start: 0, end: 0 } : { start: at, end: at + label!.length + 3 };
      if (subId === 0) {
        const definition = label === undefined ? -1 : body.indexOf(`[^${label}]:`);
        anchors.push({ id: `fn:${name}`, range: definition === -1 ? range : { start: definition, end: definition + label!.length + 3 } });
      }
      anchors.push({ id: subId === 0 ? `fnref:${name}` : renderer === 'kramdown' ? `fnref:${name}:${subId}` : `fnref${subId}:${name}`, range });
    }
  }
  return anchors;
}

let instance: MarkdownItInstance | undefined;

function parser(): MarkdownItInstance {
  if (!instance) {
    instance = new MarkdownIt({ html: true }).use(footnote);
    instance.inline.ruler.disable('footnote_inline');
  }
  return instance;
}
