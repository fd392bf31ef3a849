import { findField, scalarItems, type Field, type Frontmatter, type ScalarNode } from './model';
import type { OffsetRange } from './model';

/** The scalar values of the listed keys (`cover.image` reaches into a map), with their fields. */
export function valuesOf(post: { readonly frontmatter: Frontmatter | undefined }, keys: readonly string[]): { key: string; node: ScalarNode; field: Field }[] {
  const found: { key: string; node: ScalarNode; field: Field }[] = [];
  const fields = post.frontmatter?.fields ?? [];
  if (fields.length === 0) return found;
  for (const key of keys) {
    const [head, ...rest] = keyParts(key);
    let field = findField(fields, head!);
    for (const part of rest) field = field?.value?.kind === 'map' ? findField(field.value.fields, part) : undefined;
    if (!field) continue;
    for (const node of scalarItems(field.value)) found.push({ key, node, field });
  }
  return found;
}

const partsOfKey = new Map<string, readonly string[]>();

/** `cover.image` as `['cover', 'image']`, split once per key rather than once per post. */
function keyParts(key: string): readonly string[] {
  let parts = partsOfKey.get(key);
  if (!parts) partsOfKey.set(key, (parts = key.split('.')));
  return parts;
}

/** The range of a scalar's text without its quotes, or without a block scalar's indicator (see frontmatter/yaml.ts `blockScalarText`). */
export function innerRange(node: ScalarNode): OffsetRange {
  if (node.inner) return node.inner;
  if (node.style !== 'single' && node.style !== 'double') return node.range;
  // An unterminated quote (`["` at the end of a list) may span one character: never end before the start.
  const start = Math.min(node.range.start + 1, node.range.end);
  return { start, end: Math.max(start, node.range.end - 1) };
}
