import type { SiteFileSystem } from '../../../host/fileSystem';
import { parseFrontmatter } from '../../../frontmatter/parse';
import { urlKey } from '../../../links/urlMap';
import type { FileList } from '../../../links/model';
import { extname, isInside } from '../../../text/paths';
import type { SiteConfig } from '../../model';
import { frontmatterSyntaxOf, isExcludedFile } from '../../pageKinds';
import { jekyllRoutes } from '../../routes/jekyll';

/**
 * The URLs of the site's pages other than Markdown: Jekyll renders every file with front matter outside `_` folders
 * as a page, which Postcraft does not read as posts: `.html` ones (choosealicense.com's `licenses.html` at
 * `/licenses/`) and feeds or data (bitcoincore.org's `assets/rss/rss-en.xml` at `/en/rss.xml`). Each is where
 * Jekyll's page rule puts it, as a Markdown page's: its permalink, else its path, which a pretty permalink style turns
 * into a folder (mincong-h.github.io's `en/archive.html` at `/en/archive/`, Page#template). Only each file's start is
 * read, a few thousand files at most.
 */
export async function jekyllTemplatePageUrls(fs: SiteFileSystem, config: SiteConfig, files: FileList): Promise<ReadonlySet<string>> {
  const urls = new Set<string>();
  const scope = templatePageScope(config);
  let read = 0;
  for (const path of files.all()) {
    if (!isJekyllTemplatePage(scope, path) || isExcludedFile(config, path)) continue;
    if (++read > maxFiles) break;
    const bytes = fs.readFileStart ? await fs.readFileStart(path, maxBytes) : await fs.readFile(path, maxBytes);
    if (!bytes || bytes[0] !== 0x2d) continue; // front matter opens with `---` at the very start
    const frontmatter = parseFrontmatter(new TextDecoder().decode(bytes), frontmatterSyntaxOf('jekyll'));
    const closed = frontmatter !== undefined && !frontmatter.problems.some((problem) => problem.code === 'frontmatter-unclosed');
    const route = closed ? jekyllRoutes.pageRoute(config, path, frontmatter.data) : undefined;
    if (route) urls.add(urlKey(route.url));
  }
  return urls;
}

/** Where Jekyll renders pages from: its source folder, and the top-level `_` folders the config includes (JekyllRouting `includedSpecialFolders`). */
export interface TemplatePageScope {
  readonly source: string;
  readonly included: readonly string[];
}

export function templatePageScope(config: SiteConfig): TemplatePageScope {
  return { source: config.contentDirs[0] ?? config.root, included: (config.routing?.generator === 'jekyll' && config.routing.includedSpecialFolders) || [] };
}

/** A file other than Markdown that Jekyll may render as a page: below the source folder, in no `_` or `.` folder but an included one. */
export function isJekyllTemplatePage({ source, included }: TemplatePageScope, path: string): boolean {
  if (!renderedExtensions.has(extname(path).toLowerCase()) || !isInside(source, path)) return false;
  const segments = path.slice(source.length + 1).split('/');
  return !segments.some((segment, index) => (segment.startsWith('_') || segment.startsWith('.')) && !(index === 0 && segments.length > 1 && included.includes(segment)));
}

// Text that sites give front matter to: pages, feeds, data and manifests (images and fonts never start with `---`).
const renderedExtensions = new Set(['.html', '.htm', '.xml', '.rss', '.atom', '.json', '.txt', '.webmanifest']);
const maxFiles = 3000;
const maxBytes = 4096;
