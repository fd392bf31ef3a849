import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Field, FieldValue, FrontmatterProblem } from './model';
import type { ParsedFields } from './yaml';
import { described, msg } from '../l10n/message';

/** Hugo's JSON frontmatter: an object at the very start of the file. */
export function parseJsonFrontmatter(source: string, base: number): ParsedFields {
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true });
  const problems: FrontmatterProblem[] = errors.map((error) => ({
    code: 'json-syntax',
    severity: 'error',
    ...described(msg('JSON: {0}', printParseErrorCode(error.error))),
    range: { start: base + error.offset, end: base + error.offset + Math.max(error.length, 1) },
  }));

  const convert = (node: JsonNode | undefined): FieldValue | undefined => {
    if (!node) return undefined;
    const range = { start: base + node.offset, end: base + node.offset + node.length };
    switch (node.type) {
      case 'array':
        return { kind: 'list', items: (node.children ?? []).map(convert).filter((n): n is FieldValue => !!n), range, flow: true };
      case 'object':
        return { kind: 'map', fields: convertFields(node), range };
      default:
        return { kind: 'scalar', value: (node.value ?? null) as string | number | boolean | null, range, style: node.type === 'string' ? 'double' : 'plain' };
    }
  };

  const convertFields = (object: JsonNode): Field[] => {
    const fields: Field[] = [];
    const seen = new Map<string, Field>();
    for (const property of object.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      const keyRange = { start: base + keyNode.offset, end: base + keyNode.offset + keyNode.length };
      const value = convert(valueNode);
      const field = { key, keyRange, value, range: { start: keyRange.start, end: value?.range.end ?? keyRange.end } };
      const first = seen.get(key);
      if (first) problems.push({ code: 'duplicate-key', severity: 'warning', ...described(msg('Duplicate key "{0}".', key)), range: keyRange, related: first.keyRange });
      else seen.set(key, field);
      fields.push(field);
    }
    return fields;
  };

  const fields = tree?.type === 'object' ? convertFields(tree) : [];
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(source);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // reported above through jsonc-parser's positioned errors
  }
  return { fields, data, problems };
}
