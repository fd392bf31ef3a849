import { compilesAsMdx, type PostDialect } from './dialect';
import { dirname, isInside, joinPath } from '../text/paths';
import { mdxEsmSpecifiers } from './mdxEsm';
import { scanMarkdownBody } from './markdownStructure';
import type { ParsedPost } from './parsedPost';

/**
 * The Markdown files an MDX post imports (`import Part from './_part.md'`, rendered as `<Part />`),
 * outside code, as paths inside the site. Docusaurus compiles each such file with its own path, so
 * its images resolve from it (@docusaurus/mdx-loader transformImage: `filePath` is the file compiled).
 * Specifiers resolve as webpack resolves them there: `./` and `../` from the importing file, `@site/`
 * from the site folder; a package's files are not the site's.
 */
export function importedMarkdown(post: Pick<ParsedPost, 'path' | 'text' | 'bodyStart'>, config: Pick<PostDialect, 'root' | 'markdownIsMdx'>): string[] {
  if (!compilesAsMdx(config, post.path) || !/\.mdx?['"]/i.test(post.text)) return [];
  const body = post.text.slice(post.bodyStart);
  const specifiers = mdxEsmSpecifiers(body).filter(({ value }) => /\.mdx?$/i.test(value));
  if (specifiers.length === 0) return [];
  const { code } = scanMarkdownBody(body, { mdx: true, needCode: true });
  const paths = new Set<string>();
  for (const { value, start } of specifiers) {
    if (code.some((span) => span.start <= start && start < span.end)) continue;
    const path = value.startsWith('@site/') ? joinPath(config.root, value.slice('@site/'.length)) : /^\.\.?\//.test(value) ? joinPath(dirname(post.path), value) : undefined;
    if (path && isInside(config.root, path) && path !== config.root) paths.add(path);
  }
  return [...paths];
}
