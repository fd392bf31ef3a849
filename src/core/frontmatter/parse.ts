import { parseJsonFrontmatter } from './json';
import { excessiveNesting, maxFrontmatterLength, maxNestingDepth } from './limits';
import type { Frontmatter } from './model';
import { described, msg } from '../l10n/message';
import { anyFrontmatter, splitFrontmatter, type FrontmatterSyntax } from './split';
import { parseTomlFrontmatter } from './toml';
import { parseSimpleYaml } from './simpleYaml';
import { parseYamlWithLibrary, type ParsedFields } from './yaml';

// The YAML and JSON readers are called, not read, here: the extension's bundle loads them on first use (scripts/lazyChunks.mjs).
const parsers = { yaml: (source: string, base: number) => parseYamlWithLibrary(source, base), toml: parseTomlFrontmatter, json: (source: string, base: number) => parseJsonFrontmatter(source, base) };

/** The post's frontmatter with source ranges, or `undefined` when it has none. Never throws. */
export function parseFrontmatter(text: string, syntax: FrontmatterSyntax = anyFrontmatter): Frontmatter | undefined {
  const block = splitFrontmatter(text, syntax);
  if (!block) return undefined;
  const written = text.slice(block.contentRange.start, block.contentRange.end);
  // A tab for a space, one for one: every offset the readers give stays the text's.
  const source = syntax.tabIndentation && block.format === 'yaml' ? written.replace(/^[ \t]+/gm, (indent) => indent.replaceAll('\t', ' ')) : written;
  // Most posts' YAML is read by the simple reader, which nests two levels at most: only what it
  // declines goes through the limits and then the library.
  const simple = block.format === 'yaml' && source.length <= maxFrontmatterLength ? parseSafely(source, block.contentRange.start, parseSimpleYaml) : undefined;
  const declined = simple ? undefined : withinLimits(source, block.format, block.contentRange.start);
  const parsed = simple ?? declined ?? parseSafely(source, block.contentRange.start, parsers[block.format], block.format);
  // Unclosed, the reader's complaints are about the body read as frontmatter: the one problem to report is the missing close.
  const problems = block.closed ? [...parsed.problems] : parsed.problems.filter((problem) => !problem.code.endsWith('-syntax'));
  if (!block.closed) {
    problems.unshift({
      code: 'frontmatter-unclosed',
      severity: 'error',
      // jekyll 4.3.1 reads no frontmatter from such a file and shows it all as text (jaycuthrell.github.io's about page).
      ...described(msg('Frontmatter opened with "{0}" is never closed: Hugo stops the build, Eleventy and Docusaurus read the whole file as frontmatter, and Jekyll reads none and shows the file as text.', block.format === 'yaml' ? '---' : '+++')),
      range: { start: block.blockRange.start, end: block.blockRange.start + 3 },
    });
  }
  return { format: block.format, blockRange: block.blockRange, contentRange: block.contentRange, fields: parsed.fields, data: parsed.data, problems, ...(declined && { unread: true as const }) };
}

const formatNames = { yaml: 'YAML', toml: 'TOML', json: 'JSON' } as const;

/** The parser's answer; should a parser still throw (a library's own limit), one syntax problem instead. */
function parseSafely<T extends ParsedFields | undefined>(source: string, base: number, parser: (source: string, base: number) => T, format: Frontmatter['format'] = 'yaml'): T | ParsedFields {
  try {
    return parser(source, base);
  } catch (error) {
    const message = msg('{0}: the frontmatter could not be read ({1}); it is not checked.', formatNames[format], error instanceof Error ? error.message : String(error));
    return { fields: [], data: {}, problems: [{ code: `${format}-syntax`, severity: 'error', ...described(message), range: { start: base, end: base + Math.min(1, source.length) } }] };
  }
}

/** `undefined` when the parser may run; otherwise no fields and one syntax problem saying why not. */
function withinLimits(source: string, format: Frontmatter['format'], base: number): ParsedFields | undefined {
  const code = `${format}-syntax` as const;
  if (source.length > maxFrontmatterLength) {
    const message = msg("{0}: frontmatter of {1} KB is over Postcraft's {2} KB limit; it is not checked.", formatNames[format], Math.round(source.length / 1024), maxFrontmatterLength / 1024);
    return { fields: [], data: {}, problems: [{ code, severity: 'warning', ...described(message), range: { start: base, end: base + 1 } }] };
  }
  const at = excessiveNesting(source, format);
  if (at === -1) return undefined;
  const message = described(msg('{0}: frontmatter nested deeper than {1} levels; it is not checked.', formatNames[format], maxNestingDepth));
  // Warnings: the text may well be valid; Postcraft only declines to read it.
  return { fields: [], data: {}, problems: [{ code, severity: 'warning', ...message, range: { start: base + at, end: base + Math.min(at + 1, source.length) } }] };
}
