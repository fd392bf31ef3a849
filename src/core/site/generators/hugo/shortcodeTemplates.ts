import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { withoutTemplateComments } from './templateText';
import { readPartial } from './partials';

/** What the site's own shortcode templates do that the checks must know, by shortcode name. */
export interface ShortcodeTemplates {
  /**
   * Shortcodes whose templates can show no file of the site: no `<img>` or other element with a source, no link,
   * no resource or file lookup, no partial or template they hand their arguments to; or only files on another host
   * (`showsOnlyRemoteFiles`). An argument of one that ends in an image extension is data, not an image of the site:
   * hugoDocs' `{{< code-toggle config=imaging.avif />}}` names a key of its data files.
   */
  readonly imageless: ReadonlySet<string>;
  /**
   * Shortcodes whose templates write `id`s (headings, anchors), or hand their work to a partial that may, or to a
   * template: a page calling one has anchors Postcraft cannot list (letsencrypt.org's `{{< docs_index >}}` writes
   * the docs page's `<h1 id>`s).
   */
  readonly writeIds: ReadonlySet<string>;
  /**
   * Shortcodes that, called with `{{% %}}` (their output read as Markdown with the page), write no heading and no id of
   * their own: only their inner text, which is the page's (Docsy's `{{% alert %}}`). Other `{{% %}}` calls may write headings.
   */
  readonly markdownWithoutIds: ReadonlySet<string>;
}

/**
 * Reads the site's shortcode templates: the project's (`layouts/_shortcodes/`, Hugo ≥ 0.146, or
 * `layouts/shortcodes/`) before a theme's, as Hugo looks them up, those in subfolders by their path
 * (`shortcodes/cli/tools-list.html` is `{{< cli/tools-list >}}`, as jaegertracing.io calls it).
 */
export async function readShortcodeTemplates(fs: SiteFileSystem, layoutDirs: readonly string[], { docsyModule = false }: { readonly docsyModule?: boolean } = {}): Promise<ShortcodeTemplates> {
  const seen = new Set<string>();
  const imageless = new Set<string>();
  const writeIds = new Set<string>();
  const markdownWithoutIds = new Set<string>();
  const read = async (dir: string, prefix: string, depth: number): Promise<void> => {
    for (const entry of await fs.readDirectory(dir).catch(() => [])) {
      if (entry.type === 'directory' && depth < maxFolderDepth) await read(joinPath(dir, entry.name), `${prefix}${entry.name}/`, depth + 1);
      const file = /^([^.]+)\.html$/.exec(entry.name)?.[1];
      const name = file === undefined ? undefined : prefix + file;
      if (entry.type !== 'file' || name === undefined || seen.has(name)) continue;
      seen.add(name);
      const text = await readText(fs, joinPath(dir, entry.name));
      if (text === undefined) continue;
      if (showsNoFile(text) || showsOnlyRemoteFiles(text) || rewritesPaths(text)) imageless.add(name);
      const code = withoutTemplateComments(text);
      if (await mayWriteIdsThrough(code, (partial) => readPartial(fs, layoutDirs, partial))) writeIds.add(name);
      // Read as Markdown, a partial's text may hold headings: only a shortcode that calls none writes just its inner text.
      else if (!callsTemplates(code) && !writesMarkdownHeadings(code) && !writesOtherText(code)) markdownWithoutIds.add(name);
    }
  };
  for (const layouts of layoutDirs) {
    for (const dir of [joinPath(layouts, '_shortcodes'), joinPath(layouts, 'shortcodes')]) await read(dir, '', 0);
  }
  // Docsy imported as a Hugo module is not on disk; its alert and pageinfo shortcodes wrap their inner text in a
  // <div> (a title as a `role="heading"` div, no id) in every release (layouts/shortcodes/alert.html, pageinfo.html).
  if (docsyModule) for (const name of docsyShortcodesWithoutIds) if (!seen.has(name)) markdownWithoutIds.add(name);
  return { imageless, writeIds, markdownWithoutIds };
}

const docsyShortcodesWithoutIds = ['alert', 'pageinfo'];

/** How deep shortcode subfolders are read: sites nest one or two levels. */
const maxFolderDepth = 4;

/**
 * Whether a template's code (comments left out) may write an `id`: an attribute, a heading, Markdown it renders, or another template it
 * calls, looking into the partials it calls by name, three deep (tikv.org's `{{< info >}}` hands its text to
 * partials/admonition.html, which writes no id). A partial named otherwise, or not found, may write any. Its inner
 * text rendered (`.Inner | markdownify`) is the page's own Markdown, whose headings the page shows.
 */
async function mayWriteIdsThrough(code: string, readPartial: (name: string) => Promise<string | undefined>, depth = 0): Promise<boolean> {
  if (writesIdsItself(code)) return true;
  if (/\btemplate\b/.test(code)) return true;
  for (const call of code.matchAll(/\bpartial(?:Cached)?\s+(\S+)/g)) {
    const name = /^["`]([^"`]+)["`]$/.exec(call[1]!.replace(/\)+$/, ''))?.[1];
    if (name === undefined || depth >= 3) return true;
    const text = await readPartial(name);
    if (text === undefined || (await mayWriteIdsThrough(withoutTemplateComments(text), readPartial, depth + 1))) return true;
  }
  return false;
}

/**
 * An `id` attribute, a heading element whose attributes the template writes (`<h2 {{ .Attrs }}>`), an anchor made, or
 * Markdown rendered from text found elsewhere (coredns.io's `readFile … | markdownify`). A heading element as written
 * has no ID: Goldmark gives IDs to Markdown headings only (pivotal/blog's figure caption `<h4>{{ .Get "title" }}</h4>`,
 * hugo 0.111.3). Markdown rendered from the inner text is the page's own, and from an argument a line of text (tikv.org's
 * figure renders its caption with markdownify): no heading of their own.
 */
function writesIdsItself(code: string): boolean {
  return /\bid\s*=|<h[1-6]\b[^>]*\{\{|anchorize/i.test(code) || (/markdownify|RenderString/.test(code) && writesOtherText(code));
}

function callsTemplates(code: string): boolean {
  return /\b(?:partial|partialCached|template)\b/.test(code);
}

/**
 * Whether a template writes text from elsewhere, which read as Markdown (`{{% %}}`) may hold headings: another page's
 * (hugoDocs' `{{% include %}}` writes `.RenderShortcodes` of the page it names), a file's, data or a resource.
 */
function writesOtherText(code: string): boolean {
  return /RenderShortcodes|\.(?:Raw)?Content\b|\.Plain\b|readFile|ReadFile|GetPage|Resources|resources\.|\.Data\b|\bData\.|getJSON|getCSV|transform\./.test(code);
}

/** Whether a template's text, outside its actions, has a Markdown heading line: read as Markdown (`{{% %}}`), it writes a heading. */
function writesMarkdownHeadings(code: string): boolean {
  return /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/m.test(code.replace(/\{\{[\s\S]*?\}\}/g, ''));
}

/**
 * Whether a template builds its sources on another host's address and looks nothing up in the site: a site parameter
 * for a CDN or a URL, joined to the arguments with printf (digital.gov's legacy-img writes
 * `printf "%s/%s/%s" $cdnurl "_legacy-img" $imgPath`, its cdnurl an S3 address).
 */
export function showsOnlyRemoteFiles(template: string): boolean {
  const code = withoutTemplateComments(template);
  return remoteBase.test(code) && /\bprintf?\b/.test(code) && !localLookup.test(code);
}

const remoteBase = /(?:\.Site|\bsite)\.Params\.\w*(?:cdn|url|host)\w*/i;
const localLookup = /\b(?:partial|partialCached|template)\b|Resources|resources\.|images\.|readFile|ReadFile|fileExists|os\.|GetPage|absURL|relURL|absLangURL|relLangURL/i;

/**
 * Whether a template makes its own path of the argument from the page's folder, cutting and joining strings: keptn.sh's
 * popup_image turns `../x.png` into `/<File.Dir>x.png`, one folder less than the browser would climb. Where its
 * file is, only running the template says: its arguments are not checked as images.
 */
export function rewritesPaths(template: string): boolean {
  const code = withoutTemplateComments(template);
  return /\.File\.Dir\b/.test(code) && /\b(?:slicestr|substr|strings\.TrimPrefix|strings\.TrimLeft|replaceRE|replace)\b/.test(code);
}

/** Whether a template's code (its comments left out) can neither show nor look up a file. */
export function showsNoFile(template: string): boolean {
  return !fileUse.test(withoutTemplateComments(template));
}


// An element that loads a file, an attribute filled in by the template (`href="#icon"` as written loads
// nothing of the arguments), and every function that looks a file, page or URL up or hands the arguments on.
const fileUse = /<(?:img|picture|source|video|audio|object|embed|iframe|script)\b|\b(?:src|srcset|href|poster|data)\s*=\s*["']?[^"'\s>]*\{\{|url\(|\b(?:partial|partialCached|template)\b|Resources|resources\.|images\.|readFile|ReadFile|fileExists|os\.|urls\.|absURL|relURL|absLangURL|relLangURL|Permalink|GetPage|getJSON|getCSV/i;
