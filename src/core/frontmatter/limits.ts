/**
 * Bounds on what the frontmatter and data parsers are given. The YAML, TOML and JSON parsers recurse
 * once per nesting level: thousands of `[` overflow the stack (and inside V8's regular-expression
 * compiler that is a fatal out-of-memory, not an exception). Real frontmatter nests a few levels.
 */
export const maxNestingDepth = 100;

/** Frontmatter larger than this is not parsed: the YAML parser takes seconds on a few hundred KB of short keys or errors, and it runs on every keystroke. */
export const maxFrontmatterLength = 128 * 1024;

/**
 * The offset at which `source` nests deeper than `limit`, or -1. Counts open brackets (`[`, `{`) and,
 * for YAML, indentation levels, compact `- ` / `? ` / `: ` markers at a line's start, and chains of
 * `: ` and `? ` with no `,` or bracket between them (`x: x: x: …`, which the YAML parser nests, one
 * recursion per link). Quotes are not skipped, so a bracket or colon inside a string counts too: the
 * estimate can only be too high, never too low. One pass.
 */
export function excessiveNesting(source: string, format: 'yaml' | 'toml' | 'json', limit = maxNestingDepth): number {
  const indents: number[] = [];
  let brackets = 0;
  let chain = 0;
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = lineStart;
    while (lineEnd < source.length && source.charCodeAt(lineEnd) !== 10 && source.charCodeAt(lineEnd) !== 13) lineEnd++;
    let block = 0;
    let rest = lineStart; // after the line's leading markers, which count as block levels
    if (format === 'yaml') {
      let i = lineStart;
      while (i < lineEnd && source.charCodeAt(i) === 32) i++;
      if (i < lineEnd && source[i] !== '#') {
        const indent = i - lineStart;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        let markers = 0;
        while (i + 1 < lineEnd && '-?:'.includes(source[i]!) && (source[i + 1] === ' ' || source[i + 1] === '\t')) {
          markers++;
          i += 2;
          while (i < lineEnd && (source[i] === ' ' || source[i] === '\t')) i++;
        }
        block = indents.length + markers;
        rest = i;
      } else block = indents.length;
    }
    if (block + brackets > limit) return lineStart;
    if (brackets === 0) chain = 0;
    for (let i = lineStart; i < lineEnd; i++) {
      const ch = source[i];
      if (ch === '[' || ch === '{') {
        chain = 0;
        if (block + ++brackets > limit) return i;
      } else if (ch === ']' || ch === '}' || ch === ',') {
        chain = 0;
        if (ch !== ',' && brackets > 0) brackets--;
      } else if (format === 'yaml' && i >= rest && (ch === ':' || ch === '?') && (i + 1 === lineEnd || source[i + 1] === ' ' || source[i + 1] === '\t')) {
        if (block + brackets + ++chain > limit) return i;
      }
    }
    lineStart = lineEnd + (source.charCodeAt(lineEnd) === 13 && source.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return -1;
}
