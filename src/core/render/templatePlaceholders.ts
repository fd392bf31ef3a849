import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';
import { isImagePath } from '../site/fileSet';
import { renderCaption } from './captionMarkdown';
import { attributes, escapeHtml, shorten } from './html';
import { imageHtml } from './imageRendering';
import { renderEnvOf } from './renderEnv';
import { formatMessage, msg, type Message, type Translate } from '../l10n/message';
import { scanTemplateTag, tagParameters, type TemplateTag, type TemplateTagKind } from '../post/templateSyntax';

// Template syntax in a post (Hugo shortcodes, Liquid, MDX) becomes a labelled placeholder, at block level
// when it stands on its own line(s) and inline otherwise. Shortcodes with an image `src` (figure and the
// like) render as the image; `highlight` blocks as code; Liquid `raw` as its literal text.

type PlaceholderKind = TemplateTagKind | 'mdx-esm';

// Type aliases, not interfaces: token.meta is a Record.
type Placeholder = {
  readonly kind: PlaceholderKind;
  readonly text: string;
};

type Figure = {
  readonly src: string;
  readonly alt: string;
  readonly caption: string | undefined;
};

const labels: Record<PlaceholderKind, Message> = {
  'shortcode': msg('Hugo shortcode'),
  'escaped-shortcode': msg('Hugo shortcode'),
  'liquid-tag': msg('Liquid tag'),
  'liquid-output': msg('Liquid'),
  'jsx': msg('Component'),
  'mdx-expression': msg('Expression'),
  'mdx-comment': msg('Comment'),
  'mdx-esm': msg('MDX'),
};

export function templatePlaceholdersPlugin(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'postcraft_mdx_esm', mdxEsmBlock);
  md.block.ruler.before('html_block', 'postcraft_template', templateBlock);
  md.inline.ruler.before('html_inline', 'postcraft_template', templateInline);
  md.renderer.rules['postcraft_placeholder'] = (tokens, index, _options, env) => renderPlaceholder(tokens[index]!, renderEnvOf(env).translate);
  md.renderer.rules['postcraft_figure'] = (tokens, index, _options, env) => renderFigure(tokens[index]!, env);
}

/** A line (or lines) holding one template tag and nothing else. */
function templateBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false; // indented code
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const tag = scanTemplateTag(state.src, start, state.eMarks[endLine - 1]!, renderEnvOf(state.env).dialect);
  if (!tag || tag.kind === 'escaped-shortcode') return false;
  const lastLine = lineAt(state, startLine, endLine, tag.end);
  if (state.src.slice(tag.end, state.eMarks[lastLine]).trim() !== '') return false; // text follows: inline
  if (silent) return true;

  const closing = pairedCode(tag);
  const closer = closing ? findCloser(state, closing, tag.end, lastLine, endLine) : undefined;
  if (closer) {
    const token = state.push('fence', 'code', 0);
    token.info = language(tag);
    token.content = state.getLines(lastLine + 1, closer.line, 0, true);
    token.markup = '```';
    token.map = [startLine, closer.line + 1];
    state.line = closer.line + 1;
    return true;
  }

  if (!isInvisible(tag)) pushTag(state, tag, true).map = [startLine, lastLine + 1];
  state.line = lastLine + 1;
  return true;
}

/** MDX `import`/`export` statements at the top level, up to the next blank line. */
function mdxEsmBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (renderEnvOf(state.env).dialect !== 'mdx' || state.blkIndent !== 0 || state.tShift[startLine] !== 0) return false;
  const start = state.bMarks[startLine]!;
  if (!/^(?:import|export)\s/.test(state.src.slice(start, start + 7))) return false;
  if (silent) return true;
  let line = startLine + 1;
  while (line < endLine && !state.isEmpty(line)) line++;
  const token = state.push('postcraft_placeholder', '', 0);
  token.block = true;
  token.meta = { kind: 'mdx-esm', text: state.getLines(startLine, line, 0, false).trim() } satisfies Placeholder;
  token.map = [startLine, line];
  state.line = line;
  return true;
}

function templateInline(state: StateInline, silent: boolean): boolean {
  const tag = scanTemplateTag(state.src, state.pos, state.posMax, renderEnvOf(state.env).dialect);
  if (!tag) return false;
  let end = tag.end;
  if (tag.kind === 'liquid-tag' && tag.name === 'raw') {
    const close = /\{%-?\s*endraw\s*-?%\}/g;
    close.lastIndex = tag.end;
    const found = close.exec(state.src);
    if (found && found.index < state.posMax) {
      if (!silent) state.push('text', '', 0).content = state.src.slice(tag.end, found.index);
      end = found.index + found[0].length;
    }
  } else if (!silent) {
    if (tag.kind === 'escaped-shortcode') state.push('text', '', 0).content = tag.inner;
    else if (!isInvisible(tag)) pushTag(state, tag, false);
  }
  state.pos = end;
  return true;
}

function pushTag(state: StateBlock | StateInline, tag: TemplateTag, block: boolean): Token {
  const figure = figureOf(tag);
  const token = state.push(figure ? 'postcraft_figure' : 'postcraft_placeholder', '', 0);
  token.block = block;
  token.meta = figure ?? ({ kind: tag.kind, text: tag.kind === 'jsx' ? state.src.slice(tag.start, tag.end) : tag.inner } satisfies Placeholder);
  return token;
}

/**
 * A shortcode that shows an image: it has an image `src` (figure, img, and site-made ones alike); or an
 * MDX image component (`<Image src={hero} />`, with `hero` imported from an image file).
 */
function figureOf(tag: TemplateTag): Figure | undefined {
  if ((tag.kind !== 'shortcode' && tag.kind !== 'jsx') || tag.name.startsWith('/')) return undefined;
  const parameters = tagParameters(tag.inner);
  const src = parameters.get('src');
  const imageLike = /figure|img|image|picture|photo/i.test(tag.name);
  if (!src || (tag.kind === 'jsx' ? !imageLike : !(imageLike || isImagePath(src.replace(/[?#].*$/, ''))))) return undefined;
  const caption = parameters.get('caption') ?? parameters.get('title');
  return { src, alt: parameters.get('alt') ?? caption ?? '', caption };
}

/** Tags that print nothing: Liquid's raw markers (when not paired on one line) and MDX comments. */
function isInvisible(tag: TemplateTag): boolean {
  return tag.kind === 'mdx-comment' || (tag.kind === 'liquid-tag' && (tag.name === 'raw' || tag.name === 'endraw'));
}

/** The closing tag of a block whose content is code: Hugo's and Jekyll's `highlight`. */
function pairedCode(tag: TemplateTag): RegExp | undefined {
  if (tag.kind === 'shortcode' && tag.name === 'highlight') return /\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/g;
  if (tag.kind === 'liquid-tag' && tag.name === 'highlight') return /\{%-?\s*endhighlight\s*-?%\}/g;
  return undefined;
}

function findCloser(state: StateBlock, closing: RegExp, from: number, openingLine: number, endLine: number): { line: number } | undefined {
  closing.lastIndex = from;
  const found = closing.exec(state.src);
  if (!found || found.index > state.eMarks[endLine - 1]!) return undefined;
  const line = lineAt(state, openingLine, endLine, found.index);
  return line > openingLine ? { line } : undefined;
}

function language(tag: TemplateTag): string {
  const [, first] = tag.inner.split(/\s+/);
  return first?.replace(/^["']|["']$/g, '') ?? '';
}

/** The line (from `from` on) that holds `offset`. */
function lineAt(state: StateBlock, from: number, endLine: number, offset: number): number {
  let line = from;
  while (line < endLine - 1 && state.eMarks[line]! < offset) line++;
  return line;
}

function renderPlaceholder(token: Token, translate: Translate): string {
  const { kind, text } = token.meta as Placeholder; // set with the token, above
  const label = formatMessage(kind === 'mdx-esm' ? (text.startsWith('export') ? msg('MDX export') : msg('MDX import')) : labels[kind], translate);
  const tag = token.block ? 'div' : 'span';
  const attrs = attributes({ 'class': `pc-template pc-template-${kind}`, 'data-kind': kind, 'data-line': dataLineOf(token), 'title': `${label}: ${text}` });
  return `<${tag}${attrs}><span class="pc-template-label">${escapeHtml(label)}</span> <code>${escapeHtml(shorten(text))}</code></${tag}>${token.block ? '\n' : ''}`;
}

function renderFigure(token: Token, env: unknown): string {
  const { src, alt, caption } = token.meta as Figure; // set with the token, above
  const image = imageHtml(src, alt, undefined, renderEnvOf(env));
  const captionHtml = caption ? renderCaption(caption) : undefined;
  if (!token.block) return `<span class="pc-figure">${image}${captionHtml ? `<span class="pc-figure-caption">${captionHtml}</span>` : ''}</span>`;
  return `<figure${attributes({ 'class': 'pc-figure', 'data-line': dataLineOf(token) })}>${image}${captionHtml ? `<figcaption>${captionHtml}</figcaption>` : ''}</figure>\n`;
}

function dataLineOf(token: Token): string | undefined {
  const line = token.attrGet('data-line');
  return line === null ? undefined : String(line);
}
