import { isPostPath } from './fileSet';
import type { Site } from './site';
import { dirname, isInside, relativePath } from '../text/paths';
import type { LinkForm, LinkReference } from '../links/model';

/**
 * How a link to `target` (a page's or file's path) is written in the form `like` uses: a fix or a
 * completion keeps the writer's style. A URL link gets the target's URL (with the base path if the
 * writer wrote it), a relative file link a relative path, `ref` a path below the content folder,
 * `post_url` the post's name. Undefined when the form cannot name that target.
 */
export function linkTextFor(site: Site, fromPath: string, like: Pick<LinkReference, 'form' | 'path'>, target: string): string | undefined {
  switch (like.form) {
    case 'hugo-ref':
    case 'hugo-relref': {
      const contentDir = site.config.contentDirs.find((dir) => isInside(dir, target));
      return contentDir ? target.slice(contentDir.length) : undefined;
    }
    case 'jekyll-post_url': {
      const match = /\/_posts\/(.+)\.[^./]+$/.exec(target.slice(site.root.length));
      return match?.[1];
    }
    case 'jekyll-link':
      return target.slice(site.root.length + 1);
    case 'markdown':
    case 'html':
      if (!like.path.startsWith('/') && (isPostPath(like.path) || !site.posts.get(target)?.route)) return relativeFilePath(dirname(fromPath), target);
      return urlTextFor(site, target, like.path.startsWith(site.config.basePath + '/') && site.config.basePath !== '');
  }
}

/** The URL a page or file is reached at, as written in a root-relative link. */
function urlTextFor(site: Site, target: string, withBasePath: boolean): string | undefined {
  const publicDir = site.posts.has(target) ? undefined : site.config.publicDirs.find((dir) => isInside(dir, target));
  const url = publicDir ? `/${relativePath(publicDir, target)}` : site.posts.get(target)?.route?.url;
  if (!url) return undefined;
  return withBasePath ? `${site.config.basePath}${url}` : url;
}

/** `../b/c.md` from folder `/s/a` to `/s/b/c.md`. */
export function relativeFilePath(fromFolder: string, to: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const parts = to.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < parts.length - 1 && from[common] === parts[common]) common++;
  const up = from.length - common;
  const down = parts.slice(common).join('/');
  return up === 0 ? (down.startsWith('.') ? `./${down}` : down) : `${'../'.repeat(up)}${down}`;
}

/** Whether `form` is resolved by the generator at build time (it refuses a link to nothing). */
export function isTemplateForm(form: LinkForm): boolean {
  return form !== 'markdown' && form !== 'html';
}
