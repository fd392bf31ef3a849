import type { ImageReference } from '../post/imageReferences';
import { urlKey } from '../links/urlMap';
import { basename, dirname, joinPath, normalizePath } from '../text/paths';
import { resolveImage, type ImageResolution } from './imageResolution';
import { routesOf } from './routes';
import { withoutBasePath } from './generators/profile';
import { bundleFileAt, mayServeAtPageUrl } from './resolveLink';
import type { Site } from './site';

/** The page an image is written in: its file, and its frontmatter while the site does not know its route yet. */
export interface ImagePage {
  readonly path: string;
  readonly frontmatter?: { readonly data: Readonly<Record<string, unknown>> } | undefined;
}

/**
 * Where an image written in a page is found: as the generator looks it up from the page's file
 * (`resolveImage`), and failing that, as the published page serves it from its own URL. The check, the
 * hover, the document links and the preview all ask this, so none of them says "not found" where
 * another found the image.
 */
export function resolvePageImage(site: Site, page: ImagePage, reference: ImageReference): ImageResolution {
  // Astro and Docusaurus leave an HTML or JSX `<img src>` as written (Astro's remark-collect-images and Docusaurus'
  // transformImage take Markdown images only: astro 5.14.1 and docusaurus 3.10.2 keep `src="./x.png"` and copy no
  // x.png), so the browser asks the page's URL for it. Where the URL is unknown, the file's folder stands in.
  const asked = htmlAsWritten(site, reference) ? fromPageUrl(site, page, reference) : undefined;
  if (asked) return asked;
  const resolution = resolveImage(site.profile, site.config, site.files, page.path, reference);
  // A host that serves any letter case (Netlify) serves the file as written.
  if (resolution.status === 'wrong-case' && site.hostRedirects.caseInsensitive) return { status: 'found', file: resolution.file };
  if (resolution.status !== 'missing' && resolution.status !== 'outside-site') return resolution;
  const file = resolution.status === 'missing' ? (inOwnBundle(site, page, reference) ?? inOtherBundle(site, reference) ?? fromProjectFolder(site, reference)) : undefined;
  if (file !== undefined) return { status: 'found', file };
  const requested = fromPageUrl(site, page, reference);
  if (requested?.status === 'found') return requested;
  // Out of the site from the file's folder, but not from the page's URL: what the browser asks for is missing in
  // the site (swift.org's post at /blog/swift-CI/ shows ../../continuous-integration/images/ci_pass.png, published
  // at /documentation/continuous-integration/images/).
  return resolution.status === 'outside-site' && requested ? requested : resolution;
}

/**
 * A value Postcraft only guesses is an image, named from the project's folder, where image shortcodes and plugins
 * start (eleventy-img's `Image("./src/assets/x.jpg")`; eleventy-excellent's `gallery.image`).
 */
function fromProjectFolder(site: Site, reference: ImageReference): string | undefined {
  if (!reference.guess || reference.path.startsWith('/')) return undefined;
  const file = normalizePath(joinPath(site.root, reference.path));
  return site.files.has(file) ? file : undefined;
}

/**
 * Another page bundle's file at that page's URL (linkerd.io's posts share `/2023/06/21/linkerd-edge-roundup/cover.jpg`,
 * which Hugo publishes from that post's bundle). Only once every page's URL is known (`Site.allIndexed`): while a
 * whole site is indexed, the check leaves such an image for its second pass (`deferredImages`), so that no finding
 * hangs on the order the posts are read in.
 */
function inOtherBundle(site: Site, reference: ImageReference): string | undefined {
  if (!site.allIndexed || !reference.path.startsWith('/')) return undefined;
  const file = bundleFileAt(site, withoutBasePath(site.config, reference.path));
  return file !== undefined && site.files.has(file) ? file : undefined;
}

/**
 * A page bundle's file is published at its page's URL, which no rule on paths finds once a permalink
 * moved the page (`/blog/2020/09/29/mapscanner/plot.png` for content/blog/2020-09-29-mapscanner/plot.png).
 * A frontmatter value a theme passes through absURL is such a URL without its first slash (rOpenSci's
 * twitterImg). Its own route is known while the site is indexed, other pages' are not (see `inOtherBundle`).
 */
function inOwnBundle(site: Site, page: ImagePage, reference: ImageReference): string | undefined {
  const url = reference.path.startsWith('/') ? reference.path : reference.origin === 'frontmatter' ? `/${reference.path}` : undefined;
  if (url === undefined || !/^_?index\.[^./]+$/.test(basename(page.path))) return undefined;
  const route = ownRoute(site, page);
  const base = route && urlKey(route.url);
  if (!base || base === '/' || !url.startsWith(`${base}/`)) return undefined;
  const file = joinPath(dirname(page.path), url.slice(base.length + 1));
  return site.files.has(file) && mayServeAtPageUrl(site, file) ? file : undefined;
}

/**
 * A relative image taken as the browser takes it, from the page's URL: `../../img/a.png` on
 * /tutorials/convert-site-to-jekyll/ is /img/a.png (the Jekyll project's own docs), where the file's
 * folder would lead out of the site. Only where the generator writes the path as it is (Docusaurus and
 * Astro bundle a Markdown image from the file's folder; Astro writes an HTML one as it is), and never above the
 * root: undefined then.
 */
function fromPageUrl(site: Site, page: ImagePage, reference: ImageReference): ImageResolution | undefined {
  const asWritten = writesPathsAsTheyAre.has(site.config.generator) || htmlAsWritten(site, reference);
  if (!asWritten || reference.path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(reference.path)) return undefined;
  const route = ownRoute(site, page);
  // A URL the site computes (an eleventyComputed permalink): a browser stops climbing at the root, so the path
  // past its `../` is taken from there (eleventy-high-performance-blog's `../../img/doener.jpg`). That is a guess, so
  // it counts only where it finds the image.
  if (!route) {
    const guessed = /^(?:\.\.\/)+/.test(reference.path) ? resolvedAt(site, page, reference, reference.path.replace(/^(?:\.\.\/)+/, '/')) : undefined;
    return guessed?.status === 'found' ? guessed : undefined;
  }
  const segments = route.url.split('/').slice(1, -1); // the page's folder: /a/b/ for `/a/b/`, /a/ for `/a/b.html`
  let pastRoot = false;
  for (const part of reference.path.split('/')) {
    if (part === '..') {
      if (segments.pop() === undefined) pastRoot = true;
    } else if (part !== '.' && part !== '') segments.push(part);
  }
  const resolution = resolvedAt(site, page, reference, `/${segments.join('/')}`);
  // A browser stops climbing at the host's root (the URL Standard's "shorten a path": the last segment, if any):
  // clungu's ../../assets/… from /Mean-Shift/ loads /assets/…, as jekyll 4.3.1 writes the tag. Taken only where it
  // finds the file: a path that climbs past the root is otherwise outside the site, as the file's folder says. Below a
  // base path, the host's root is outside the site.
  if (pastRoot) return resolution.status === 'found' && site.config.basePath === '' ? resolution : undefined;
  return resolution;
}

/** How the reference resolves when written as the root path `path`. */
function resolvedAt(site: Site, page: ImagePage, reference: ImageReference, path: string): ImageResolution {
  return resolveImage(site.profile, site.config, site.files, page.path, { ...reference, path });
}

// Plain Markdown has no page URL: it is read as a file (a forge, the editor's preview), so only its folder counts.
const writesPathsAsTheyAre: ReadonlySet<string> = new Set(['jekyll', 'hugo', 'eleventy']);

/** An HTML or JSX `<img>` whose `src` the generator writes as it is, though it bundles Markdown images (Astro, Docusaurus). */
function htmlAsWritten(site: Site, reference: ImageReference): boolean {
  return (site.config.generator === 'astro' || site.config.generator === 'docusaurus') && reference.origin === 'html';
}

/** The page's URL, from its summary, or worked out from its frontmatter while the site is indexed. */
export function ownRoute(site: Site, page: ImagePage) {
  return site.posts.get(page.path)?.route ?? routesOf(site.config.generator).pageRoute(site.config, page.path, page.frontmatter?.data ?? {});
}
