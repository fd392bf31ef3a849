import { basename, dirname, isInside, joinPath } from '../../../text/paths';
import type { SiteConfig } from '../../model';

/**
 * Where the browser looks for a relative image of a regular Hugo page. Hugo serves `docs/deploy/agent.md`
 * at `/docs/deploy/agent/`, one folder deeper than the file, so `../../img/a.svg` is requested as
 * `/docs/img/a.svg`: Hugo publishes it from `content/docs/img/a.svg` (content files are published at
 * their path, as the resources of the bundle or section holding them) or from a static folder. A bundle's
 * `index.md` and a list page's `_index.md` are served at their own folder, which the file-folder candidate
 * covers. Checked with hugo 0.111.3 (`hugo -d out`).
 *
 * The URL is taken from the file path: `slug` only renames the last folder (so `../` paths resolve alike),
 * while `url`, `[permalinks]` and `uglyURLs` move the page and are not followed; the candidate is extra,
 * beside the file's folder, so a moved page can only hide a fault, never report a false one.
 */
export function pageFolderCandidates(config: SiteConfig, postPath: string, imagePath: string): string[] {
  const name = basename(postPath);
  if (/^_?index\./i.test(name)) return [];
  const pageFolder = joinPath(dirname(postPath), pageName(config, name));
  const inContent = joinPath(pageFolder, imagePath);
  const contentDir = holdingContentDir(config, postPath);
  // Above its content folder the URL is no longer the file's tree (and must not reach other files of the site).
  if (!contentDir || !isInside(contentDir, inContent)) return [];
  // Not from a translation's section: hugo 0.111.3 publishes content/en/docs/img/a.svg at /docs/img/ only,
  // never at /ja/docs/img/ where a page of content/ja/docs/ asks for it.
  const belowContent = inContent.slice(contentDir.length);
  return [inContent, ...config.publicDirs.map((dir) => joinPath(dir, belowContent))];
}

/** The page's name in its URL: the file name without its extension and declared language (`agent.ja.md` → `agent`). */
function pageName(config: SiteConfig, fileName: string): string {
  const stem = fileName.slice(0, fileName.lastIndexOf('.'));
  const language = /\.([^.]+)$/.exec(stem)?.[1];
  return language !== undefined && config.languages?.codes.has(language) ? stem.slice(0, -language.length - 1) : stem;
}

/** The deepest content folder holding the page: its URL path starts below it. */
function holdingContentDir(config: SiteConfig, path: string): string | undefined {
  let best: string | undefined;
  for (const dir of config.contentDirs) if (isInside(dir, path) && (!best || dir.length > best.length)) best = dir;
  return best;
}
