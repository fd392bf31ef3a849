import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Anchor } from '../model';

/**
 * The anchors Goldmark's footnotes give a page (Hugo, footnotes on and `enableAutoIDPrefix` off by default):
 * `fn:N` on the N-th footnote by first reference, `fnref:N` on its first reference and `fnref1:N`, `fnref2:N`…
 * on the next ones. A definition nobody refers to is not rendered. Checked with hugo 0.111.3. markdown-it-footnote
 * numbers notes the same way; its `^[inline]` notes, which Goldmark lacks, are turned off.
 */
export function goldmarkFootnoteAnchors(body: string): Anchor[] {
  if (!body.includes('[^')) return [];
  const env: Record<string, unknown> = {};
  const anchors: Anchor[] = [];
  for (const token of parser().parse(body, env)) {
    for (const child of token.type === 'inline' ? (token.children ?? []) : []) {
      if (child.type !== 'footnote_ref') continue;
      const { id, subId, label } = child.meta as { id: number; subId: number; label?: string };
      const number = id + 1;
      const at = label === undefined ? -1 : body.indexOf(`[^${label}]`);
      const range = at === -1 ? { start: 0, end: 0 } : { start: at, end: at + label!.length + 3 };
      if (subId === 0) {
        const definition = label === undefined ? -1 : body.indexOf(`[^${label}]:`);
        anchors.push({ id: `fn:${number}`, range: definition === -1 ? range : { start: definition, end: definition + label!.length + 3 } });
      }
      anchors.push({ id: subId === 0 ? `fnref:${number}` : `fnref${subId}:${number}`, range });
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
