import type { SiteFileSystem } from '../../host/fileSystem';
import { allBefore, installedReleases, type Release } from '../installedVersion';

/**
 * `yamlTabIndentation` where every release of `generator` the project in `folder` builds with comes before
 * `fixedIn`, the first that reads front matter with js-yaml 4 (@11ty/gray-matter) instead of gray-matter 4's
 * js-yaml 3, which takes tabs as indentation (checked: jamstack.org's Eleventy 1 pages with tab-indented lists
 * read with gray-matter 4.0.3, and fail with @11ty/gray-matter 1.0).
 */
export async function readsTabIndentation(fs: SiteFileSystem, folder: string, generator: string, fixedIn: Release): Promise<{ yamlTabIndentation?: true }> {
  const releases = await installedReleases(fs, folder, generator);
  return releases && allBefore(releases, fixedIn) ? { yamlTabIndentation: true } : {};
}
