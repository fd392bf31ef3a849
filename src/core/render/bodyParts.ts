import type { Token } from 'markdown-it';

/** A run of top-level block tokens, `[start, end)`, rendered together. */
export interface BodyPart {
  readonly start: number;
  readonly end: number;
  /** Holds raw HTML from the post: its output must go through the sanitiser. */
  readonly raw: boolean;
}

/**
 * Splits a body's tokens into top-level blocks, so that only blocks with raw HTML pay for the
 * sanitiser: markdown-it's own output escapes all text and is safe as it is. An element raw HTML
 * leaves open (`<details>` … Markdown … `</details>`) keeps the following blocks in its part until it
 * closes, so the sanitiser sees the element whole. Safety never depends on this grouping: every raw
 * part is sanitised, and the sanitiser closes what a part leaves open.
 */
export function bodyParts(tokens: readonly Token[]): BodyPart[] {
  const parts: BodyPart[] = [];
  let openElements = 0;
  let current: { start: number; raw: boolean } | undefined;
  for (let start = 0; start < tokens.length; ) {
    const end = blockEnd(tokens, start);
    const html = rawHtmlOf(tokens, start, end);
    const raw = html !== undefined;
    if (!current || (openElements === 0 && current.raw !== raw)) {
      if (current) parts.push({ start: current.start, end: start, raw: current.raw });
      current = { start, raw };
    } else current.raw ||= raw;
    if (html !== undefined) openElements = Math.max(0, openElements + elementBalance(html));
    start = end;
  }
  if (current) parts.push({ start: current.start, end: tokens.length, raw: current.raw });
  return parts;
}

/** The index after the top-level block starting at `start`. */
function blockEnd(tokens: readonly Token[], start: number): number {
  if (tokens[start]!.nesting !== 1) return start + 1;
  let depth = 0;
  for (let index = start; index < tokens.length; index++) {
    depth += tokens[index]!.nesting;
    if (depth === 0) return index + 1;
  }
  return tokens.length;
}

/** The raw HTML a block holds (joined), or `undefined` when it has none. */
function rawHtmlOf(tokens: readonly Token[], start: number, end: number): string | undefined {
  let html: string | undefined;
  for (let index = start; index < end; index++) {
    const token = tokens[index]!;
    if (token.type === 'html_block') html = (html ?? '') + token.content;
    for (const child of token.children ?? []) if (child.type === 'html_inline' && child.meta?.['isPermalinkSymbol'] !== true) html = (html ?? '') + child.content;
  }
  return html;
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements opened minus elements closed: a rough count, only used to keep an element's blocks together. */
function elementBalance(html: string): number {
  let balance = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (voidElements.has(name!.toLowerCase()) || selfClosing) continue;
    balance += closing ? -1 : 1;
  }
  return balance;
}
