import { escapeRegExp } from '../../../text/regExp';

/**
 * Images a Hugo site's own templates serve from another host: a param holding such an address (tomy.me's
 * `services.img = "https://img.tomy.me/blog"`, images kept on Cloudflare R2) written into an image's `src` by the image
 * render hook, or by a layout, when the page has no file of that name (`partials/tomy-picture.html`). Such an image is
 * not in the checkout, and whether the other host has it Postcraft cannot tell.
 */
export interface RemoteImageTemplates {
  /** The site's image render hook writes a Markdown image it finds no file for from another host. */
  readonly markdown: boolean;
  /** A layout writes images from another host: a frontmatter image may be one of them. */
  readonly frontmatter: boolean;
  /** The site's shortcodes (by name) that write an image they find no file for from another host (tomy.me's `figure`). */
  readonly shortcodes: ReadonlySet<string>;
}

/** A template: its path below the layouts folder (`_partials/x.html`, `_default/_markup/render-image.html`), and its code. */
export interface TemplateCode {
  readonly name: string;
  readonly code: string;
}

/** The dotted names of the params (lower case, as Hugo reads them) that hold an address on another host than the site's. */
export function remoteAddressParams(params: Readonly<Record<string, unknown>> | undefined, siteHost: string | undefined): string[] {
  const found: string[] = [];
  const visit = (value: unknown, name: string, depth: number) => {
    if (typeof value === 'string') {
      const host = /^https?:\/\/([^/?#:]+)/i.exec(value.trim())?.[1]?.toLowerCase();
      if (host !== undefined && host !== siteHost?.toLowerCase()) found.push(name);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && depth < 4) {
      for (const [key, inner] of Object.entries(value)) visit(inner, name === '' ? key.toLowerCase() : `${name}.${key.toLowerCase()}`, depth + 1);
    }
  };
  visit(params, '', 0);
  return found;
}

/**
 * Which of the site's images its templates may serve from another host: a template that writes a `src` and builds an
 * address on a remote param is a remote writer; the image hook or a shortcode is one if it is, or calls a partial that is; a layout (no hook,
 * shortcode or partial) that is or calls one may show a frontmatter image from there.
 */
export function remoteImageTemplates(templates: readonly TemplateCode[], params: readonly string[]): RemoteImageTemplates {
  if (params.length === 0) return noRemoteImages;
  // Any key a config holds, escaped (a YAML key may be `img(src)`).
  const param = `\\.Params\\.(?:${params.map(escapeRegExp).join('|')})(?![\\w.])`;
  // The param as the start of a longer address: in a `printf` of two strings or more, a path join, or an attribute that
  // goes on after it (`src="{{ site.Params.cdn }}/{{ . }}"`). Not an address of its own (falco.org's tracking pixel).
  const buildsOnParam = new RegExp(`\\bprintf\\s+"[^"]*%s[^"]*%s[^"]*"[^}]*?${param}|\\b(?:urls\\.JoinPath|path\\.Join)\\b[^}]*?${param}|\\bsrc\\s*=\\s*["']?\\{\\{-?[^}]*?${param}[^}]*\\}\\}[^"'\\s>]`, 'i');
  const writers = new Set(templates.filter(({ code }) => /\bsrc\b/i.test(code) && buildsOnParam.test(code)).map(({ name }) => name));
  const partialName = (name: string) => /^_?partials\/(.+)$/.exec(name)?.[1];
  const remotePartials = new Set([...writers].flatMap((name) => partialName(name) ?? []));
  const callsRemote = (code: string) => [...code.matchAll(/\bpartial(?:Cached)?\s+"([^"]+)"/g)].some((call) => remotePartials.has(call[1]!) || remotePartials.has(`${call[1]!}.html`));
  const remote = ({ name, code }: TemplateCode) => writers.has(name) || callsRemote(code);
  const isHook = ({ name }: TemplateCode) => /(?:^|\/)_markup\/render-image(?:\.[^/]*)?\.html$/.test(name);
  const shortcodeName = (name: string) => /^_?shortcodes\/(.+)\.html$/.exec(name)?.[1];
  return {
    markdown: templates.some((template) => isHook(template) && remote(template)),
    frontmatter: templates.some((template) => !isHook(template) && shortcodeName(template.name) === undefined && partialName(template.name) === undefined && remote(template)),
    shortcodes: new Set(templates.flatMap((template) => (remote(template) ? (shortcodeName(template.name) ?? []) : []))),
  };
}

export const noRemoteImages: RemoteImageTemplates = { markdown: false, frontmatter: false, shortcodes: new Set() };
