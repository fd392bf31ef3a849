import { extname } from '../text/paths';
import type { SiteConfig } from './model';

/**
 * Whether the generator compiles the post as MDX (imports, JSX, `{expressions}`): every `.mdx` file,
 * and Docusaurus `.md` files unless its `markdown.format` says otherwise. The checks and the preview
 * both ask here, so they read a post the same way.
 */
export function compilesAsMdx(config: Pick<SiteConfig, 'markdownIsMdx'>, path: string): boolean {
  return config.markdownIsMdx === true || extname(path) === '.mdx';
}
