import { closestMatches } from '../text/similarity';
import { basename, dirname, isInside, joinPath } from '../text/paths';
import { isDownloadPath, isImagePath } from '../text/fileKinds';
import { inAbsentSubmodule } from './absentSubmodules';
import { routesOf } from './routes';
import type { Site } from './site';

/**
 * A root link to an image or a download (`[![…](/img/a-small.jpg)](/img/a.jpg)`, `/assets/app.tar.xz`) that no file
 * publishes, in a folder the site serves as it is (Hugo's static/, Jekyll's site folders, Docusaurus's and Astro's
 * public/) and that holds other files of the kind: the files the writer may have meant, closest first (names in that
 * folder spelt closest, PotHix's expenses.png for expenses.jpg; then the same name in another folder). Such a link is
 * as broken as the image `![](/img/a.jpg)`, which broken-image reports. Only kinds no generator writes from a source
 * (not CSS, feeds or pages). Undefined where the build may write the file: it transforms or re-encodes the images, a
 * plugin writes copies (Jekyll's jekyll-imagemagick), Hugo Pipes may publish a file of assets/, or a submodule is not
 * checked out.
 */
export function missingPublicFile(site: Site, url: string): { readonly suggestions: readonly string[] } | undefined {
  const config = site.config;
  const image = isImagePath(url);
  if (image ? config.transformsImages : !isDownloadPath(url)) return undefined;
  const relative = url.replace(/^\/+/, '');
  if (config.assetDirs.some((dir) => site.files.has(joinPath(dir, relative)))) return undefined;
  const writtenByBuild = site.profile.images.writtenByBuild;
  const candidates = routesOf(config.generator).fileCandidates(config, url).filter((candidate) => config.publicDirs.some((dir) => isInside(dir, candidate)));
  // Where the URL leads first is a submodule the checkout lacks (not a theme's static folder tried after the site's own).
  if (candidates[0] !== undefined && inAbsentSubmodule(config.absentSubmoduleDirs, candidates[0])) return undefined;
  for (const candidate of candidates) {
    if (config.reencodedImageDirs?.some((dir) => isInside(dir, candidate)) || writtenByBuild?.(config, site.files, candidate)) return undefined;
    // A host that serves any letter case (Netlify) answers with the file.
    if (site.hostRedirects.caseInsensitive && site.files.caseVariant(candidate)) return undefined;
    const folder = dirname(candidate);
    const neighbours = site.files.filesIn(folder).filter((file) => (image ? isImagePath(file) : !isImagePath(file)));
    if (neighbours.length === 0) continue;
    const name = basename(candidate);
    const elsewhere = image ? site.files.imagesNamed(name).filter((file) => config.publicDirs.some((dir) => isInside(dir, file))) : [];
    const close = closestMatches(name, neighbours.map(basename), 3).map((match) => joinPath(folder, match));
    return { suggestions: [...new Set([...close, ...elsewhere])].slice(0, 3) };
  }
  return undefined;
}
