import type { SiteFileSystem } from '../../../host/fileSystem';
import { isInside, joinPath, normalizePath } from '../../../text/paths';
import { readText } from '../../configFiles';
import { matchingBracket } from '../jsConfig';

const maxPluginBytes = 256 * 1024;
const sourceExtensions = ['', '.ts', '.js', '.mjs', '.cjs', '.tsx', '.jsx', '/index.ts', '/index.js'];

/** A route a plugin adds: a whole path, or the start of the paths it makes from values known at build time. */
export interface AddedRoute {
  readonly path: string;
  readonly whole: boolean;
}

export type ContentKind = 'blog' | 'docs' | 'pages';

/** What the site's own plugins (those the config names by a relative path) do that changes its pages. */
export interface LocalPlugins {
  /** The routes they add (see `addedRoutes`). */
  readonly routes: readonly AddedRoute[];
  /**
   * Those that wrap a content plugin, by the name the config gives them, with its kind: kuizuo/blog's
   * `'./src/plugin/plugin-content-blog'` returns `@docusaurus/plugin-content-blog`'s instance with its posts sorted,
   * so its options make a blog like the plugin's own.
   */
  readonly wrappedContent: ReadonlyMap<string, ContentKind>;
}

/** Reads each plugin of `plugins: [...]` that the config names by a relative path, once. */
export async function readLocalPlugins(fs: SiteFileSystem, siteDir: string, configSource: string): Promise<LocalPlugins> {
  const routes = new Map<string, AddedRoute>();
  const wrappedContent = new Map<string, ContentKind>();
  for (const match of configSource.matchAll(/(?<![\w$])plugins\s*:\s*\[/g)) {
    const open = match.index + match[0].length - 1;
    const list = configSource.slice(open, matchingBracket(configSource, open) + 1);
    for (const entry of list.matchAll(/['"`](\.\.?\/[^'"`\s]+)['"`]/g)) {
      const text = await pluginSource(fs, siteDir, entry[1]!);
      if (text === undefined) continue;
      for (const route of addedRoutes(text)) routes.set(`${route.whole}${route.path}`, route);
      const wrapped = /(['"])@docusaurus\/plugin-content-(blog|docs|pages)\1/.exec(text)?.[2] as ContentKind | undefined;
      if (wrapped) wrappedContent.set(entry[1]!, wrapped);
    }
  }
  return { routes: [...routes.values()], wrappedContent };
}

async function pluginSource(fs: SiteFileSystem, siteDir: string, relative: string): Promise<string | undefined> {
  const base = normalizePath(joinPath(siteDir, relative));
  if (!isInside(siteDir, base)) return undefined;
  for (const extension of sourceExtensions) {
    const text = await readText(fs, `${base}${extension}`);
    if (text !== undefined) return text.length > maxPluginBytes ? undefined : text;
  }
  return undefined;
}

/** Each `addRoute({ path: … })` of a plugin's source, from `/`. */
export function addedRoutes(source: string): AddedRoute[] {
  const routes: AddedRoute[] = [];
  for (const call of source.matchAll(/\baddRoute\s*\(\s*\{[^}]*?\bpath\s*:\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g)) {
    const written = call[2]!.replace(/^\$\{[\w$.]*baseUrl\}/i, '/');
    const [literal = '', ...rest] = written.split('${');
    const path = literal.replace(/^\/*/, '/');
    // A path that is all placeholder says nothing about where its pages are.
    if (path !== '/' || rest.length === 0) routes.push({ path, whole: rest.length === 0 });
  }
  return routes;
}
