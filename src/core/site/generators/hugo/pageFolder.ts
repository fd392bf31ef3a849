import { basename, dirname, isInside, joinPath } from '../../../text/paths';
import type { SiteConfig } from '../../model';
import { hugoPostLanguage } from './languages';
import { mountedFiles } from './subfolderMounts';

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
  const languages = config.languages; // Hugo's config always has them, the default language at least
  const holder = deepest(languages?.contentDirs.filter((entry) => isInside(entry.dir, postPath)) ?? []);
  if (!languages || !holder) return [];
  const inContent = joinPath(dirname(postPath), pageName(config, name), imagePath);
  // Above its content folder the URL is no longer the file's tree (and must not reach other files of the site).
  if (!isInside(holder.dir, inContent)) return [];
  const inTree = `${holder.mountedAt ?? ''}${inContent.slice(holder.dir.length)}`;
  // Every folder mounted for the page's language may hold it (newer Hugo's sites fall back to content/en/docs
  // this way; hugo 0.111.3 publishes a lang-mounted file at /es/…). Not another language's own folder:
  // hugo 0.111.3 publishes content/en/docs/img/a.svg at /docs/img/ only, never where a page of content/ja/ asks.
  const language = hugoPostLanguage(config, postPath) ?? languages.defaultLanguage;
  // Pushed one by one, each once (as a Set would keep them, in order): this runs for every relative image
  // of a site, and the arrays and the Set the spreads made were a good part of its cost.
  const candidates = [inContent];
  const add = (candidate: string) => {
    if (!candidates.includes(candidate)) candidates.push(candidate);
  };
  for (const { dir, language: dirLanguage, mountedAt = '' } of languages.contentDirs) {
    if (dirLanguage === language && (mountedAt === '' || isInside(mountedAt, inTree))) add(joinPath(dir, inTree.slice(mountedAt.length)));
  }
  for (const dir of config.publicDirs) add(joinPath(dir, inTree));
  for (const file of mountedFiles(config, 'static', inTree)) add(file);
  return candidates;
}

/** The page's name in its URL: the file name without its extension and declared language (`agent.ja.md` → `agent`). */
function pageName(config: SiteConfig, fileName: string): string {
  const stem = fileName.slice(0, fileName.lastIndexOf('.'));
  const language = /\.([^.]+)$/.exec(stem)?.[1];
  return language !== undefined && config.languages?.codes.has(language) ? stem.slice(0, -language.length - 1) : stem;
}

/** The deepest content folder holding the page: its URL path starts below it. */
function deepest<T extends { readonly dir: string }>(entries: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const entry of entries) if (!best || entry.dir.length > best.dir.length) best = entry;
  return best;
}
