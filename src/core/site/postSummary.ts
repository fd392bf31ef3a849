import { findField, scalarItems, type Frontmatter } from '../frontmatter/model';
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
      return splitTagWords(scalarItems(value).map((node) => String(node.value)), config, value?.kind === 'scalar');
    });
  const title = frontmatter?.data['title'];
  return {
    path,
    title: typeof title === 'string' ? detached(title) : undefined,
    tags: [...new Set(values(config.tagKeys))].map(interned),
    authors: config.authorKeys.flatMap((key) => scalarItems(findField(fields, key)?.value).map((node) => interned(String(node.value)))),
    draft: frontmatter?.data['draft'] === true,
    language,
  };
}
