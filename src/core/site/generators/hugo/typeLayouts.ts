import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { withoutTemplateComments } from './templateText';
import { readPartial } from './partials';

/** What the layouts of each content type (`layouts/<type>/*.html`, the project's and the themes') tell of the pages they lay out. */
export interface TypeLayouts {
  /**
   * The types whose own layouts write IDs Postcraft cannot list, with the names of those layouts: an ID the template
   * computes (`<h2 id={{ .x | urlize }}>`, fluxcd.io's adopters list) or other files' text it renders
   * (`readFile "content/manual/x.md" | markdownify`, coredns.io's manual, whose every page carries every chapter's
   * headings). A page of such a type laid out by one of them has anchors Postcraft cannot list (`laysOutIds`).
   */
  readonly writingIds: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Each type's layouts by name, and whether the page they lay out has its content rendered: `false` where no
   * file of that name (of any output format or language, in any layout folder), nor a base template or a partial
   * it calls, reads the page's content (`rendersContent`). digital.gov's resources/list.html lays out the section
   * from its front matter alone: the links in its `_index.md` are on no page (hugo 0.111.3).
   */
  readonly rendersContent: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
}

/**
 * Reads every type's own layouts. The site-wide layouts (`_default`, partials, shortcodes, hooks) are not a type's:
 * they lay out every page, and a computed ID there would silence every fragment of the site.
 */
export async function readTypeLayouts(fs: SiteFileSystem, layoutDirs: readonly string[]): Promise<TypeLayouts> {
  const writingIds = new Map<string, Set<string>>();
  const texts = new Map<string, Map<string, string[]>>();
  for (const layouts of layoutDirs) {
    for (const folder of await fs.readDirectory(layouts).catch(() => [])) {
      if (folder.type !== 'directory' || siteWide.has(folder.name)) continue;
      for (const entry of (await fs.readDirectory(joinPath(layouts, folder.name)).catch(() => [])).slice(0, maxFilesPerType)) {
        const name = /^([^.]+)(?:\.[^.]+)*\.html$/.exec(entry.name)?.[1];
        if (entry.type !== 'file' || name === undefined) continue;
        const text = await readText(fs, joinPath(layouts, folder.name, entry.name));
        const byName = texts.get(folder.name) ?? new Map<string, string[]>();
        texts.set(folder.name, byName.set(name, [...(byName.get(name) ?? []), text ?? unreadable]));
        if (text === undefined || !writesUnlistedIds(text)) continue;
        const names = writingIds.get(folder.name) ?? new Set<string>();
        writingIds.set(folder.name, names.add(name));
      }
    }
  }
  return { writingIds, rendersContent: await whichRenderContent(fs, layoutDirs, texts) };
}

/** Stands for a layout that could not be read: it may read anything. */
const unreadable = '{{ .Content }}';

async function whichRenderContent(fs: SiteFileSystem, layoutDirs: readonly string[], texts: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>): Promise<ReadonlyMap<string, ReadonlyMap<string, boolean>>> {
  // One template at a time: a partial being read is then one that calls itself (see `contentReader`).
  const reads = contentReader(fs, layoutDirs);
  const anyReads = async (templates: readonly string[]) => {
    for (const template of templates) if (await reads(template)) return true;
    return false;
  };
  // The base templates every type's layouts may be wrapped in: a content call there renders every page's.
  const siteBases: string[] = [];
  for (const dir of layoutDirs.flatMap((layouts) => [joinPath(layouts, '_default'), layouts])) siteBases.push(...(await baseTemplates(fs, dir)));
  const sitesBaseReads = await anyReads(siteBases);
  const result = new Map<string, Map<string, boolean>>();
  for (const [type, byName] of texts) {
    const typeBaseReads = sitesBaseReads || (await anyReads(byName.get('baseof') ?? []));
    const names = new Map<string, boolean>();
    for (const [name, variants] of byName) names.set(name, typeBaseReads || (await anyReads(variants)));
    result.set(type, names);
  }
  return result;
}

async function baseTemplates(fs: SiteFileSystem, dir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const entry of await fs.readDirectory(dir).catch(() => [])) {
    if (entry.type === 'file' && /^baseof(?:\.[^.]+)*\.html$/.test(entry.name)) texts.push((await readText(fs, joinPath(dir, entry.name))) ?? unreadable);
  }
  return texts;
}

/**
 * Whether a template, with the partials it calls, may render the page's content: it reads `.Content` or another
 * of the page's renderings (`.Summary`, `.Plain`, `.RawContent`, `.TableOfContents`, a content view's `.Render`),
 * reads a file (`readFile`), calls a partial Postcraft cannot find or whose name it computes, or a template it does not define.
 */
function contentReader(fs: SiteFileSystem, layoutDirs: readonly string[]): (template: string) => Promise<boolean> {
  const partials = new Map<string, Promise<boolean>>();
  // A partial that calls itself, at once or through others (a menu's submenus), may render anything for all Postcraft
  // can tell without running it; and waiting on its own answer would never end.
  const reading = new Set<string>();
  const partialReads = async (name: string, depth: number): Promise<boolean> => {
    if (reading.has(name)) return true;
    let known = partials.get(name);
    if (!known) {
      partials.set(name, (known = (async () => {
        reading.add(name);
        try {
          const text = await readPartial(fs, layoutDirs, name);
          return text === undefined || (await readsContent(text, depth + 1));
        } finally {
          reading.delete(name);
        }
      })()));
    }
    return known;
  };
  const readsContent = async (template: string, depth: number): Promise<boolean> => {
    const code = withoutTemplateComments(template);
    if (depth > maxPartialDepth || contentCall.test(code)) return true;
    for (const [, quoted, backticked, computed] of code.matchAll(partialCall)) if (computed !== undefined || (await partialReads((quoted ?? backticked)!, depth))) return true;
    for (const [, name] of code.matchAll(templateCall)) if (!name!.startsWith('_internal/') && !code.includes(`define "${name}"`)) return true;
    return false;
  };
  return (template) => readsContent(template, 0);
}

const contentCall = /\.(?:Content|ContentWithoutSummary|Summary|RawContent|Plain|PlainWords|TableOfContents|Fragments|Render|RenderShortcodes)\b|\breadFile\b/;
/** `partial "name" …` or `partialCached "name" …`: the name in quotes or backquotes, or (third group) the start of one computed. */
const partialCall = /\bpartial(?:Cached)?\s+(?:"([^"]+)"|`([^`]+)`|(?=\S)([^"`\s]))/g;
const templateCall = /\btemplate\s+"([^"]+)"/g;
const maxPartialDepth = 6;

/**
 * Whether one of the type's layouts `writing` IDs lays the page out: its `baseof`, else the page's `layout`, else
 * the default one for its kind (`single`; `list` or `section` for a section's `_index`). keptn.sh's docs pages use
 * layouts/docs/single.html; only those that ask for `layout: faq` get faq.html, which writes computed IDs.
 */
export function laysOutIds(writing: ReadonlySet<string>, layout: unknown, isSection: boolean): boolean {
  if (writing.has('baseof')) return true;
  if (typeof layout === 'string' && layout !== '') return writing.has(layout);
  return isSection ? writing.has('list') || writing.has('section') : writing.has('single');
}

/**
 * Whether the type's own layouts lay the page out without its content: the page's `layout`, else the kind's default
 * (`single`, or `page` since Hugo 0.146; `<type>`, `section` or `list` for a section's `_index`), every one of those the
 * type has rendering none. Where the type has none of them, a site-wide layout lays the page out: `false`.
 */
export function laysOutWithoutContent(layouts: ReadonlyMap<string, boolean>, layout: unknown, type: string, isSection: boolean): boolean {
  const names = [...(typeof layout === 'string' && layout !== '' ? [layout] : []), ...(isSection ? [type, 'section', 'list'] : ['single', 'page'])];
  const present = names.filter((name) => layouts.has(name));
  return present.length > 0 && present.every((name) => layouts.get(name) === false);
}

/** Whether a layout's code (comments left out) computes an ID or renders another file's text. */
export function writesUnlistedIds(template: string): boolean {
  return /\bid\s*=\s*["']?[^"'\s>]*\{\{|\breadFile\b/.test(withoutTemplateComments(template));
}

const siteWide = new Set(['_default', 'partials', '_partials', 'shortcodes', '_shortcodes', '_markup']);
const maxFilesPerType = 50;
