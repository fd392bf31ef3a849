import type { ParsedPost } from '../post/parsedPost';
import type { SiteConfig } from '../site/model';
import type { LinkReference } from './model';

/**
 * Every link of a post's body the generator would follow to a page, file or heading, in source order:
 * Markdown inline and reference links, HTML `<a href>`, and the generator's template links. (Being written.)
 */
export function findLinks(_post: ParsedPost, _config: Pick<SiteConfig, 'generator' | 'markdownIsMdx'>): readonly LinkReference[] {
  return [];
}
