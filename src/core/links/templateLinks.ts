import { tagArguments, templateTags } from '../post/templateImages';
import type { GeneratorId } from '../post/dialect';
import type { LinkForm } from './model';

/** A link written as a template: Hugo's `ref`/`relref` shortcodes, Jekyll's `post_url`/`link` tags. Offsets into the body. */
export interface TemplateLink {
  readonly form: Extract<LinkForm, 'hugo-ref' | 'hugo-relref' | 'jekyll-post_url' | 'jekyll-link'>;
  /** The argument as written, without its quotes. */
  readonly raw: string;
  readonly start: number;
  /** The argument as the generator reads it (Hugo unescapes `\"` in a quoted argument). */
  readonly value: string;
  /** Hugo's `lang` and `outputFormat` (named, or a second positional argument for the output format). */
  readonly options?: Readonly<Record<string, string>>;
  /**
   * A `#fragment` written right after the tag, as in `[t]({% post_url x %}#sec)`: the generator puts the
   * URL in its place, so the fragment follows it. `start` is where the text after `#` starts.
   */
  readonly fragmentAfter?: { readonly start: number; readonly text: string };
}

const fragmentAfterTag = /#([^\s)"'<>\]]*)/y;

/**
 * The template links of a body, in order: for Hugo `{{< ref >}}`, `{{< relref >}}` (and `{{% %}}`), for
 * Jekyll `{% post_url %}` and `{% link %}`. Both run before Markdown, in code blocks and code spans too,
 * and fail the build on a page they cannot find there as anywhere (hugo 0.111 REF_NOT_FOUND, jekyll 4.3
 * "Could not find post"), so code does not hide them; `{% raw %}`, `{% comment %}` and Hugo's commented
 * shortcodes (opened with `{{</` and a star) do.
 */
export function findTemplateLinks(body: string, generator: GeneratorId): TemplateLink[] {
  const shortcodes = generator === 'hugo';
  const liquid = generator === 'jekyll';
  if (!shortcodes && !liquid) return [];
  const found: TemplateLink[] = [];
  for (const tag of templateTags(body, { shortcodes, liquid })) {
    let link: Omit<TemplateLink, 'fragmentAfter'> | undefined;
    if (shortcodes && tag.kind === 'shortcode' && (tag.name === 'ref' || tag.name === 'relref')) link = hugoRef(body, tag);
    else if (liquid && tag.kind === 'liquid-tag' && (tag.name === 'post_url' || tag.name === 'link')) link = jekyllTag(body, tag);
    if (!link) continue;
    fragmentAfterTag.lastIndex = tag.end;
    const after = fragmentAfterTag.exec(body);
    found.push(after ? { ...link, fragmentAfter: { start: tag.end + 1, text: after[1]! } } : link);
  }
  return found;
}

/**
 * Hugo's ref shortcodes pass their parameters to `ref`/`relref`: positional ones as the path and the
 * output format, named ones by key (`path`, `lang`, `outputFormat`, in any letter case).
 */
function hugoRef(body: string, tag: Parameters<typeof tagArguments>[1]): Omit<TemplateLink, 'fragmentAfter'> | undefined {
  const form = tag.name === 'ref' ? 'hugo-ref' : 'hugo-relref';
  let path: { raw: string; start: number; value: string } | undefined;
  const options: Record<string, string> = {};
  let positional = 0;
  for (const { name, value, start, quote } of tagArguments(body, tag)) {
    const key = name?.toLowerCase() ?? (positional++ === 0 ? 'path' : 'outputformat');
    const read = quote === '"' ? value.replace(/\\(.)/g, '$1') : value;
    if (key === 'path') path = { raw: value, start, value: read };
    else if (key === 'lang') options['lang'] = read;
    else if (key === 'outputformat') options['outputFormat'] = read;
  }
  if (!path) return undefined;
  return Object.keys(options).length > 0 ? { form, ...path, options } : { form, ...path };
}

/** Jekyll reads the whole markup of `post_url` and `link` (trimmed) as the name or path: quotes would be part of it. */
function jekyllTag(body: string, tag: Parameters<typeof tagArguments>[1]): Omit<TemplateLink, 'fragmentAfter'> | undefined {
  const innerStart = body.indexOf(tag.inner, tag.start);
  const afterName = tag.inner.indexOf(tag.name) + tag.name.length;
  const markup = tag.inner.slice(afterName);
  const raw = markup.trim();
  // `{% link {{ page.other }} %}`: the path is a variable's value.
  if (raw === '' || raw.includes('{{') || raw.includes('{%')) return undefined;
  return { form: tag.name === 'post_url' ? 'jekyll-post_url' : 'jekyll-link', raw, start: innerStart + afterName + markup.indexOf(raw), value: raw };
}
