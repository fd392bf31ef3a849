import type { MarkdownIt } from 'markdown-it';
import { escapeHtml } from './html';
import { renderEnvOf } from './renderEnv';

/**
 * Gives every block element a `data-line` attribute: its first source line (0-based) in the whole file,
 * so the preview and the editor can scroll each other. Raw HTML blocks get it on their first tag;
 * fenced code on its <pre>.
 */
export function sourceLinesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('postcraft_source_lines', (state) => {
    const { lineOffset } = renderEnvOf(state.env);
    for (const token of state.tokens) {
      if (token.map && token.nesting !== -1 && token.type !== 'inline') token.attrSet('data-line', String(token.map[0] + lineOffset));
    }
  });

  md.renderer.rules['html_block'] = (tokens, index) => {
    const token = tokens[index]!;
    const line = token.attrGet('data-line');
    // Wrapping the block would break HTML that spans blocks (<details> … markdown … </details>).
    return line === null ? token.content : token.content.replace(/^(\s*<[a-zA-Z][\w-]*)/, `$1 data-line="${line}"`);
  };

  md.renderer.rules['fence'] = (tokens, index) => {
    const token = tokens[index]!;
    const language = md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] ?? '';
    const line = token.attrGet('data-line');
    return `<pre${line === null ? '' : ` data-line="${line}"`}><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${escapeHtml(token.content)}</code></pre>\n`;
  };
}
