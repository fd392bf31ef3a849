import type { FrontmatterFormat, OffsetRange } from './model';

export interface FrontmatterBlock {
  readonly format: FrontmatterFormat;
  readonly blockRange: OffsetRange;
  readonly contentRange: OffsetRange;
  /** False when the closing delimiter is missing: the whole file was taken as frontmatter. */
  readonly closed: boolean;
}

/** Which frontmatter blocks a generator reads besides `---` YAML. */
export interface FrontmatterSyntax {
  /** `+++` TOML (Hugo, Astro). */
  readonly toml: boolean;
  /** A JSON object at the very start (Hugo only: elsewhere `{% callout %}` or `{{ x }}` opening a body is text). */
  readonly json: boolean;
  /**
   * Blank lines, spaces and tabs may come before the block (Hugo: its lexIntroSection skips them); Jekyll
   * and the others read frontmatter only at the very start.
   */
  readonly afterBlankLines?: boolean;
  /**
   * A line that only starts with the delimiter closes the block (Hugo: its lexFrontMatterSection ends at a line with
   * the delimiter as prefix, and the rest of the line is body: falco.org closes one with `----------`, a rule below).
   */
  readonly closedByPrefix?: boolean;
  /**
   * Text may follow the opening delimiter on its line, and is frontmatter (Hugo: lexFrontMatterSection takes
   * everything after the three characters; hugo 0.111.3 reads `+++ title="Buildpack API"` as the title).
   */
  readonly textAfterOpener?: boolean;
  /** YAML indented with tabs is read as if with spaces (`SiteConfig.yamlTabIndentation`). */
  readonly tabIndentation?: boolean;
}

/** Every syntax: for callers that do not know the site (tests, data files read as pages). */
export const anyFrontmatter: FrontmatterSyntax = { toml: true, json: true };

// A Map, not an object: a first line reading `valueOf` or `__proto__` must not find Object.prototype's.
const delimiters = new Map<string, FrontmatterFormat>([['---', 'yaml'], ['+++', 'toml']]);

/**
 * Finds the frontmatter block the way Hugo and Jekyll do: a `---` (YAML) or `+++` (TOML) line at the
 * very start (for Hugo, after any blank lines), up to the same delimiter on its own line; or a JSON
 * object at the very start (Hugo).
 */
export function splitFrontmatter(text: string, syntax: FrontmatterSyntax = anyFrontmatter): FrontmatterBlock | undefined {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (syntax.afterBlankLines) while (start < text.length && ' \t\r\n'.includes(text[start]!)) start++;
  const firstLineEnd = lineEnd(text, start);
  const opener = text.slice(start, start + 3);
  const rest = text.slice(start + 3, firstLineEnd).trimEnd();
  const format = rest === '' || syntax.textAfterOpener ? delimiters.get(opener) : undefined;
  if (format && (format !== 'toml' || syntax.toml)) {
    // The text after the opener, without the blanks before it (YAML would take them for indentation; Go's reader does not).
    const contentStart = rest === '' ? skipNewline(text, firstLineEnd) : text.indexOf(rest.trimStart(), start + 3);
    let lineStart = contentStart;
    while (lineStart < text.length) {
      const end = lineEnd(text, lineStart);
      const line = text.slice(lineStart, end).trimEnd();
      if (line === opener || (format === 'yaml' && line === '...')) {
        return {
          format,
          blockRange: { start, end },
          contentRange: { start: contentStart, end: lineStart },
          closed: true,
        };
      }
      if (syntax.closedByPrefix && line.startsWith(opener)) {
        return { format, blockRange: { start, end: lineStart + opener.length }, contentRange: { start: contentStart, end: lineStart }, closed: true };
      }
      lineStart = skipNewline(text, end);
      if (lineStart === end) break;
    }
    return { format, blockRange: { start, end: text.length }, contentRange: { start: contentStart, end: text.length }, closed: false };
  }
  if (text[start] === '{' && syntax.json) {
    const end = matchingBrace(text, start);
    if (end === undefined) return undefined; // not JSON frontmatter, just a brace
    return { format: 'json', blockRange: { start, end }, contentRange: { start, end }, closed: true };
  }
  return undefined;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return i;
  }
  return text.length;
}

function skipNewline(text: string, at: number): number {
  if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) return at + 2;
  if (text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13) return at + 1;
  return at;
}

/** End offset (exclusive) of the JSON object opening at `start`, skipping strings. */
function matchingBrace(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return undefined;
}
