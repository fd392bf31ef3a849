import { parseJsonFrontmatter } from './json';
import type { Frontmatter } from './model';
import { splitFrontmatter } from './split';
import { parseTomlFrontmatter } from './toml';
import { parseYamlFrontmatter } from './yaml';

const parsers = { yaml: parseYamlFrontmatter, toml: parseTomlFrontmatter, json: parseJsonFrontmatter };

/** The post's frontmatter with source ranges, or `undefined` when it has none. Never throws. */
export function parseFrontmatter(text: string): Frontmatter | undefined {
  const block = splitFrontmatter(text);
  if (!block) return undefined;
  const source = text.slice(block.contentRange.start, block.contentRange.end);
  const parsed = parsers[block.format](source, block.contentRange.start);
  const problems = [...parsed.problems];
  if (!block.closed) {
    problems.unshift({
      code: 'frontmatter-unclosed',
      severity: 'error',
      message: `Frontmatter opened with "${block.format === 'yaml' ? '---' : '+++'}" is never closed: the generator reads the whole file as frontmatter.`,
      range: { start: block.blockRange.start, end: block.blockRange.start + 3 },
    });
  }
  return { format: block.format, blockRange: block.blockRange, contentRange: block.contentRange, fields: parsed.fields, data: parsed.data, problems };
}
