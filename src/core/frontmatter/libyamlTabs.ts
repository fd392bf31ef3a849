import { visit, type Document } from 'yaml';

/**
 * Blank and comment lines that start with a tab, outside quoted values and flow collections: YAML 1.2
 * (the `yaml` package) and js-yaml skip them, but libyaml stops there ("found a tab character that
 * violates indentation" after a plain value, "found character that cannot start any token" after any
 * other): Hugo 0.111 (Go's yaml.v2) and Jekyll 4.3 (Psych) both fail to build such a post, as tried.
 * A tab after spaces is left alone: libyaml accepts it in some places.
 */
export function tabLedBlankLines(source: string, doc: Document): number[] {
  if (!source.includes('\t')) return [];
  const lines = [...source.matchAll(/^\t[ \t]*(?:#[^\r\n]*)?\r?$/gm)].map((match) => match.index);
  if (lines.length === 0) return [];
  // Inside a quoted value or a flow collection a tab is only white space, for libyaml too.
  const spans: [number, number][] = [];
  const add = (range: readonly number[] | null | undefined) => range && spans.push([range[0]!, range[1]!]);
  visit(doc, {
    Scalar: (_, node) => (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? void add(node.range) : undefined),
    Map: (_, node) => (node.flow ? void add(node.range) : undefined),
    Seq: (_, node) => (node.flow ? void add(node.range) : undefined),
  });
  return lines.filter((at) => !spans.some(([start, end]) => at > start && at < end));
}
