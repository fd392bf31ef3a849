/**
 * Arbitraries for the property and fuzz tests: valid posts built from a site's own vocabulary (so that
 * checks and quick fixes have something to find), hostile mutations of them, raw bytes in every
 * encoding a repository may hold, and the stress shapes (deep nesting, 10k keys, long lines, alias
 * bombs) that break parsers.
 */
import fc from 'fast-check';
import type { SiteVocabulary } from './sites';

export type Format = 'yaml' | 'toml' | 'json';
type Quote = 'plain' | 'single' | 'double';

export type Value =
  | { readonly kind: 'text'; readonly text: string; readonly quote: Quote }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly quote: Quote; readonly flow: boolean }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'map'; readonly key: string; readonly text: string };

export interface Entry {
  readonly key: string;
  readonly value: Value;
}

/** A post as data: rendered by `renderPost` into valid frontmatter of its format and a Markdown body. */
export interface PostModel {
  readonly format: Format;
  /** JSON on one line: `{"title": "x", "tags": []}`. */
  readonly compact: boolean;
  readonly eol: '\n' | '\r\n';
  readonly entries: readonly Entry[];
  readonly body: readonly string[];
}

// ---------------------------------------------------------------------------------------------------
// Values

/** Words a plain YAML scalar, a TOML string and a JSON string all take as they are. */
const safeWord = fc.stringMatching(/^[a-z][a-z0-9]{1,11}$/);
const titleText = fc.array(fc.stringMatching(/^[A-Za-z][a-z0-9]{0,8}$/), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

/** One edit that keeps a word readable as a typo of it: swap, drop, double, case, plural, separator. */
export function typoOf(word: string): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.constantFrom('swap', 'drop', 'double', 'upper', 'plural', 'dash')).map(([at, kind]) => {
    const i = word.length > 1 ? at % (word.length - 1) : 0;
    switch (kind) {
      case 'swap':
        return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
      case 'drop':
        return word.slice(0, i) + word.slice(i + 1);
      case 'double':
        return word.slice(0, i) + word.charAt(i) + word.slice(i);
      case 'upper':
        return word.charAt(0).toUpperCase() + word.slice(1);
      case 'plural':
        return `${word}s`;
      default:
        return word.includes('-') ? word.replace('-', '_') : `${word.slice(0, i)}-${word.slice(i)}`;
    }
  });
}

function pick<T>(items: readonly T[], fallback: T): fc.Arbitrary<T> {
  return items.length > 0 ? fc.constantFrom(...items) : fc.constant(fallback);
}

const validDate = fc.tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean()).map(([y, m, d, time]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${time ? 'T10:30:00Z' : ''}`);
/** Dates a writer types and generators cannot read; some of them a quick fix can rewrite. */
const badDate = fc.oneof(
  fc.tuple(fc.constantFrom('January', 'March', 'Sept', 'December'), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 2000, max: 2030 }), fc.constantFrom('st', 'nd', 'th', '')).map(([m, d, y, suffix]) => `${m} ${d}${suffix}, ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 2000, max: 2030 })).map(([m, d, y]) => `${m}/${d}/${y}`),
  fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 35 })).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.constantFrom('yesterday', '2024-02-30', 'tbd'),
);

function listValue(items: fc.Arbitrary<string>, maxLength = 5): fc.Arbitrary<Value> {
  return fc.record({ kind: fc.constant('list' as const), items: fc.array(items, { maxLength }), quote: fc.constantFrom<Quote>('plain', 'single', 'double'), flow: fc.boolean() });
}

function textValue(text: fc.Arbitrary<string>): fc.Arbitrary<Value> {
  return fc.record({ kind: fc.constant('text' as const), text, quote: fc.constantFrom<Quote>('plain', 'single', 'double') });
}

/**
 * A valid post for a site, with the mistakes its checks exist for planted at random: tags that are
 * typos of the site's tags, unknown and misspelled authors, unreadable dates, duplicate keys, a missing
 * title, images that are missing or differ in letter case.
 */
export function validPost(vocabulary: SiteVocabulary): fc.Arbitrary<PostModel> {
  const tagKey = pick(vocabulary.tagKeys, 'tags');
  const authorKey = pick(vocabulary.authorKeys.filter((key) => /^[a-z_]+$/i.test(key)), 'authors');
  const knownTag = pick(vocabulary.tags.filter((tag) => /^[a-z][a-z0-9-]*$/.test(tag)), 'kubernetes');
  const tag = fc.oneof(knownTag, knownTag.chain(typoOf), safeWord);
  const knownAuthor = pick(vocabulary.authors.filter((id) => /^[a-z][a-z0-9_-]*$/i.test(id)), 'jane-doe');
  const author = fc.oneof(knownAuthor, knownAuthor.chain(typoOf), safeWord);
  const image = pick(vocabulary.images.filter((path) => /^[\w./-]+$/.test(path)), 'img/missing.png');
  const imageRef = fc.oneof(image, image.map((path) => path.replace(/[a-z](?=[^/]*$)/, (ch) => ch.toUpperCase())), image.map((path) => path.replace(/\.(\w+)$/, '-old.$1')), safeWord.map((name) => `img/${name}.png`));
  const imageKey = pick(vocabulary.imageFields.filter((key) => /^[a-z_]+$/i.test(key)), 'image');

  const optional = (key: string | fc.Arbitrary<string>, value: fc.Arbitrary<Value>) =>
    fc.option(fc.record({ key: typeof key === 'string' ? fc.constant(key) : key, value }), { nil: undefined });
  const entries = fc
    .tuple(
      optional('title', textValue(titleText)),
      optional('date', textValue(fc.oneof(validDate, badDate))),
      optional(tagKey, fc.oneof(listValue(tag), textValue(tag))),
      optional(authorKey, fc.oneof(listValue(author, 3), textValue(author))),
      optional(imageKey, textValue(imageRef)),
      optional('draft', fc.boolean().map((value): Value => ({ kind: 'bool', value }))),
      optional('weight', fc.integer({ min: 0, max: 100 }).map((value): Value => ({ kind: 'number', value }))),
      optional(safeWord.filter((key) => !['title', 'date', 'draft', 'weight', 'tags', 'authors', 'author', 'cover'].includes(key)), textValue(titleText)),
      optional('cover', imageRef.map((text): Value => ({ kind: 'map', key: 'image', text }))),
    )
    .map((found) => found.filter((entry): entry is Entry => entry !== undefined));
  return fc
    .record({
      format: fc.constantFrom<Format>('yaml', 'yaml', 'toml', 'json'),
      compact: fc.boolean(),
      eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
      entries,
      duplicates: fc.array(fc.nat(), { maxLength: 2 }),
      order: fc.nat(),
      body: markdownBody(imageRef),
    })
    .map(({ format, compact, eol, entries, duplicates, order, body }) => {
      // A table ends TOML's top level, so the map goes last; a duplicate repeats an earlier key.
      const plain = entries.filter((entry) => entry.value.kind !== 'map');
      const maps = entries.filter((entry) => entry.value.kind === 'map');
      const rotated = plain.length > 0 ? [...plain.slice(order % plain.length), ...plain.slice(0, order % plain.length)] : plain;
      const repeated = plain.length > 0 ? duplicates.map((index) => plain[index % plain.length]!) : [];
      return { format, compact, eol, entries: [...rotated, ...repeated, ...maps], body };
    });
}

/** Markdown around the images: headings, paragraphs, fences, code spans, HTML, shortcodes, imports. */
function markdownBody(imageRef: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const line = fc.oneof(
    titleText.map((text) => `# ${text}`),
    titleText,
    imageRef.map((path) => `![alt text](${path})`),
    imageRef.map((path) => `![alt](${path} "A title")`),
    imageRef.map((path) => `<img src="${path}" alt="x">`),
    imageRef.map((path) => `{{< figure src="${path}" >}}`),
    imageRef.map((path) => `import pic from './${path.replace(/^\//, '')}';`),
    imageRef.map((path) => `![ref][logo]\n\n[logo]: ${path}`),
    imageRef.map((path) => `\`![in a span](${path})\``),
    imageRef.map((path) => `\`\`\`md\n![in a fence](${path})\n\`\`\``),
    fc.constant(''),
  );
  return fc.array(line, { maxLength: 8 });
}

// ---------------------------------------------------------------------------------------------------
// Rendering a model

function quoteFor(format: Format, quote: Quote, text: string): string {
  if (format === 'json') return JSON.stringify(text);
  if (format === 'toml') return quote === 'single' && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
  if (quote === 'plain' && /^[A-Za-z][\w ./-]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(text) && !/:\s|\s#/.test(text)) return text;
  if (quote === 'single') return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

function renderValue(format: Format, value: Value, eol: string): string {
  switch (value.kind) {
    case 'text':
      return quoteFor(format, value.quote, value.text);
    case 'number':
    case 'bool':
      return String(value.value);
    case 'list':
      if (format === 'yaml' && !value.flow && value.items.length > 0) return value.items.map((item) => `${eol}  - ${quoteFor(format, value.quote, item)}`).join('');
      return `[${value.items.map((item) => quoteFor(format, value.quote, item)).join(', ')}]`;
    case 'map':
      if (format === 'yaml') return `${eol}  ${value.key}: ${quoteFor(format, 'double', value.text)}`;
      if (format === 'json') return `{"${value.key}": ${JSON.stringify(value.text)}}`;
      return ''; // TOML: a table, rendered by renderPost
  }
}

/** The post's text: frontmatter in its format (valid, but for planted duplicates) and the body. */
export function renderPost(model: PostModel): string {
  const { format, eol } = model;
  const body = model.body.join(eol).replace(/\n/g, eol).replace(/\r\r\n/g, '\r\n');
  if (format === 'json') {
    const members = model.entries.map((entry) => `${JSON.stringify(entry.key)}: ${renderValue(format, entry.value, eol)}`);
    if (model.compact) return `{${members.join(', ')}}${eol}${eol}${body}`;
    return `{${eol}${members.map((member) => `  ${member}`).join(`,${eol}`)}${eol}}${eol}${eol}${body}`;
  }
  const delimiter = format === 'yaml' ? '---' : '+++';
  const lines = model.entries.map((entry) => {
    if (format === 'toml' && entry.value.kind === 'map') return `[${entry.key}]${eol}${entry.value.key} = ${JSON.stringify(entry.value.text)}`;
    const separator = format === 'yaml' ? ':' : ' =';
    const rendered = renderValue(format, entry.value, eol);
    return `${entry.key}${separator}${rendered.startsWith(eol) ? '' : ' '}${rendered}`;
  });
  return `${delimiter}${eol}${lines.map((line) => `${line}${eol}`).join('')}${delimiter}${eol}${eol}${body}`;
}

// ---------------------------------------------------------------------------------------------------
// Hostile text

/** Tokens that break parsers and scanners when dropped anywhere. */
const nastyTokens = [
  "'", '"', '`', '```', '~~~', '\t', '\0', '\r', '\r\n', '\n', '\u2028', '\uFEFF', '\uD800', '\uDFFF', '😀', 'é', '\u0301', '---', '+++', '...', '{', '}', '[', ']', '(', ')', ':', ': ', '- ', '? ', '#', '&a ', '*a', '<<: *a', '!!binary ', '!!js/function ', '|', '>-', '%YAML 1.1', '\\', '\\u', '=', ',', '![', '](', '![x](', '<img src="', '<img ', '{{<', '{{%', '>}}', '[x]: ', 'import x from "', 'require(', '../../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\a.png', 'file:///etc/passwd', '//evil.example/a.png', '%2e%2e/%2e%2e/a.png', '%', '%%', 'tags: [', 'authors:\n  - ', 'date: ', 'title: ', '"""', "'''", 'key = ', '[table]', '[[array]]',
];

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly token: string; readonly times: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'line-endings'; readonly to: '\r\n' | '\r' | '\n' }
  | { readonly kind: 'long-line'; readonly at: number; readonly unit: string; readonly times: number }
  | { readonly kind: 'nest'; readonly at: number; readonly open: string; readonly depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nastyTokens) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('line-endings' as const), to: fc.constantFrom<'\r\n' | '\r' | '\n'>('\r\n', '\r', '\n') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-line' as const), at: fc.nat(), unit: fc.constantFrom('a', ' ', '![', '[', '`', '<img ', '{{<', 'x: ', '\t', '🙂', "'", '"', '\\'), times: fc.integer({ min: 100, max: 20_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), open: fc.constantFrom('[', '{', '- ', '  ', '[[', '{"a":'), depth: fc.integer({ min: 2, max: 3000 }) }) },
);

function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.token.repeat(m.times) + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'duplicate':
      return text.slice(0, at(m.at) + m.length) + text.slice(at(m.at), at(m.at) + m.length) + text.slice(at(m.at) + m.length);
    case 'line-endings':
      return text.replace(/\r\n|\r|\n/g, m.to);
    case 'long-line':
      return text.slice(0, at(m.at)) + m.unit.repeat(m.times) + text.slice(at(m.at));
    case 'nest': {
      const opening = m.open === '  ' || m.open === '- ' ? Array.from({ length: Math.min(m.depth, 300) }, (_, i) => `${' '.repeat(i)}${m.open === '- ' ? '- ' : `k${i}:`}`).join('\n') : m.open.repeat(m.depth);
      return text.slice(0, at(m.at)) + opening + text.slice(at(m.at));
    }
  }
}

/** A valid post with one to six hostile edits anywhere: truncation, stray quotes, NULs, nesting, … */
export function mutatedPost(vocabulary: SiteVocabulary): fc.Arbitrary<string> {
  return fc.tuple(validPost(vocabulary).map(renderPost), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, mutations]) => mutations.reduce(applyMutation, text));
}

/** Shapes that stress parsers and scanners by size rather than by content. */
export const stressPost: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1_000, max: 10_000 }).map((n) => `---\n${Array.from({ length: n }, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\nbody`),
  fc.integer({ min: 100, max: 5_000 }).map((n) => `---\n${Array.from({ length: n }, () => 'title: again').join('\n')}\n---\n`),
  fc.integer({ min: 100, max: 5_000 }).map((n) => `+++\n${Array.from({ length: n }, (_, i) => `k${i % 50} = ${i}`).join('\n')}\n+++\n`),
  fc.integer({ min: 100, max: 5_000 }).map((n) => `{\n${Array.from({ length: n }, (_, i) => `"k${i % 50}": ${i}`).join(',\n')}\n}\n`),
  fc.tuple(fc.constantFrom('[', '{', '[[', '{"a":', '- ', '? '), fc.integer({ min: 50, max: 20_000 }), fc.constantFrom('---\na: ', '+++\na = ', '', '---\n')).map(([open, depth, prefix]) => `${prefix}${open.repeat(depth)}\n---\n`),
  fc.integer({ min: 90, max: 400 }).map((depth) => `---\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n`),
  fc.integer({ min: 2, max: 12 }).map((levels) => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < levels; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    return `---\n${lines.join('\n')}\n---\n`;
  }),
  fc.tuple(fc.constantFrom('a', '![', '![[a]', '<img ', '{{<x ', '`', '```', 'import ', '[', '\\', ' ', '![a](', '](', 'tags: [', '"'), fc.integer({ min: 1_000, max: 100_000 })).map(([unit, n]) => `---\ntitle: long\n---\n${unit.repeat(n)}`),
  fc.tuple(fc.constantFrom('a', '"', "'", '[', '{', ' ', '\\'), fc.integer({ min: 1_000, max: 100_000 })).map(([unit, n]) => `---\ntitle: ${unit.repeat(n)}\n---\n`),
  fc.integer({ min: 100, max: 3_000 }).map((n) => `---\ntitle: images\n---\n${Array.from({ length: n }, (_, i) => `![i](img/${i % 7 === 0 ? '../../../../etc/' : ''}pic-${i}.png)`).join('\n')}`),
  fc.integer({ min: 100, max: 3_000 }).map((n) => `---\ntags: [${Array.from({ length: n }, (_, i) => `tag${i}`).join(', ')}]\nauthors: [${Array.from({ length: Math.min(n, 500) }, (_, i) => `someone-${i}`).join(', ')}]\n---\n`),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `---\nx: [a,\nb]\n${'a: ["]"\n'.repeat(n)}---\n`),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => `---\ntitle: x\n---\n${Array.from({ length: n }, (_, i) => '`'.repeat((i % 40) + 1)).join('a')}`),
);

/** Any text a post could hold: valid, mutated, random (any UTF-16, lone surrogates too), or a stress shape. */
export function anyPostText(vocabulary: SiteVocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validPost(vocabulary).map(renderPost) },
    { weight: 8, arbitrary: mutatedPost(vocabulary) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('---\n', '+++\n', '{', '---\r\n', '\uFEFF---\n'), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('\n---\n', '\n+++\n', '}', '', '\n...\n'), fc.string({ unit: 'grapheme', maxLength: 200 })).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: stressPost },
  );
}

// ---------------------------------------------------------------------------------------------------
// Bytes on disk

const invalidUtf8 = [[0xff], [0xfe], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0x80], [0xf4, 0x90, 0x80, 0x80]];

function encode(text: string, encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  if (encoding === 'utf8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + i * 2] = encoding === 'utf16le' ? unit & 0xff : unit >> 8;
    bytes[3 + i * 2] = encoding === 'utf16le' ? unit >> 8 : unit & 0xff;
  }
  return bytes;
}

/** A post's bytes as a repository may hold them: UTF-8 with or without BOM, UTF-16 with BOM, broken sequences, NULs, odd lengths. */
export function postBytes(vocabulary: SiteVocabulary): fc.Arbitrary<Uint8Array> {
  const damage = fc.array(fc.record({ at: fc.nat(), bytes: fc.oneof(fc.constantFrom(...invalidUtf8), fc.constant([0]), fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 4 })) }), { maxLength: 3 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(anyPostText(vocabulary), fc.constantFrom<'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be'>('utf8', 'utf8', 'utf8-bom', 'utf16le', 'utf16be'), damage, fc.boolean()).map(([text, encoding, hits, dropLast]) => {
      let bytes = encode(text, encoding);
      for (const hit of hits) {
        const at = hit.at % (bytes.length + 1);
        bytes = new Uint8Array([...bytes.subarray(0, at), ...hit.bytes, ...bytes.subarray(at)]);
      }
      return dropLast && bytes.length > 0 ? bytes.subarray(0, bytes.length - 1) : bytes;
    }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
  );
}

// ---------------------------------------------------------------------------------------------------
// Paths that try to leave the site

/** Image references that climb out, name other drives, shares and schemes, or hide `..` in encodings. */
export const escapingReference: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '/', './', '../'.repeat(12), '../../', '/../../../../', '..\\..\\..\\', 'C:\\', 'c:/', 'D:', '\\\\server\\share\\', '//server/share/', 'file://', 'file:///', 'file:', '%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/', '..%2f..%2f..%2f..%2f', '.%2e/.%2e/.%2e/.%2e/.%2e/', '~/', '@site/../../../../', '@/../../../', '/static/../../../../', 'static/../../../../../'),
    fc.constantFrom('etc/passwd', 'etc/hosts.png', 'Users/me/.ssh/id_rsa', 'secret/outside.png', 'img/logo.png', 'windows/win.ini', ''),
    fc.constantFrom('', '?x=1', '#frag', '%00.png'),
  )
  .map(([prefix, target, suffix]) => `${prefix}${target}${suffix}`);
