import { callArguments, matchingBracket, splitTopLevel, stringLiteralValue } from './jsConfig';
import { escapeRegExp } from '../../text/regExp';

// How a config registers a shortcode or tag (universal, Liquid's, Nunjucks', paired, async).
const registrations = [
  'addShortcode', 'addPairedShortcode', 'addAsyncShortcode', 'addPairedAsyncShortcode',
  'addLiquidShortcode', 'addPairedLiquidShortcode', 'addNunjucksShortcode', 'addPairedNunjucksShortcode',
  'addNunjucksAsyncShortcode', 'addPairedNunjucksAsyncShortcode', 'addLiquidTag', 'addNunjucksTag',
];

// An id attribute or property, a heading element, or another file rendered into the page. Markdown a handler renders
// from its inner text (zachleat.com's `{% markdown %}`) has the headings that text shows.
const writesIds = /\bid\s*[=:]|\.id\s*=|<h[1-6][\s>]|setAttribute\(\s*['"`]id\b|\brenderFile\b|readFileSync|readFile\b/i;

/**
 * The site's shortcodes and tags whose handlers may write ids or headings into a page (sass-lang.com's
 * `{% function %}` writes `id="adjust"`), from `source`, the config and its own modules. A handler named but
 * defined nowhere in them (a package's) may write any.
 */
export function shortcodesWritingIds(source: string): Set<string> {
  const names = new Set<string>();
  for (const registration of registrations) {
    for (const args of callArguments(source, registration)) {
      const [nameArgument, handler = ''] = splitTopLevel(args);
      const name = nameArgument === undefined ? undefined : stringLiteralValue(nameArgument);
      if (name === undefined) continue;
      const code = /^[\w$]+$/.test(handler) ? definitionOf(source, handler) : handler;
      if (code === undefined || writesIds.test(code)) names.add(name);
    }
  }
  return names;
}

/** The text of the function or constant `name` defines in `source` (`function name(…) {…}`, `const name = (…) => {…}`). */
function definitionOf(source: string, name: string): string | undefined {
  const start = new RegExp(`(?:\\bfunction\\s*\\*?\\s*${escapeRegExp(name)}\\s*\\(|\\b(?:const|let|var)\\s+${escapeRegExp(name)}\\s*=)`).exec(source);
  if (!start) return undefined;
  const open = source.indexOf('{', start.index);
  const statementEnd = source.indexOf(';', start.index);
  if (open !== -1 && (statementEnd === -1 || open < statementEnd)) {
    const close = matchingBracket(source, open);
    return source.slice(start.index, close === -1 ? undefined : close + 1);
  }
  return source.slice(start.index, statementEnd === -1 ? start.index + 2000 : statementEnd);
}
