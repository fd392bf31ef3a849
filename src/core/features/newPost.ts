import { confinedFileSystem } from '../host/confinedFileSystem';
import type { SiteFileSystem } from '../host/fileSystem';
import { parseFrontmatter } from '../frontmatter/parse';
import { readText } from '../host/textFiles';
import type { Site } from '../site/site';
import { basename, dirname, isInside, joinPath, relativePath } from '../text/paths';
import { evaluateArchetype, formatGoTime } from './goTemplate';
import { fileNameSlug } from './slug';

export interface NewPostRequest {
  readonly title: string;
  /** The content section (Hugo) or folder to write in; defaults to where most posts are. */
  readonly section?: string | undefined;
  readonly date?: Date;
}

export interface NewPostPlan {
  readonly path: string;
  readonly content: string;
  /** Where the writer starts typing: the start of the body. */
  readonly cursorOffset: number;
  /** Where the frontmatter came from, for the message. */
  readonly template: string;
}

/** Folders holding posts, most used first, as `section` values for `planNewPost`. */
export function postSections(site: Site): { section: string; posts: number }[] {
  const counts = new Map<string, number>();
  for (const path of site.posts.keys()) {
    const layout = layoutOf(site, path);
    if (layout) counts.set(layout.section, (counts.get(layout.section) ?? 0) + 1);
  }
  return [...counts].map(([section, posts]) => ({ section, posts })).sort((a, b) => b.posts - a.posts || a.section.localeCompare(b.section));
}

/**
 * Where and with what frontmatter a new post goes, the way the site already lays out its posts:
 * Hugo `content/<section>/[<year>/]<slug>.md` or a page bundle from its archetype, Jekyll
 * `_posts/YYYY-MM-DD-slug.md`, Docusaurus `blog/YYYY-MM-DD-slug.md`, others their posts folder.
 */
export async function planNewPost(fs: SiteFileSystem, site: Site, request: NewPostRequest): Promise<NewPostPlan> {
  const date = request.date ?? new Date();
  const slug = fileNameSlug(site.profile.newPost.slug(request.title, site.config));
  const day = formatGoTime(date, '2006-01-02');
  const section = request.section ?? postSections(site)[0]?.section ?? site.profile.newPost.defaultSection;
  const sectionPosts = [...site.posts.keys()].map((path) => layoutOf(site, path)).filter((layout) => layout?.section === section);
  const most = (test: (layout: PostLayout) => boolean) => sectionPosts.length > 0 && sectionPosts.filter((layout) => layout && test(layout)).length * 2 > sectionPosts.length;
  const bundle = most((layout) => layout.bundle);
  const byYear = most((layout) => layout.yearFolder);
  const datedName = site.profile.newPost.datedFileNames || most((layout) => layout.datedName);
  const name = datedName ? `${day}-${slug}` : slug;
  const folder = joinPath(sectionRoot(site, section), byYear ? String(date.getFullYear()) : '');
  const path = bundle ? joinPath(folder, name, 'index.md') : joinPath(folder, `${name}.md`);

  const { template, source } = await templateFor(fs, site, section);
  const content = evaluateArchetype(template, { name: slug, title: request.title.replace(/"/g, '\\"'), date });
  const frontmatter = parseFrontmatter(content);
  const bodyStart = frontmatter ? frontmatter.blockRange.end : 0;
  const withBody = content.length <= bodyStart + 1 ? `${content.slice(0, bodyStart)}\n\n` : content;
  return { path, content: withBody, cursorOffset: Math.min(withBody.length, bodyStart + 2), template: source };
}

interface PostLayout {
  readonly section: string;
  readonly bundle: boolean;
  readonly yearFolder: boolean;
  readonly datedName: boolean;
}

function layoutOf(site: Site, path: string): PostLayout | undefined {
  const contentDir = site.config.contentDirs.find((dir) => isInside(dir, path));
  if (!contentDir || /^_?index\.mdx?$/.test(basename(path)) && basename(dirname(path)) === basename(contentDir)) return undefined;
  const parts = relativePath(contentDir, path).split('/');
  if (parts.length < 2 || /^_index\.mdx?$/.test(basename(path))) return undefined;
  if (site.config.authorKeys.includes(parts[0]!)) return undefined; // the authors section is not for posts
  const bundle = /^index\.mdx?$/.test(parts.at(-1)!);
  const name = bundle ? parts.at(-2)! : parts.at(-1)!;
  return { section: parts[0]!, bundle, yearFolder: parts.slice(1, -1).some((part) => /^\d{4}$/.test(part)), datedName: /^\d{4}-\d{2}-\d{2}-/.test(name) };
}

function sectionRoot(site: Site, section: string): string {
  return joinPath(site.config.contentDirs[0] ?? site.root, section);
}

async function templateFor(fs: SiteFileSystem, site: Site, section: string): Promise<{ template: string; source: string }> {
  const own = site.settings.newPostTemplate;
  const candidates = [
    ...(own ? [joinPath(site.root, own)] : []),
    ...(site.profile.newPost.archetypes?.(site.root, section) ?? []),
  ];
  for (const candidate of candidates) {
    if (!isInside(site.root, candidate)) continue;
    const text = await readText(confinedFileSystem(fs, site.root), candidate); // never an archetype linked from outside the site
    if (text !== undefined) return { template: text, source: relativePath(site.root, candidate) };
  }
  return { template: site.profile.newPost.template, source: `the ${site.profile.displayName} default` };
}
