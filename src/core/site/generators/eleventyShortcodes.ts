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
  for (const [name, code] of registeredHandlers(source).handlers) if (code === undefined || writesIds.test(code)) names.add(name);
  return names;
}

/**
 * Each shortcode the config registers by a literal name, with its handler's code: written in the call, or the function or
 * constant the call names (undefined where `source` defines none: a package's). `computedNames`: some are registered under
 * a name the config computes.
 */
function registeredHandlers(source: string): { handlers: Map<string, string | undefined>; computedNames: boolean } {
  const handlers = new Map<string, string | undefined>();
  let computedNames = false;
  for (const registration of registrations) {
    for (const args of callArguments(source, registration)) {
      const [nameArgument, handler = ''] = splitTopLevel(args);
      const name = nameArgument === undefined ? undefined : stringLiteralValue(nameArgument);
      if (name === undefined) computedNames = true;
      else handlers.set(name, /^[\w$]+$/.test(handler) ? definitionOf(source, handler) : handler);
    }
  }
  return { handlers, computedNames };
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

/**
 * The site's shortcodes whose handlers put their arguments into an address on another host (sia.codes' `{% src 'x.jpg' %}`
 * returns a Cloudinary URL made of `https://res.cloudinary.com/…` and the file name): an image file name given to one
 * names no file of the site. A handler counts when its code, with the functions and constants of `source` it names
 * (three calls deep), writes an `http(s)://` address. Handlers registered under names the config computes
 * (`Object.keys(shortcodes).forEach((name) => addShortcode(name, shortcodes[name]))`) are the object's functions.
 */
export function shortcodesOfRemoteImages(source: string): Set<string> {
  const { handlers, computedNames } = registeredHandlers(source);
  if (computedNames) {
    for (const match of source.matchAll(/(?<=[{,]\s*)([A-Za-z_$][\w$]*)\s*:\s*(?:async\s*)?(?:\([^()]*\)|[\w$]+)\s*=>\s*/g)) {
      if (handlers.has(match[1]!)) continue;
      const bodyStart = match.index + match[0].length;
      const bodyEnd = source[bodyStart] === '{' ? matchingBracket(source, bodyStart) + 1 : source.indexOf('\n', bodyStart);
      handlers.set(match[1]!, source.slice(bodyStart, bodyEnd <= bodyStart ? undefined : bodyEnd));
    }
  }
  const remote = new Set<string>();
  // Each name's definition looked up once for all handlers: a config with many shortcodes names the same helpers.
  const definitions = new Map<string, string | undefined>();
  const definitionIn = (name: string) => {
    if (!definitions.has(name)) definitions.set(name, definitionOf(source, name));
    return definitions.get(name);
  };
  for (const [name, handler] of handlers) if (handler !== undefined && writesRemoteAddress(definitionIn, handler)) remote.add(name);
  return remote;
}

/** Whether `code`, or a function or constant it names (`definitionIn`, three levels deep), holds an `http(s)://` address. */
function writesRemoteAddress(definitionIn: (name: string) => string | undefined, code: string, depth = 0, seen = new Map<string, number>()): boolean {
  if (/["'`]https?:\/\//.test(code)) return true;
  if (depth >= 3) return false;
  for (const [name] of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*(?![\w$])/g)) {
    // A name met deeper first (sia.codes' getSrc, through a constant's text) is followed again from nearer the handler.
    if (keywords.has(name) || (seen.get(name) ?? Infinity) <= depth + 1) continue;
    seen.set(name, depth + 1);
    const definition = definitionIn(name);
    if (definition !== undefined && writesRemoteAddress(definitionIn, definition, depth + 1, seen)) return true;
  }
  return false;
}

const keywords = new Set(['const', 'let', 'var', 'function', 'return', 'async', 'await', 'if', 'else', 'new', 'this', 'true', 'false', 'null', 'undefined', 'typeof']);

