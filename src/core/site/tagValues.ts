import type { ScalarNode } from '../frontmatter/model';
import { innerRange, valuesOf } from '../frontmatter/values';
import type { ParsedPost } from '../post/parsedPost';
import type { SiteConfig } from './model';

/**
 * A post's tag values as the generator reads them. Jekyll splits a string value of `tags` or
 * `categories` on spaces (`tags: jekyll ruby` is two tags), so each word gets its own range there.
 */
export function tagValues(post: ParsedPost, config: SiteConfig): ScalarNode[] {
  if (!makesTags(config, post.path)) return [];
  return valuesOf(post, config.tagKeys).flatMap(({ node, field }) => (splitsWords(config, field.key) && field.value === node ? splitWords(post, node) : [node]));
}

/** Whether the generator makes tags of the tag values of the post at `path` (`SiteConfig.taggedPosts`). */
export function makesTags(config: SiteConfig, path: string): boolean {
  return config.taggedPosts?.test(path) ?? true;
}

/**
 * Whether a string under `key` is a list of words. Jekyll splits only the plural keys: the singular
 * `tag:`/`category:` value is one name (`category: Road Trips`; Utils.pluralized_array_from_hash).
 */
export function splitsWords(config: SiteConfig, key: string): boolean {
  return config.splitTagWords === true && (key === 'tags' || key === 'categories');
}

function splitWords(post: ParsedPost, node: ScalarNode): ScalarNode[] {
  if (typeof node.value !== 'string' || node.style === 'block' || !/\s/.test(node.value.trim())) return [node];
  const inner = innerRange(node);
  const text = post.text.slice(inner.start, inner.end);
  return [...text.matchAll(/\S+/g)].map((word) => ({ kind: 'scalar', value: word[0], range: { start: inner.start + word.index, end: inner.start + word.index + word[0].length }, style: 'plain' }));
}

/** The same split on plain data, for summaries: the values of `key`, from one string or a list. */
export function splitTagWords(values: string[], config: SiteConfig, key: string, fromSingleString: boolean): string[] {
  return splitsWords(config, key) && fromSingleString ? values.flatMap((value) => value.split(/\s+/).filter(Boolean)) : values;
}
