import type { ImageReference } from '../post/imageReferences';
import { basename, isInside, normalizePath, relativePath } from '../text/paths';
import type { FileSet } from './fileSet';
import type { GeneratorProfile } from './generators/profile';
import type { SiteConfig } from './model';

export type ImageResolution =
  | { readonly status: 'found'; readonly file: string }
  | { readonly status: 'wrong-case'; readonly file: string; readonly written: string }
  | { readonly status: 'outside-site' }
  | { readonly status: 'missing'; readonly tried: readonly string[]; readonly similar: readonly string[] };

/** Looks an image reference up the way the site's generator would, in the in-memory file set. */
export function resolveImage(profile: GeneratorProfile, config: SiteConfig, files: FileSet, postPath: string, reference: ImageReference): ImageResolution {
  // A drive or a share as written: Markdown reads `\\server` as `\server` (an escaped backslash), but the
  // writer named a file outside the site, and that is what to say.
  if (/^[a-z]:[\\/]|^\\\\/i.test(reference.path) || reference.raw.startsWith('\\\\')) return { status: 'outside-site' };
  // Profiles build candidates with joinPath, so they are normal already; normalizePath only checks.
  // Most images are found early: the rest of the candidates are normalised only when one is not.
  const candidates = profile.imageCandidates(config, postPath, reference.path, reference.origin);
  for (const written of candidates) {
    const candidate = normalizePath(written);
    if (isInside(config.root, candidate) && files.has(candidate)) return { status: 'found', file: candidate };
  }
  const inside = candidates.map(normalizePath).filter((candidate) => isInside(config.root, candidate));
  if (inside.length === 0) return { status: 'outside-site' };
  for (const candidate of inside) {
    const actual = files.caseVariant(candidate);
    if (actual) return { status: 'wrong-case', file: actual, written: candidate };
  }
  return { status: 'missing', tried: inside, similar: similarImages(files, reference.path) };
}

/** Images with the same file name elsewhere in the site: the usual cause of a broken path. */
function similarImages(files: FileSet, path: string): string[] {
  return files.imagesNamed(basename(path)).slice(0, 5);
}

/**
 * How a post should write a path to `file` so that the generator finds it: the shortest of the forms
 * the profile resolves (relative to the post, or under a public or asset folder).
 */
export function referenceFor(profile: GeneratorProfile, config: SiteConfig, postPath: string, file: string, prefersRootPaths: boolean): string | undefined {
  const forms: string[] = [];
  for (const dir of config.publicDirs) if (isInside(dir, file)) forms.push(`${config.basePath}/${relativePath(dir, file)}`);
  for (const dir of config.assetDirs) if (isInside(dir, file)) forms.push(relativePath(dir, file));
  // Hugo mounts into a subfolder of static/ or assets/: served (or named) below that subfolder.
  for (const mount of config.subfolderMounts ?? []) {
    if (!isInside(mount.source, file) && mount.source !== file) continue;
    const below = [mount.at, mount.source === file ? '' : relativePath(mount.source, file)].filter(Boolean).join('/');
    forms.push(mount.component === 'static' ? `${config.basePath}/${below}` : below);
  }
  const postDir = postPath.slice(0, postPath.lastIndexOf('/'));
  if (isInside(postDir, file)) forms.unshift(relativePath(postDir, file));
  const resolvable = forms.filter((form) => profile.imageCandidates(config, postPath, form).map(normalizePath).includes(file));
  if (prefersRootPaths) resolvable.sort((a, b) => Number(b.startsWith('/')) - Number(a.startsWith('/')));
  return resolvable[0];
}
