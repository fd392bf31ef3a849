import { findBodyImages, findImageReferences, type ImageReference } from '../post/imageReferences';
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { compilesAsMdx } from '../post/dialect';
import { referenceFor, type ImageResolution } from '../site/imageResolution';
import { ownRoute, resolvePageImage } from '../site/pageImages';
import { relativeUrl } from '../site/resolveLink';
import { basename, isInside, relativePath } from '../text/paths';
import { routesOf } from '../site/routes';
import { formatBytes } from '../site/imageWeights';
import { inAbsentSubmodule } from '../site/absentSubmodules';
import type { Check, CheckContext } from './context';
import type { Fix } from './finding';
import { msg } from '../l10n/message';

/** Images that the generator would not find: in the body and in frontmatter image fields. */
export const checkImages: Check = (context) => {
  const weighed = new Set<string>();
  for (const reference of imageReferencesOf(context.site, context.post, false)) checkReference(context, reference, weighed);
};

/**
 * The images of a fragment (a partial a post imports, see Site.isFragment): its body's, resolved from
 * its own file. Its front matter makes no page, so its image fields are nobody's.
 */
export const checkFragmentImages: Check = (context) => {
  const weighed = new Set<string>();
  for (const reference of imageReferencesOf(context.site, context.post, true)) checkReference(context, reference, weighed);
};

/** The post's image references, found once for the weighing before its checks and the checks (and the cache's `usesOf`). */
export function imageReferencesOf(site: Site, post: ParsedPost, fragment = false): readonly ImageReference[] {
  const known = references.get(post);
  if (known?.config === site.config && known.fragment === fragment) return known.references;
  const found = fragment ? findBodyImages(post, { mdx: compilesAsMdx(site.config, post.path), generator: site.config.generator }) : findImageReferences(post, site.config);
  references.set(post, { config: site.config, fragment, references: found });
  return found;
}

const references = new WeakMap<ParsedPost, { readonly config: Site['config']; readonly fragment: boolean; readonly references: readonly ImageReference[] }>();

/** `resolvePageImage`, once per reference while the site's files stay as they are. */
function resolved(site: Site, post: ParsedPost, reference: ImageReference): ImageResolution {
  const known = resolutions.get(reference);
  // Once every page is indexed, another page's bundle may hold the image (`allIndexed`): resolved again then.
  if (known?.files === site.files && known.version === site.files.version && known.config === site.config && known.allIndexed === site.allIndexed) return known.resolution;
  const resolution = resolvePageImage(site, post, reference);
  resolutions.set(reference, { files: site.files, version: site.files.version, config: site.config, allIndexed: site.allIndexed, resolution });
  return resolution;
}

const resolutions = new WeakMap<ImageReference, { readonly files: Site['files']; readonly version: number; readonly config: Site['config']; readonly allIndexed: boolean; readonly resolution: ImageResolution }>();

/**
 * The image files whose weight the post's (or fragment's) heavy-image findings read: those it shows as
 * they are (see `reportHeavy`), sorted. What a check weighs first (`weighShownImages`), and what a
 * cached post's findings depend on (core/cache/).
 */
export function shownImages(site: Site, post: ParsedPost, fragment = false): string[] {
  if (site.config.transformsImages) return [];
  const files = new Set<string>();
  for (const reference of imageReferencesOf(site, post, fragment)) {
    if (reference.guess) continue;
    const resolution = resolved(site, post, reference);
    if (resolution.status === 'found' && showsAsIs(site, reference, resolution.file)) files.add(resolution.file);
  }
  return [...files].sort();
}

/** Weighs the images of the post that a heavy-image finding may name, before its checks run (synchronous, they read only weights known). */
export function weighShownImages(site: Site, post: ParsedPost, fragment = false): Promise<void> {
  return site.heavyImages.weigh(shownImages(site, post, fragment));
}

/**
 * The post's root-relative images not found while the site is still indexed: another page's bundle may publish them
 * at its URL (see pageImages.ts `inOtherBundle`), which is known once every page is. The whole-site check keeps them
 * for its second pass (twoPassCheck.ts), and `checkImages` leaves them alone meanwhile.
 */
export function deferredImages(site: Site, post: ParsedPost): ImageReference[] {
  return site.allIndexed ? [] : imageReferencesOf(site, post).filter((reference) => isDeferred(site, reference, resolved(site, post, reference)));
}

function isDeferred(site: Site, reference: ImageReference, resolution: ImageResolution): boolean {
  return !site.allIndexed && resolution.status === 'missing' && reference.path.startsWith('/');
}

/** The findings of images kept for the second pass, once every page is indexed. */
export function reportDeferredImages(context: CheckContext, deferred: readonly ImageReference[]): void {
  const weighed = new Set<string>();
  for (const reference of deferred) checkReference(context, reference, weighed);
}

/** `weighed`: the image files already weighed for this post, each reported heavy once however often it is shown. */
function checkReference(context: CheckContext, reference: ImageReference, weighed: Set<string>): void {
  const { site, post } = context;
  const resolution = resolved(site, post, reference);
  if (isDeferred(site, reference, resolution)) return;
  const shown = `"${reference.raw}"`;
  // Where Postcraft only guesses that the text names an image, it says so and never claims an error.
  // "Image … (why)." with the guess's reason in the parentheses, when there is one.
  const guessed = reference.guess;
  const severity = reference.guess ? 'warning' : 'error';
  switch (resolution.status) {
    case 'found':
      if (isUnpublishedAsset(site, reference, resolution.file)) {
        context.report({ code: 'broken-image', severity: 'warning', range: reference.range, message: msg('Image {0} is a file of assets/, which Hugo publishes only where a template uses it, and no image render hook of the site takes Markdown images: unless another template uses this file, the page shows a missing image. Move it to static/ or beside the post.', shown) });
        return;
      }
      const unpublished = reference.guess ? undefined : routesOf(site.config.generator).unpublishedImageFile?.(site.config, resolution.file, reference.path, reference.origin);
      if (unpublished) {
        const file = relativePath(site.root, resolution.file);
        context.report(
          unpublished === 'special-folder'
            ? { code: 'broken-image', severity, range: reference.range, message: msg('Image {0} is {1}, which Jekyll does not publish: it copies no file below a folder, or of a name, that starts with "_", ".", "#" or "~" unless `include` in _config.yml names it. The page shows a missing image.', shown, file) }
            // A copy the config does not show (a build script's) may still put it there: a warning.
            : { code: 'broken-image', severity: 'warning', range: reference.range, message: msg('Image {0} is {1} in the source, but no passthrough copy of the Eleventy config copies it and no image transform writes it: unless the build copies it otherwise, the page shows a missing image.', shown, file) },
        );
        return;
      }
      const elsewhere = staticFileAskedElsewhere(site, post, reference, resolution.file);
      if (elsewhere) {
        context.report({
          code: 'broken-image',
          severity: 'warning',
          range: reference.range,
          message: msg('Image {0} is the file of static/ that Hugo publishes at {1}, but no image render hook of the site resolves the path: the browser asks for it below the page\'s URL, at {2}, and gets nothing.', shown, elsewhere.served, elsewhere.asked),
          fixes: [context.replaceFix(msg('Change to "{0}"', elsewhere.served), reference.range, elsewhere.served, true)],
        });
        return;
      }
      // Once per file, by the first reference that shows it as it is (a guess or a resized field does not).
      if (!weighed.has(resolution.file) && reportHeavy(context, reference, resolution.file)) weighed.add(resolution.file);
      return;
    case 'outside-site':
      context.report({ code: 'image-outside-site', severity, range: reference.range, message: guessed ? msg('Image {0} points outside the site; the generator cannot publish it and Postcraft does not read it ({1}).', shown, guessed) : msg('Image {0} points outside the site; the generator cannot publish it and Postcraft does not read it.', shown) });
      return;
    case 'wrong-case': {
      const fixed = rewriteLike(reference.raw, reference.path, relativeCaseFix(reference.path, resolution.written, resolution.file));
      context.report({
        code: 'image-case',
        severity,
        range: reference.range,
        message: guessed
          ? msg('Image {0} exists only as "{1}": letter case matters on the web server ({2}).', shown, relativePath(site.root, resolution.file), guessed)
          : msg('Image {0} exists only as "{1}": letter case matters on the web server.', shown, relativePath(site.root, resolution.file)),
        fixes: reference.servedAfter ? [] : [context.replaceFix(msg('Change to "{0}"', fixed), reference.range, fixed, true)],
      });
      return;
    }
    case 'missing': {
      // A site too large to list in full (see walkFiles): the image may be among the files not listed.
      if (site.truncated) return;
      // A guessed argument naming by its file name alone an image the post shows otherwise is a key, not an image
      // (johnwargo's {% imageCaption "x.png" "Caption" %} after ![…](/images/x.png): the plugin writes no <img>).
      if (reference.guess && !reference.path.includes('/') && namesShownImage(post, reference)) return;
      // A submodule the checkout lacks holds it when the site is built, for all Postcraft knows: where the path leads
      // first (made-mistakes' assets/images), not a theme's static folder tried after the site's own.
      if (resolution.tried[0] !== undefined && inAbsentSubmodule(site.config.absentSubmoduleDirs, resolution.tried[0])) return;
      // The site's image hook or layouts write an image they find no file for from another host (tomy.me's R2).
      const remote = site.config.remoteImageTemplates;
      if ((reference.origin === 'markdown' && remote?.markdown) || (reference.origin === 'frontmatter' && remote?.frontmatter) || (reference.origin === 'shortcode' && reference.tag !== undefined && remote?.shortcodes.has(reference.tag))) return;
      // A copy a plugin writes at build time (jekyll-imagemagick's `photo-480.webp`).
      const writtenByBuild = site.profile.images.writtenByBuild;
      if (writtenByBuild && resolution.tried.some((file) => writtenByBuild(site.config, site.files, file))) return;
      // A layout that reads a frontmatter field may put a folder of its own before the value
      // (`featuredImage: x.jpg` shown from /assets/images/featured/x.jpg): a file ending in the written
      // path is taken for that one.
      if (reference.origin === 'frontmatter' && isBareRelative(reference.path) && resolution.similar.some((file) => file.endsWith(`/${reference.path}`))) return;
      const prefersRoot = reference.path.startsWith('/');
      // The host answers the URL before the site's files: a rewrite (`/assets/* https://old.example.org/assets/:splat 200`)
      // serves it, and a browser follows a redirect for an image as for a page.
      if (prefersRoot && site.hostRedirects.reaches(reference.path)) return;
      const fixes: Fix[] = [];
      // A path the theme serves elsewhere than written: a suggestion made without the theme's rule would be wrong.
      for (const file of reference.servedAfter ? [] : resolution.similar) {
        const suggestion = referenceFor(site.profile, site.config, post.path, file, prefersRoot);
        if (suggestion && suggestion !== reference.path) fixes.push(context.replaceFix(msg('Change to "{0}"', suggestion), reference.range, suggestion, fixes.length === 0));
      }
      const where = site.profile.images.searchedWhere;
      // A page never rendered on its own (a headless snippet) shows a relative image inside whichever page
      // includes it, and resolves it from there: Postcraft cannot know that page, so it cannot claim an error.
      const includedElsewhere = !prefersRoot && !!site.config.unrenderedPages?.includes(post.path, post.frontmatter?.data);
      const lookedWhere = includedElsewhere ? msg('{0}; this page is never rendered on its own, so the image may be found from the page that includes it', where) : where;
      // Without a known generator the resolution rule is a guess: a warning, not a claim the site is broken.
      // So is a frontmatter field where only the theme's layouts read it (see ImageRules.layoutsResolveFields).
      const guessedRule = site.profile.images.rulesGuessed || (reference.origin === 'frontmatter' && site.profile.images.layoutsResolveFields);
      const missingSeverity = guessedRule || includedElsewhere ? 'warning' : severity;
      const why = guessed ?? reference.servedAfter;
      const message = why ? msg('Image not found: {0} (looked {1}) ({2}).', shown, lookedWhere, why) : msg('Image not found: {0} (looked {1}).', shown, lookedWhere);
      context.report({ code: 'broken-image', severity: missingSeverity, range: reference.range, message, fixes });
    }
  }
}

/** Whether another reference of the post, not a guess, names a file of this reference's name (see `imageReferencesOf`). */
function namesShownImage(post: ParsedPost, reference: ImageReference): boolean {
  return (references.get(post)?.references ?? []).some((other) => other !== reference && !other.guess && basename(other.path) === reference.path);
}

/**
 * An image served as it is and heavier than the site's limit. Not images the generator resizes or
 * re-encodes on its own: Hugo's `assets/` (published only through image processing), Markdown images
 * where a render hook takes them (which may resize), Astro's images outside `public/` (astro:assets
 * optimises them), every image of an Eleventy site with the image transform plugin, and the frontmatter
 * images of Astro and Eleventy, which layouts show through their image pipelines. Guessed references are left alone: their file may not be the one shown.
 * Returns whether the reference shows the file as it is (then the file counts as weighed for the post).
 */
function reportHeavy(context: CheckContext, reference: ImageReference, file: string): boolean {
  const { site } = context;
  if (reference.guess || site.config.transformsImages || !showsAsIs(site, reference, file)) return false;
  const heavy = site.heavyImages.get(file);
  if (!heavy) return true;
  context.report({
    code: 'heavy-image',
    severity: 'warning',
    range: reference.range,
    message: heavy.width && heavy.height
      ? msg("Image \"{0}\" is {1}, {2} × {3} pixels: over the site's {4} limit (heavyImageKB), it slows the page down; a smaller or compressed copy loads faster.", reference.raw, formatBytes(heavy.bytes), heavy.width, heavy.height, formatBytes(site.settings.heavyImageBytes))
      : msg("Image \"{0}\" is {1}: over the site's {2} limit (heavyImageKB), it slows the page down; a smaller or compressed copy loads faster.", reference.raw, formatBytes(heavy.bytes), formatBytes(site.settings.heavyImageBytes)),
  });
  return true;
}

/**
 * A Markdown or HTML image found only in Hugo's assets/ where no image hook takes it (SiteConfig.assetsNeedImageHook): Hugo
 * writes the path as it is and publishes the file only if some template uses it, so this is a warning. A file a static/
 * mount serves too is published.
 */
function isUnpublishedAsset(site: Site, reference: ImageReference, file: string): boolean {
  const { config } = site;
  if (!config.assetsNeedImageHook || reference.guess || (reference.origin !== 'markdown' && reference.origin !== 'html')) return false;
  if (!config.assetDirs.some((dir) => isInside(dir, file)) || config.publicDirs.some((dir) => isInside(dir, file))) return false;
  return !mountReaches(config, 'static', file) && !hasRenderImageHook(site);
}

/**
 * A relative Markdown or HTML image that only static/ holds (Hugo), where no image render hook of the site resolves
 * paths: Hugo writes the path as it is, and the browser asks for it below the page's URL (pothix.github.com's
 * `![…](images/posts/dragstar.jpg)` on /dragstar2008/: hugo 0.111.3 writes that src, a 404). Where static/ serves the
 * file (`served`) and where the browser asks (`asked`); undefined where the two are one, or the page's URL is unknown.
 * A warning, as for assets/: another template may still resolve it.
 */
function staticFileAskedElsewhere(site: Site, post: ParsedPost, reference: ImageReference, file: string): { served: string; asked: string } | undefined {
  const { config } = site;
  if (!config.assetsNeedImageHook || reference.guess || (reference.origin !== 'markdown' && reference.origin !== 'html')) return undefined;
  if (reference.path.startsWith('/') || reference.path.startsWith('#')) return undefined;
  const publicDir = config.publicDirs.find((dir) => isInside(dir, file));
  const route = ownRoute(site, post);
  if (publicDir === undefined || !route || (reference.origin === 'markdown' && hasRenderImageHook(site))) return undefined;
  const served = `/${relativePath(publicDir, file)}`;
  const asked = relativeUrl(route.url, reference.path);
  return asked === served ? undefined : { served: `${config.basePath}${served}`, asked: `${config.basePath}${asked}` };
}

/** Whether the reference shows the image file as it is, not through the generator's image processing (see `reportHeavy`). */
function showsAsIs(site: Site, reference: ImageReference, file: string): boolean {
  const { config } = site;
  // A field only the layouts read may show the image resized (Hugo and Eleventy image pipelines, Astro's image()) or only in a
  // social card: Docusaurus' classic theme writes `image` as og:image alone (theme-classic BlogPostPage/Metadata; AKS's blog,
  // docusaurus 3.10.2, writes no <img> of its 1 MB hero.png).
  if (reference.origin === 'frontmatter' && (config.generator === 'astro' || config.generator === 'eleventy' || config.generator === 'docusaurus')) return false;
  // An MDX import that no `<img src={…}>` shows goes to a component, which may resize it (Docusaurus's IdealImage) or load
  // it only on a click (2m.github.io's zoom images, react-medium-image-zoom's `zoomImg`).
  if (reference.origin === 'import' && reference.tag !== 'img') return false;
  // The build re-encodes it before publishing (questdb.io's prebuild runs sharp over static/img): the checkout's weight is not the site's.
  if (config.reencodedImageDirs?.some((dir) => isInside(dir, file))) return false;
  if (config.generator === 'eleventy' && reference.origin === 'markdown' && config.markdownImageHookUnknown) return false;
  if (config.generator === 'hugo') {
    if (config.assetDirs.some((dir) => isInside(dir, file))) return false;
    // Where a frontmatter image shows, if anywhere but the social card, is for layouts Postcraft cannot read (text.baldanders.info's
    // theme, a submodule the checkout lacks, writes `image` into og:image alone).
    if (reference.origin === 'frontmatter' && config.layoutsUnseen) return false;
    // Hugo's image processing takes resources only (a bundle's files, assets/ and what is mounted there): a file of
    // static/ is shown as it is, whatever a render hook or layout does with the path.
    if (!mountReaches(config, 'assets', file) && !config.contentDirs.some((dir) => isInside(dir, file))) return true;
    if (reference.origin === 'markdown' && (config.markdownImageHookUnknown || hasRenderImageHook(site))) return false;
    if (reference.origin === 'frontmatter' && config.layoutsMayResize) return false;
  }
  if (config.generator === 'astro' && !config.publicDirs.some((dir) => isInside(dir, file))) return false;
  return true;
}

/** Whether a Hugo mount of a subfolder or file into static/ or assets/ takes `file` along. */
function mountReaches(config: Site['config'], component: 'static' | 'assets', file: string): boolean {
  return !!config.subfolderMounts?.some((mount) => mount.component === component && (mount.source === file || isInside(mount.source, file)));
}

/** A Hugo render hook for images (the site's or its theme's): it may resize what Markdown images show. */
function hasRenderImageHook(site: Site): boolean {
  const known = renderHooks.get(site.files);
  if (known && known.size === site.files.size) return known.found;
  let found = false;
  for (const file of site.files.all()) if (/\/layouts\/(?:.+\/)?_markup\/render-image(?:\.[^/]*)?\.html$/.test(file)) found = true;
  renderHooks.set(site.files, { size: site.files.size, found });
  return found;
}

const renderHooks = new WeakMap<object, { readonly size: number; readonly found: boolean }>();

/** `x.jpg` or `featured/x.jpg`, not `/x.jpg`, `./x.jpg` or `../x.jpg`. */
function isBareRelative(path: string): boolean {
  return !path.startsWith('/') && !path.startsWith('./') && !path.startsWith('../');
}

/** Keeps the written path and swaps only the letters that differ in case. */
function relativeCaseFix(path: string, written: string, actual: string): string {
  const tail = actual.slice(actual.length - path.replace(/^\//, '').length);
  return path.startsWith('/') ? `/${tail}` : tail.length === path.length ? tail : written;
}

/** The fixed path, percent-encoded again when the source was. */
function rewriteLike(raw: string, decoded: string, fixed: string): string {
  return raw !== decoded && raw.includes('%') ? encodeURI(fixed) : fixed;
}
