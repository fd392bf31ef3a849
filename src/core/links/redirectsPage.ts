// A page that writes the host's `_redirects` by its permalink (Eleventy, Jekyll): Netlify reads the rules the
// page's template writes. Rules written as they stand are read like a `_redirects` file; rules the template
// makes in a loop over each page's own data (`redirectFrom`, a common Eleventy recipe) are those pages'
// aliases, which the routes read; any other made rule is unknown.

const maxRuleLength = 4096;

/** A file that may be such a page (lea.verou.me's redirects.njk, aleksandrhovhannisyan.com's redirects.liquid). */
export const redirectsPageName = /\/_?(?:netlify[-_.])?redirects?(?:\.[\w-]+)+$/i;

/**
 * The body of a page whose front matter's `permalink` is `_redirects` (written to `/_redirects`, where
 * Netlify reads it), or `undefined` for any other file.
 */
export function redirectsPageRules(source: string): string | undefined {
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!frontMatter || !/^permalink:[ \t]*(['"]?)\/?_redirects\1[ \t]*$/m.test(frontMatter[1]!)) return undefined;
  return source.slice(frontMatter[0].length);
}

export interface MadeRules {
  /** The data keys whose values a loop over the pages writes as sources: `{% for old in page.data.redirectFrom %}{{ old }} …`. */
  readonly pageDataKeys: readonly string[];
  /** A rule whose source the template makes otherwise (`{{ domain }}/*`, a filter, a value of global data). */
  readonly unknown: boolean;
}

/** What the template-made rules of a redirects page's body take (Liquid or Nunjucks). */
export function madeRules(body: string): MadeRules {
  const code = body.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{#[\s\S]*?#\}/g, '');
  const loops = new Map<string, string>();
  for (const loop of code.matchAll(/\{%-?\s*for\s+(\w+)\s+in\s+([\w.]+)/g)) loops.set(loop[1]!, loop[2]!);
  const keys = new Set<string>();
  let unknown = false;
  for (const line of code.split('\n')) {
    // A rule is a short line: a longer one is not read (the scan below would cost its length squared).
    if (line.length > maxRuleLength) {
      unknown = true;
      continue;
    }
    // The first field, a `{{ … }}` output taken whole (it holds spaces).
    const source = /(?:\{\{[^}]*\}\}|[^\s{]|\{(?!\{))+/.exec(line.replace(/\{%[\s\S]*?%\}/g, ''))?.[0] ?? '';
    if (!source.includes('{{')) continue;
    const variable = /^\{\{-?\s*(\w+)\s*-?\}\}$/.exec(source)?.[1];
    const key = variable === undefined ? undefined : /^\w+\.data\.(\w+)$/.exec(loops.get(variable) ?? '')?.[1];
    if (key === undefined) unknown = true;
    else keys.add(key);
  }
  return { pageDataKeys: [...keys], unknown };
}

/**
 * Whether a Go template that writes `_redirects` (a Hugo home layout, `index.redirects`) makes a rule's source: one
 * that an output action writes (`{{ .RelPermalink }} /x/`, in a loop over pages) is unknown. Control and assignment
 * actions write nothing, and a made target (tikv.org's `/docs/latest/* /docs/{{ $latest }}/:splat`) adds no source.
 */
export function goTemplateMakesSources(template: string): boolean {
  const code = template.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
  return code.split('\n').some((line) => {
    if (line.length > maxRuleLength) return true;
    const written = line.replace(/\{\{-?\s*(?:(?:if|else|end|range|with|define|block|break|continue)\b|\$\w*\s*:?=)[^}]*\}\}/g, '');
    return (/(?:\{\{[^}]*\}\}|[^\s{]|\{(?!\{))+/.exec(written)?.[0] ?? '').includes('{{');
  });
}
