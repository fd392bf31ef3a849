import { findField, type Frontmatter, type FrontmatterFormat, type ScalarNode } from '../frontmatter/model';
import { innerRange } from '../frontmatter/values';
import type { ParsedPost } from '../post/parsedPost';
import type { OffsetRange } from '../frontmatter/model';

/** An edit on one post's text, in offsets. */
export interface OffsetEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

/** A value written as the frontmatter syntax needs it, in the style of its neighbours when quoted. */
export function formatValue(value: string, format: FrontmatterFormat, style: ScalarNode['style'] = 'plain'): string {
  if (format !== 'yaml' || style === 'double') return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  const plainIsSafe = /^[A-Za-z0-9_][\w .\/+-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value) && !/^[\d.]+$/.test(value) && !value.endsWith(' ');
  return plainIsSafe ? value : JSON.stringify(value);
}

/**
 * Adds `value` to the list under `key`, changing nothing else: appended inside a flow list
 * (`[a, b]` → `[a, b, c]`), as one more `- ` line in a block list, turned into a list from a single
 * value, or as a new `key: [value]` line before the closing delimiter.
 */
export function addListValue(post: ParsedPost, key: string, value: string): OffsetEdit | undefined {
  const frontmatter = post.frontmatter;
  if (!frontmatter) return undefined;
  const field = findField(frontmatter.fields, key);
  const node = field?.value;
  const newline = post.text.includes('\r\n') ? '\r\n' : '\n';
  if (!field || !node || (node.kind === 'scalar' && (node.value === null || node.value === ''))) {
    if (field && node) return { range: node.range, newText: `[${formatValue(value, frontmatter.format)}]` };
    if (field) return { range: { start: field.keyRange.end, end: field.range.end }, newText: frontmatter.format === 'toml' ? ` = [${formatValue(value, 'toml')}]` : `: [${formatValue(value, frontmatter.format)}]` };
    return insertField(post, frontmatter, key, value, newline);
  }
  if (node.kind === 'scalar') {
    const written = post.text.slice(node.range.start, node.range.end);
    return { range: node.range, newText: `[${written}, ${formatValue(value, frontmatter.format, node.style)}]` };
  }
  if (node.kind !== 'list') return undefined;
  const style = node.items.find((item): item is ScalarNode => item.kind === 'scalar')?.style ?? 'plain';
  const formatted = formatValue(value, frontmatter.format, style);
  if (node.flow) {
    const close = post.text.lastIndexOf(']', node.range.end);
    const inside = post.text.slice(node.range.start + 1, close);
    const separator = inside.trim() === '' ? '' : inside.trimEnd().endsWith(',') ? ' ' : ', ';
    const insertAt = node.range.start + 1 + inside.trimEnd().length;
    return { range: { start: insertAt, end: insertAt }, newText: `${separator}${formatted}` };
  }
  // A block list: one more item with the indentation of the last one.
  const last = node.items.at(-1);
  if (!last) return undefined;
  const lineStart = post.lines.lineStart(post.lines.positionAt(last.range.start).line);
  const prefix = post.text.slice(lineStart, last.range.start);
  const lineEnd = post.text.indexOf('\n', last.range.end);
  const at = lineEnd === -1 ? post.text.length : lineEnd + 1;
  return { range: { start: at, end: at }, newText: `${prefix}${formatted}${newline}` };
}

function insertField(post: ParsedPost, frontmatter: Frontmatter, key: string, value: string, newline: string): OffsetEdit | undefined {
  if (frontmatter.format === 'json') return undefined;
  const end = frontmatter.contentRange.end;
  const lead = end > 0 && post.text[end - 1] !== '\n' ? newline : '';
  const line = frontmatter.format === 'toml' ? `${key} = [${formatValue(value, 'toml')}]` : `${key}: [${formatValue(value, 'yaml')}]`;
  return { range: { start: end, end }, newText: `${lead}${line}${newline}` };
}

/** Replaces one scalar's text, keeping its quotes (adding some only where the new value needs them). */
export function replaceScalar(post: ParsedPost, node: ScalarNode, value: string): OffsetEdit {
  const format = post.frontmatter?.format ?? 'yaml';
  if (node.style === 'single' || node.style === 'double') {
    const escaped = node.style === 'double' || format !== 'yaml' ? JSON.stringify(value).slice(1, -1) : value.replace(/'/g, "''");
    return { range: innerRange(node), newText: escaped };
  }
  return { range: node.range, newText: formatValue(value, format, 'plain') };
}
