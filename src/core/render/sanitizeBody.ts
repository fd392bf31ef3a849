import sanitizeHtml from 'sanitize-html';
import { placeholderView } from './imagePlaceholder';
import type { ImageSources } from './imageSources';

// Every part of a post's body that holds raw HTML passes through here (with the Markdown around it in
// that part; see bodyParts). What is left is formatting only: no script, no frames or plugins, no event
// handlers, no javascript:/vbscript:/data: links, no CSS that loads anything. Images are rewritten to
// what the preview may load (see ImageSources); an image it may not load becomes a visible placeholder.

const allowedTags = [...sanitizeHtml.defaults.allowedTags, 'img', 'details', 'summary', 'del', 'ins'];

// Attributes the renderer itself writes (data-line, the placeholders' data-*) are allowed on any tag.
const allowedAttributes: Record<string, sanitizeHtml.AllowedAttribute[]> = {
  '*': ['class', 'id', 'title', 'lang', 'dir', 'style', 'data-line', 'data-kind', 'data-path'],
  a: ['href', 'name'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  details: ['open'],
  time: ['datetime'],
  data: ['value'],
  abbr: ['title'],
};

// A value must match whole; none of these can hold url(), expression() or an escape.
const length = /^-?\d+(?:\.\d+)?(?:px|em|rem|%|ch|ex|vw|vh|pt)?$/;
const lengths = /^(?:-?\d+(?:\.\d+)?(?:px|em|rem|%|ch|ex|vw|vh|pt)?|auto)(?:\s+(?:-?\d+(?:\.\d+)?(?:px|em|rem|%|ch|ex|vw|vh|pt)?|auto)){0,3}$/;
const color = /^(?:#[0-9a-f]{3,8}|[a-z]+|(?:rgb|hsl)a?\(\s*[\d.]+%?\s*(?:,\s*|\s+)[\d.]+%?\s*(?:,\s*|\s+)[\d.]+%?\s*(?:[,/]\s*[\d.]+%?\s*)?\))$/i;
const keyword = /^[a-z-]+$/i;
const allowedStyles = {
  '*': {
    'color': [color],
    'background-color': [color],
    'text-align': [/^(?:left|right|center|justify|start|end)$/],
    'vertical-align': [keyword, length],
    'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/],
    'font-style': [/^(?:normal|italic|oblique)$/],
    'text-decoration': [/^[a-z -]+$/i],
    'width': [length, /^auto$/],
    'height': [length, /^auto$/],
    'max-width': [length, /^none$/],
    'max-height': [length, /^none$/],
    'margin': [lengths],
    'padding': [lengths],
    'float': [/^(?:left|right|none)$/],
    'display': [/^(?:block|inline|inline-block|none|flex)$/],
  },
};

/** The body's HTML with only inert formatting left, and images resolved against the post. */
export function sanitizeBody(html: string, images: ImageSources, postPath: string): string {
  const resourceScheme = images.resourceScheme();
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes,
    allowedStyles,
    allowedSchemes: ['http', 'https', 'mailto'],
    // The img transform below leaves only what ImageSources allows; this list is a second fence.
    allowedSchemesByTag: { img: ['data', 'https', ...(resourceScheme ? [resourceScheme] : [])] },
    allowProtocolRelative: false,
    transformTags: {
      img: (_tag, attribs) => {
        const { srcset, src, ...rest } = attribs;
        const written = src ?? srcset?.trim().split(/[\s,]+/)[0] ?? '';
        const source = images.resolve(written, postPath);
        if (source.kind === 'shown') return { tagName: 'img', attribs: { ...rest, src: source.url } };
        const view = placeholderView(source, rest['alt']);
        return { tagName: 'span', attribs: { 'class': view.className, 'title': view.title, 'data-path': source.written, ...(rest['data-line'] ? { 'data-line': rest['data-line'] } : {}) }, text: view.text };
      },
    },
  });
}
