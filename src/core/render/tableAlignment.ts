import type { MarkdownIt, RendererRule } from 'markdown-it';

/**
 * Table column alignment as a class (`pc-align-center`) instead of markdown-it's inline style: the
 * preview's CSP allows no inline styles, and the sanitiser need not parse a style on every cell.
 */
export function tableAlignmentPlugin(md: MarkdownIt): void {
  const alignAsClass: RendererRule = (tokens, index, options, _env, renderer) => {
    const token = tokens[index]!;
    const align = /text-align:\s*(left|right|center)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    if (align) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrJoin('class', `pc-align-${align}`);
    }
    return renderer.renderToken(tokens, index, options);
  };
  md.renderer.rules['th_open'] = alignAsClass;
  md.renderer.rules['td_open'] = alignAsClass;
}
