import type { BodySpan, BodyText } from './markdownStructure';

/** An image tag of a Markdown body, `<img …>` (or MDX's `<Image …>`), as written. */
export interface ImageTag {
  readonly text: string;
  /** Where `<` stands in the body. */
  readonly start: number;
  readonly name: string;
  /** The body offset of an offset into `text` (HTML that CommonMark passes on may lose a container's indentation). */
  toBody(at: number): number;
}

/** The `<img>` tags of the raw HTML CommonMark passes on, each up to the next `<` or `>`: an unclosed tag costs one scan. */
export function htmlImageTags(html: readonly BodyText[]): ImageTag[] {
  const tags: ImageTag[] = [];
  for (const part of html) {
    for (const tag of part.text.includes('<') ? part.text.matchAll(/<(img)\b[^<>]*>/gi) : []) {
      tags.push({ text: tag[0], start: part.toBody(tag.index), name: tag[1]!, toBody: (at) => part.toBody(tag.index + at) });
    }
  }
  return tags;
}

/** `<img …>` and `<Image …>` in an MDX body, up to the `>` that closes them outside quotes and braces. */
export function jsxImageTags(body: string, code: readonly BodySpan[]): ImageTag[] {
  const tags: ImageTag[] = [];
  for (const match of body.matchAll(/<(img|Image)(?=[\s/>])/g)) {
    const start = match.index;
    if (code.some((span) => span.start <= start && start < span.end)) continue;
    let depth = 0;
    let quote = '';
    let end = start + match[0].length;
    // A tag is not a page long: past 10,000 characters with no `>` it is text (and a body of many
    // unclosed `<img` costs no more than that each, not its whole length).
    const limit = Math.min(body.length, end + 10_000);
    for (; end < limit; end++) {
      const char = body[end]!;
      if (quote) quote = char === quote ? '' : quote;
      else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (char === '{') depth++;
      else if (char === '}') depth = Math.max(0, depth - 1);
      else if (char === '>' && depth === 0) break;
    }
    if (end < limit) tags.push({ text: body.slice(start, end + 1), start, name: match[1]!, toBody: (at) => start + at });
  }
  return tags;
}
