/** A module specifier in an MDX body's imports and exports. */
export interface EsmSpecifier {
  /** As written between the quotes. */
  readonly raw: string;
  /** The string's value (JavaScript escapes resolved: prettier writes `'./\_part.md'` for `./_part.md`). */
  readonly value: string;
  /** Offset into the body of the first character inside the quotes. */
  readonly start: number;
}

// micromark-extension-mdxjs-esm: a line that starts with `import` or `export` and whitespace opens
// JavaScript, which goes on up to a blank line; one block may hold several statements on one line or
// one statement over several lines.
const esmBlock = /^(?:import|export)\s[^\n]*(?:\n(?![ \t]*\r?$)[^\n]*)*/gm;
const specifier = /(?<![\w$.])(?:from|import)\s*(['"])((?:\\[\s\S]|(?!\1)[^\\\n])*)\1/g;

/**
 * The specifiers of `import … from '…'`, `import '…'` and `export … from '…'` in the ESM blocks of an
 * MDX body. Whether a block stands in code is the caller's question.
 */
export function mdxEsmSpecifiers(body: string): EsmSpecifier[] {
  const found: EsmSpecifier[] = [];
  for (const block of body.matchAll(esmBlock)) {
    for (const match of block[0].matchAll(specifier)) {
      const raw = match[2]!;
      found.push({ raw, value: raw.includes('\\') ? javaScriptStringValue(raw) : raw, start: block.index + match.index + match[0].length - raw.length - 1 });
    }
  }
  return found;
}

const controlEscapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** A JavaScript string literal's value: `\_` is `_`, `\u0041` is `A`, a backslash before a line break joins the lines. */
function javaScriptStringValue(raw: string): string {
  return raw.replace(/\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\s\S]))/g, (_, braced?: string, unicode?: string, hex?: string, other?: string) => {
    const code = braced ?? unicode ?? hex;
    if (code !== undefined) return String.fromCodePoint(Math.min(parseInt(code, 16), 0x10ffff));
    if (other === '\n' || other === '\r' || other === '\r\n' || other === '\u2028' || other === '\u2029') return '';
    return controlEscapes[other!] ?? other!;
  });
}
