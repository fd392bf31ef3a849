/**
 * JavaScript and TypeScript site configs are read as text, never executed: a workspace may be
 * untrusted. These helpers find the few literal settings Postcraft needs. Callers strip comments
 * first (`withoutComments`) so that a commented-out `// path: 'old'` is never read as a setting.
 */

const keyBefore = (key: string) => `(?<![\\w$.])['"]?${key}['"]?\\s*:\\s*`;
const literal = /^(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1$/;

/** The value of a string literal as written (`'a'`, `"a"`, or a template without `${}`), else `undefined`. */
export function stringLiteralValue(text: string): string | undefined {
  const match = literal.exec(text.trim());
  if (!match || (match[1] === '`' && match[2]!.includes('${'))) return undefined;
  return match[2]!.replace(/\\(.)/g, '$1');
}

/**
 * The source with template literals built from string constants of the same file written out:
 * `const BLOG_PATH = 'src/data/blog'` makes `` `./${BLOG_PATH}` `` read as `` `./src/data/blog` `` (a
 * pattern of astro-paper's content config). Other templates stay as they are.
 */
export function withStringConstants(source: string): string {
  const constants = new Map<string, string>();
  for (const match of source.matchAll(/(?<![\w$.])const\s+([A-Za-z_$][\w$]*)\s*=\s*(['"])((?:(?!\2)[^\\\n]|\\.)*)\2/g)) constants.set(match[1]!, match[3]!);
  if (constants.size === 0) return source;
  return source.replace(/`((?:[^`\\]|\\.)*)`/g, (template, body: string) => {
    const names = [...body.matchAll(/\$\{\s*([A-Za-z_$][\w$]*)\s*\}/g)].map((match) => match[1]!);
    if (names.length === 0 || !names.every((name) => constants.has(name)) || /\$\{(?!\s*[A-Za-z_$][\w$]*\s*\})/.test(body)) return template;
    return `\`${body.replace(/\$\{\s*([A-Za-z_$][\w$]*)\s*\}/g, (_, name: string) => constants.get(name)!.replace(/[`$]/g, '\\$&'))}\``;
  });
}

/** The first `key: 'literal'` in the source. */
export function stringLiteralSetting(source: string, key: string): string | undefined {
  return allStringLiteralSettings(source, key)[0];
}

/** All string values of `key:` in the source, in order (e.g. every plugin's `path:`). */
export function allStringLiteralSettings(source: string, key: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(new RegExp(`${keyBefore(key)}(['"\`])((?:(?!\\1)[^\\\\\\n]|\\\\.)*)\\1`, 'g'))) {
    const value = stringLiteralValue(`${match[1]}${match[2]}${match[1]}`);
    if (value !== undefined) found.push(value);
  }
  return found;
}

/** The first `key: true` or `key: false` in the source; undefined when absent or not a literal. */
export function booleanSetting(source: string, key: string): boolean | undefined {
  const match = new RegExp(`${keyBefore(key)}(true|false)(?![\\w$])`).exec(source);
  return match ? match[1] === 'true' : undefined;
}

/** `key: ['a', 'b']` or `key: 'a'` → the strings; non-literal items are left out. */
export function stringListSetting(source: string, key: string): string[] | undefined {
  const match = new RegExp(keyBefore(key)).exec(source);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  if (source[start] === '[') {
    const end = matchingBracket(source, start);
    return end === -1 ? undefined : stringItems(source.slice(start + 1, end));
  }
  const single = stringLiteralSetting(source.slice(match.index), key);
  return single === undefined ? undefined : [single];
}

/** The string literals of a comma-separated list (`'a', "b", other`), literals only. */
export function stringItems(list: string): string[] {
  return splitTopLevel(list)
    .map(stringLiteralValue)
    .filter((item): item is string => item !== undefined);
}

/** The text of the `{…}` object that is the value of the first `key:`, or `false` for `key: false`. */
export function objectSetting(source: string, key: string): string | false | undefined {
  const match = new RegExp(`${keyBefore(key)}(\\{|false\\b)`).exec(source);
  if (!match) return undefined;
  if (match[1] === 'false') return false;
  const open = match.index + match[0].length - 1;
  const close = matchingBracket(source, open);
  return close === -1 ? undefined : source.slice(open, close + 1);
}

/** The properties written directly in an object literal (not in nested objects): key → value text (`{ a }` → a → a). */
export function topLevelProperties(objectText: string): Map<string, string> {
  const properties = new Map<string, string>();
  const body = objectText.trim().replace(/^\{/, '').replace(/\}$/, '');
  for (const entry of splitTopLevel(body)) {
    if (/^[\w$]+$/.test(entry)) properties.set(entry, entry); // shorthand `{ blog }`
    const match = /^\s*(?:(['"])([^'"]+)\1|([\w$]+))\s*:\s*([\s\S]*)$/.exec(entry);
    if (match && !properties.has(match[2] ?? match[3]!)) properties.set(match[2] ?? match[3]!, match[4]!.trim());
  }
  return properties;
}

/** A string property written directly in an object literal. */
export function topLevelString(objectText: string, key: string): string | undefined {
  const value = topLevelProperties(objectText).get(key);
  return value === undefined ? undefined : stringLiteralValue(value);
}

/** The argument text of every call `name(…)` in the source, in order; a call inside another's arguments is part of that one. */
export function callArguments(source: string, name: string): string[] {
  const found: string[] = [];
  let inside = -1; // end of the last call found: `f(f(f(…)))` is one call, read once, not once per level
  for (const match of source.matchAll(new RegExp(`(?<![\\w$])${name.replace(/[.$]/g, '\\$&')}\\s*\\(`, 'g'))) {
    if (match.index < inside) continue;
    const open = match.index + match[0].length - 1;
    const close = matchingBracket(source, open);
    if (close === -1) continue;
    found.push(source.slice(open + 1, close));
    inside = close;
  }
  return found;
}

/**
 * The index of the bracket closing the one at `open` (`{`, `[` or `(`), skipping strings; -1 if none.
 * A scan also settles every bracket it opens on the way (a scan from one of them would see the same
 * text), and those answers are kept: `glob(glob(glob(…` unclosed costs one scan, not one per call.
 */
export function matchingBracket(source: string, open: number): number {
  let known = bracketMemo.get(source);
  if (!known) {
    if (bracketMemo.size >= 8) bracketMemo.clear();
    bracketMemo.set(source, (known = new Map()));
  }
  const cached = known.get(open);
  if (cached !== undefined) return cached;
  const closers: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: number[] = []; // positions of the open brackets
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'" || ch === '`') i = stringEnd(source, i);
    else if (closers[ch]) stack.push(i);
    else if (stack.length > 0 && ch === closers[source[stack[stack.length - 1]!]!]) {
      known.set(stack.pop()!, i);
      if (stack.length === 0) return i;
    }
  }
  for (const unclosed of stack) known.set(unclosed, -1);
  return -1;
}

/** Answers of `matchingBracket` for the few sources being read (a config and the slices it is cut into). */
const bracketMemo = new Map<string, Map<number, number>>();

/** What the entries of an object literal spread (`...redirects` → `redirects`), as written. */
export function spreadEntries(objectText: string): string[] {
  const body = objectText.trim().replace(/^\{/, '').replace(/\}$/, '');
  return splitTopLevel(body).flatMap((entry) => (entry.startsWith('...') ? [entry.slice(3).trim()] : []));
}

/** Splits at commas that are not inside brackets or strings. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') i = stringEnd(text, i);
    else if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if (quote !== '`' && text[i] === '\n') return i;
    else if (quote === '`' && text[i] === '$' && text[i + 1] === '{') i = substitutionEnd(text, i + 1);
  }
  return text.length;
}

/**
 * The `}` that closes a template literal's `${` at `open`, past the strings and braces inside: a template inside it
 * (kuizuo/blog's config writes `innerHTML: \`…${(function () { console.log(\`%c https://kuizuo.cn\`) })}…\``).
 */
function substitutionEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') i = stringEnd(text, i);
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * The source with `//` and `/* *\/` comments blanked out (same length; strings and regular
 * expression literals kept), so that settings in comments are not taken for real ones.
 */
export function withoutComments(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let previous = ''; // last significant character, to tell a regex `/` from a division
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '"' || ch === "'" || ch === '`') {
      i = stringEnd(source, i);
      previous = ch;
    } else if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      blank(i, end === -1 ? source.length : end);
      i = end === -1 ? source.length : end - 1;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      blank(i, end === -1 ? source.length : end + 2);
      i = end === -1 ? source.length : end + 1;
    } else if (ch === '/' && (previous === '' || /[(,=:[!&|?{};]/.test(previous))) {
      i = regexEnd(source, i);
      previous = '/';
    } else if (!/\s/.test(ch)) previous = ch;
  }
  return out.join('');
}

function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '\n') return i;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return i;
  }
  return text.length;
}

/** The object literal a variable of the config is declared with (`const docsOptions: Options = {…}`), if it is one. */
export function declaredObject(source: string, name: string): string | undefined {
  const declared = new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*\\{`).exec(source);
  if (!declared) return undefined;
  const open = declared.index + declared[0].length - 1;
  const close = matchingBracket(source, open);
  return close === -1 ? undefined : source.slice(open, close + 1);
}
