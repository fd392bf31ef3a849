import { findField, scalarItems, type Frontmatter, type FieldValue } from '../frontmatter/model';
import type { SiteConfig } from './model';
import { detached, interned } from '../text/detached';
import { splitTagWords } from './tagValues';

/** What the site index keeps of each post: enough for completion, typo checks and views. */
export interface PostSummary {
  readonly path: string;
  readonly title: string | undefined;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly draft: boolean;
  /** The post's language on a multilingual site (see `GeneratorProfile.postLanguage`). */
  readonly language: string | undefined;
}

export function summarizePost(path: string, frontmatter: Frontmatter | undefined, config: SiteConfig, language?: string): PostSummary {
  const fields = frontmatter?.fields ?? [];
  const values = (keys: readonly string[]) =>
    keys.flatMap((key) => {
      const value = findField(fields, key)?.value;
      return splitTagWords(namedItems(value), config, value?.kind === 'scalar');
    });
  const title = frontmatter?.data['title'];
  return {
    path,
    title: typeof title === 'string' ? detached(title) : undefined,
    tags: [...new Set(values(config.tagKeys))].map(interned),
    authors: config.authorKeys.flatMap((key) => namedItems(findField(fields, key)?.value).map(interned)),
    // Jekyll makes every document of _drafts/ a draft (jekyll build --drafts gives it draft: true).
    draft: frontmatter?.data['draft'] === true || (config.generator === 'jekyll' && /\/_drafts\//.test(path)),
    language,
  };
}

/** The names a tag or author value holds. An empty item (`- ` being typed, `tags:` alone) names nothing: the generators drop it. */
function namedItems(value: FieldValue | undefined): string[] {
  return scalarItems(value).flatMap((node) => (node.value === null || node.value === undefined || node.value === '' ? [] : [String(node.value)]));
}
