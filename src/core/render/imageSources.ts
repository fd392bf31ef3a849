import { toReference } from '../post/imageReferences';
import type { ServedPath } from '../post/mediaSubpath';
import { resolveImage } from '../site/imageResolution';
import { resolvePageImage } from '../site/pageImages';
import type { Site } from '../site/site';
import { relativePath } from '../text/paths';
import { english, formatMessage, msg, type Message, type Translate } from '../l10n/message';

/** Why an image is shown as a placeholder instead of loaded. */
export type ImageProblem = 'missing' | 'wrong-case' | 'outside-site' | 'remote-blocked' | 'template' | 'unsupported';

export type ImageSource =
  | { readonly kind: 'shown'; readonly url: string }
  /** `headline` and `detail` in the preview's language. */
  | { readonly kind: 'placeholder'; readonly problem: ImageProblem; readonly written: string; readonly headline: string; readonly detail: string };

export interface ImageSourceOptions {
  /** The URI the preview loads a site file from (the webview's resource URI). */
  readonly toResourceUri: (absolutePath: string) => string;
  readonly allowRemoteImages: boolean;
  /** MDX: names bound to images by `import hero from './hero.png'`, so `src={hero}` resolves. */
  readonly imports?: ReadonlyMap<string, string>;
  /** The language of the placeholders' text; English unless set. */
  readonly translate?: Translate;
  /** Where the theme serves a path the post writes, where it moves it (Chirpy's media_subpath, see post/mediaSubpath.ts). */
  readonly servedPath?: ((path: string) => ServedPath) | undefined;
}

// Raster formats and SVG: an SVG loaded through <img> never runs its scripts.
const safeDataImage = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i;
const remote = /^(?:https?:)?\/\//i;
const scheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Decides what the preview loads for an image address written in a post: a site file (resolved the
 * way the generator resolves it, through the webview's resource URIs), a data image, a remote image
 * when allowed, or a placeholder saying why not. Files outside the site are never loaded.
 */
export class ImageSources {
  /** Site files the rendered post shows. */
  readonly shownFiles = new Set<string>();

  constructor(private readonly site: Site, private readonly options: ImageSourceOptions) {}

  /** `written` as it stands in the post (or as Markdown percent-encoded it), relative to `fromFile`. */
  resolve(written: string, fromFile: string): ImageSource {
    const address = written.trim();
    if (address.toLowerCase().startsWith('data:')) return safeDataImage.test(address) ? { kind: 'shown', url: address } : this.placeholder('unsupported', address, msg('Only data: images in common formats are shown.'));
    if (remote.test(address)) {
      const secure = address.startsWith('//') ? `https:${address}` : address;
      if (!this.options.allowRemoteImages) return this.placeholder('remote-blocked', address, msg('Remote images are not loaded; turn on postcraft.preview.allowRemoteImages to show them.'));
      return /^https:/i.test(secure) ? { kind: 'shown', url: secure } : this.placeholder('remote-blocked', address, msg('Only https images are loaded.'));
    }
    if (scheme.test(address)) return this.placeholder('unsupported', address, msg('This kind of address is not loaded in the preview.'));
    const imported = /^\{\s*([\w$]+)\s*\}$/.exec(address)?.[1];
    if (imported !== undefined) {
      const path = this.options.imports?.get(imported);
      return path === undefined ? this.placeholder('template', address, msg('An MDX expression the site fills in.')) : this.resolve(path, fromFile);
    }
    // Markdown percent-encodes a template in a destination (`{{ site.baseurl }}/a.png`); the template rules need it back.
    const raw = /%7B/i.test(address) ? safeDecode(address) : address;
    const reference = toReference(raw, 0, 'markdown');
    if (!reference) return this.placeholder(raw === '' || raw.startsWith('#') ? 'unsupported' : 'template', raw, msg('The generator fills this path in from a template.'));
    const served = this.options.servedPath?.(reference.path);
    if (served === 'elsewhere') return this.placeholder('template', raw, msg('The theme serves this image from another address (the site\'s CDN).'));
    const resolvable = served === undefined ? reference : { ...reference, path: served.path };
    // From a page, also as the published page serves it (its own URL); from another file, as the generator reads it.
    const resolution = this.site.posts.has(fromFile) ? resolvePageImage(this.site, { path: fromFile }, resolvable) : resolveImage(this.site.profile, this.site.config, this.site.files, fromFile, resolvable);
    switch (resolution.status) {
      case 'found':
        this.shownFiles.add(resolution.file);
        return { kind: 'shown', url: this.options.toResourceUri(resolution.file) };
      case 'wrong-case':
        return this.placeholder('wrong-case', raw, msg('Exists only as "{0}": letter case matters on the web server.', relativePath(this.site.root, resolution.file)));
      case 'outside-site':
        return this.placeholder('outside-site', raw, msg('Points outside the site; never loaded.'));
      case 'missing':
        return this.placeholder('missing', raw, msg('The generator would not find this image.'));
    }
  }

  private placeholder(problem: ImageProblem, written: string, detail: Message): ImageSource {
    const translate = this.options.translate ?? english;
    return { kind: 'placeholder', problem, written, headline: formatMessage(headlines[problem], translate), detail: formatMessage(detail, translate) };
  }

  /** The URI scheme of resource URIs, which the sanitiser must let through on <img>. */
  resourceScheme(): string | undefined {
    return scheme.exec(this.options.toResourceUri(this.site.root))?.[0].slice(0, -1).toLowerCase();
  }
}

const headlines: Record<ImageProblem, Message> = {
  'missing': msg('Image not found'),
  'wrong-case': msg('Image not found (letter case)'),
  'outside-site': msg('Image outside the site'),
  'remote-blocked': msg('Remote image blocked'),
  'template': msg('Image from a template'),
  'unsupported': msg('Image not shown'),
};

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
