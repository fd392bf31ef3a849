import type { MarkdownIt } from 'markdown-it';
import { attributes } from './html';
import { placeholderHtml } from './imagePlaceholder';
import { renderEnvOf, type RenderEnv } from './renderEnv';

/**
 * Markdown images (and figure shortcodes) as the preview shows them: resolved here when the body needs
 * no sanitiser pass, else written as they stand for the sanitiser to resolve (see RenderEnv).
 * Links get no `data:` href, as the sanitiser would drop it.
 */
export function imageRenderingPlugin(md: MarkdownIt): void {
  md.renderer.rules['image'] = (tokens, index, options, env, renderer) => {
    const token = tokens[index]!;
    const title = token.attrGet('title');
    return imageHtml(String(token.attrGet('src') ?? ''), renderer.renderInlineAsText(token.children ?? [], options, env), title === null ? undefined : String(title), renderEnvOf(env));
  };
  md.renderer.rules['link_open'] = (tokens, index, options, _env, renderer) => {
    const token = tokens[index]!;
    if (/^\s*data:/i.test(String(token.attrGet('href') ?? ''))) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
    return renderer.renderToken(tokens, index, options);
  };
}

export function imageHtml(written: string, alt: string, title: string | undefined, env: RenderEnv): string {
  if (!env.resolveImagesNow) return `<img${attributes({ src: written, alt, title })}>`;
  const source = env.images.resolve(written, env.postPath);
  return source.kind === 'shown' ? `<img${attributes({ src: source.url, alt, title })}>` : placeholderHtml(source, alt);
}
