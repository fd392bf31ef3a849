import { isInside, joinPath, normalizePath } from '../../../text/paths';
import type { SiteConfig, SubfolderMount } from '../../model';
import type { Mount } from './config';

/**
 * Module mounts into a folder of `static` or `assets` (`source: iconography/32x32`, `target:
 * static/img/logos/32x32`): Hugo serves the source's files at `/img/logos/32x32/…` and `resources.Get`
 * finds them as `img/logos/32x32/…`, never at the root. A mount may name one file. (A mount's component
 * is the first folder of its target; hugo 0.111 modules/config.go `Mount.ComponentAndName`;
 * https://gohugo.io/hugo-modules/configuration/#module-configuration-mounts. Checked with hugo 0.111.3,
 * `hugo -d out`: `target: static/img/logos` publishes icons/a.svg at /img/logos/a.svg, and
 * `target: assets/images` lets `resources.Get "images/x.png"` find it, not `"x.png"`.)
 */
export function subfolderMounts(root: string, mounts: readonly Mount[]): SubfolderMount[] {
  return mounts.flatMap((mount) => {
    const [component, ...below] = mount.target.split('/');
    if ((component !== 'static' && component !== 'assets') || below.length === 0) return [];
    return [{ source: joinPath(root, mount.source), component, at: below.join('/') }];
  });
}

/**
 * The files mounted at `path` below the root of the site's static folders (a URL path) or asset
 * folders (a `resources.Get` name), with or without a leading slash.
 */
export function mountedFiles(config: SiteConfig, component: SubfolderMount['component'], path: string): string[] {
  const mounts = config.subfolderMounts;
  if (!mounts || mounts.length === 0) return [];
  const wanted = normalizePath(`/${path}`);
  return mounts.flatMap((mount) => {
    const at = `/${mount.at}`;
    return mount.component === component && isInside(at, wanted) ? [joinPath(mount.source, wanted.slice(at.length))] : [];
  });
}
