import { scanTemplateTag, type TemplateTag } from './templateSyntax';
import { isImagePath } from '../text/fileKinds';
import type { GeneratorId } from './dialect';
import type { GuessedImageText } from './frontmatterImages';
import { msg, type Message } from '../l10n/message';
import { withoutHtmlComments } from '../text/htmlComments';

/** An argument of a shortcode or Liquid tag that names an image; `guess` unless the tag is known. */
export type TemplateImageArgument = Omit<GuessedImageText, 'guess'> & {
  readonly guess?: Message;
  /** Where its tag starts, and whether code there turns the tag's output into text (all but `{{< >}}`). */
  readonly tagStart: number;
  readonly hiddenInCode: boolean;
  /** The shortcode's or tag's name. */
  readonly tag: string;
  /** For an `{% include file param=… %}` argument: the include and the parameter it is passed as. */
  readonly include?: { readonly file: string; readonly parameter: string };
};

// Tags of plugins that look images up in folders of their own, not where the site serves files:
// jekyll-assets (`asset`, `asset_path`, `img`), jekyll-picture-tag (`picture`, from its source folder),
// eleventy-img (`image`, from the project root). Guessing for them would report files that exist.
// `include_relative` reads a file (an SVG, say) next to the page rather than linking an image.
const ownLookupTags = new Set(['asset', 'asset_path', 'asset_url', 'img', 'image', 'picture', 'include_relative']);

/**
 * Image paths in Hugo shortcodes (`{{< figure src="/x.png" >}}`, `{{< myimg "/x.png" >}}`) and Liquid
 * tags (`{% lightbox_img /images/x.png caption %}`), with offsets into the body. Both run before
 * Markdown, in code too, but only `{{< >}}` output is HTML there: hugo 0.111 puts it in a fenced code
 * block as raw HTML (an `<img>` the browser loads), while Liquid's output (jekyll 4.3) and `{{% %}}`
 * output become Markdown, shown as code text: `hiddenInCode` says so; `{% raw %}` hides Liquid. The
 * `src` of Hugo's own `figure` is an image path by definition; any other argument ending in an image
 * extension is a guess.
 */
export function findTemplateImages(body: string, generator: GeneratorId | undefined): TemplateImageArgument[] {
  const shortcodes = generator === undefined || generator === 'hugo' || generator === 'markdown';
  const liquid = generator === undefined || generator === 'jekyll' || generator === 'eleventy';
  const found: TemplateImageArgument[] = [];
  // A tag inside an HTML comment still runs, but what it writes is commented out: no page shows its image
  // (keptn.sh's old `<!-- … {{< popup_image link="./assets/bridge_eap.png" >}} … -->`, checked with hugo 0.111.3).
  const uncommented = withoutHtmlComments(body);
  for (const tag of templateTags(body, { shortcodes, liquid })) {
    if (uncommented !== body && uncommented[tag.start] !== body[tag.start]) continue;
    if ((tag.kind === 'shortcode' && shortcodes) || (tag.kind === 'liquid-tag' && liquid && !ownLookupTags.has(tag.name))) found.push(...imageArguments(body, tag));
  }
  return found;
}

/**
 * The shortcodes and Liquid tags of a body in order, as the generator runs them: in code too, but not
 * inside `{% raw %}` or `{% comment %}` (escaped shortcodes come with a kind of their own).
 * Also used for template links (links/templateLinks.ts).
 */
export function* templateTags(body: string, { shortcodes, liquid }: { shortcodes: boolean; liquid: boolean }): Generator<TemplateTag> {
  if (!(shortcodes && body.includes('{{')) && !(liquid && body.includes('{%'))) return;
  for (let pos = body.indexOf('{'); pos !== -1; pos = body.indexOf('{', pos + 1)) {
    const tag = scanTemplateTag(body, pos, body.length, 'shortcodes-and-liquid');
    if (!tag) continue;
    pos = tag.end - 1;
    if (tag.kind === 'liquid-tag' && (tag.name === 'raw' || tag.name === 'comment')) {
      const close = new RegExp(`\\{%-?\\s*end${tag.name}\\s*-?%\\}`, 'g');
      close.lastIndex = tag.end;
      if (!close.exec(body)) return;
      pos = close.lastIndex - 1;
      continue;
    }
    yield tag;
  }
}

/** `name="v"`, `name='v'`, `name=v`, `name: v` and positional `"v"`, `v`: the value and where it starts. */
const argument = /(?:([\w-]+)\s*[=:]\s*)?(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`]*)`|([^\s"'`,=|]+))/g;

/** One argument of a shortcode or Liquid tag: its name if named, its value as written (without quotes) and where that starts in the body. */
export interface TagArgument {
  readonly name: string | undefined;
  readonly value: string;
  readonly start: number;
  /** The quote it is written in, if any (`"`, `'` or a backtick). */
  readonly quote: string | undefined;
}

/** The arguments after a tag's name, in order. */
export function tagArguments(body: string, tag: TemplateTag): TagArgument[] {
  const innerStart = body.indexOf(tag.inner, tag.start);
  const afterName = tag.inner.indexOf(tag.name) + tag.name.length;
  const found: TagArgument[] = [];
  for (const match of tag.inner.slice(afterName).matchAll(argument)) {
    const value = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    const quote = match[5] === undefined ? match[0][match[0].length - 1] : undefined;
    const start = innerStart + afterName + match.index + match[0].length - value.length - (quote ? 1 : 0);
    found.push({ name: match[1], value, start, quote });
  }
  return found;
}

function imageArguments(body: string, tag: TemplateTag): TemplateImageArgument[] {
  if (tag.name === '' || tag.name.startsWith('/')) return [];
  const at = { tagStart: tag.start, hiddenInCode: !body.startsWith('{{<', tag.start), tag: tag.name };
  const found: TemplateImageArgument[] = [];
  // `{% include file %}` and `{% render file %}` name a template in _includes/ (Jekyll, Eleventy), even an
  // SVG to inline; their named parameters may still be image paths.
  const skipFirst = tag.kind === 'liquid-tag' && (tag.name === 'include' || tag.name === 'render');
  const args = tagArguments(body, tag);
  const includeFile = skipFirst ? args[0]?.value : undefined;
  // A parameter given twice takes its last value (Jekyll's Include#parse_params fills a hash): the first is never used.
  const lastOfName = new Map(args.map((argument, index) => [argument.name, index] as const));
  for (const [index, { name, value, start }] of args.entries()) {
    if (skipFirst && index === 0) continue;
    if (skipFirst && name !== undefined && lastOfName.get(name) !== index) continue;
    const known = tag.kind === 'shortcode' && tag.name === 'figure' && name?.toLowerCase() === 'src';
    if (known) found.push({ raw: value, start, ...at });
    else if (!/\s/.test(value) && isImagePath(value.replace(/[?#].*$/, ''))) {
      const include = includeFile !== undefined && name !== undefined ? { include: { file: includeFile, parameter: name } } : {};
      found.push({ raw: value, start, ...at, ...include, guess: tag.kind === 'shortcode' ? msg('in shortcode `{0}`; Postcraft guesses this argument is an image path', tag.name) : msg('in Liquid tag `{0}`; Postcraft guesses this argument is an image path', tag.name) });
    }
  }
  return found;
}
