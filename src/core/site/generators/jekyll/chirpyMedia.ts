import type { SiteFileSystem } from '../../../host/fileSystem';
import { readText } from '../../../host/textFiles';
import { joinPath } from '../../../text/paths';
import { stringSetting, type ConfigData } from '../../configFiles';
import type { MediaSubpath } from '../../../post/mediaSubpath';

/**
 * The Chirpy rule of this site, if it uses Chirpy: its own `refactor-content.html` decides (a copy of the theme, or
 * an override of the gem's); else the gem's version, from Gemfile.lock, the Gemfile's constraint or `remote_theme`.
 */
export async function chirpyMediaSubpath(fs: SiteFileSystem, root: string, includesDir: string, data: ConfigData, gemfile: string | undefined): Promise<MediaSubpath | undefined> {
  const keys = await chirpyKeys(fs, root, includesDir, data, gemfile);
  if (!keys) return undefined;
  // Chirpy 7's `cdn:` (`img_cdn:` before) goes before every such path: the images are the CDN's, not the site's files.
  const cdn = keys.some((key) => (stringSetting(data, key === 'media_subpath' ? 'cdn' : 'img_cdn') ?? '').trim() !== '');
  // The post layout's preview image and its low-quality placeholder.
  return { keys, fields: ['image', 'image.path', 'image.lqip'], ...(cdn ? { servedElsewhere: true as const } : {}) };
}

async function chirpyKeys(fs: SiteFileSystem, root: string, includesDir: string, data: ConfigData, gemfile: string | undefined): Promise<MediaSubpath['keys'] | undefined> {
  const own = await readText(fs, joinPath(includesDir, 'refactor-content.html'));
  if (own !== undefined) {
    if (/\bpage\.media_subpath\b/.test(own)) return ['media_subpath'];
    if (/\bpage\.img_path\b/.test(own)) return ['img_path'];
    return undefined;
  }
  const remote = /^cotes2020\/jekyll-theme-chirpy(?:@v?(\d+))?/i.exec(stringSetting(data, 'remote_theme') ?? '');
  if (stringSetting(data, 'theme') !== 'jekyll-theme-chirpy' && !remote) return undefined;
  const locked = /^\s+jekyll-theme-chirpy \((\d+)\./m.exec((await readText(fs, joinPath(root, 'Gemfile.lock'))) ?? '');
  const constrained = /["']jekyll-theme-chirpy["']\s*,\s*["'][~>=\s]*(\d+)/.exec(gemfile ?? '');
  const major = Number(locked?.[1] ?? remote?.[1] ?? constrained?.[1] ?? Number.NaN);
  if (Number.isNaN(major)) return ['media_subpath', 'img_path'];
  return major >= 7 ? ['media_subpath'] : ['img_path'];
}
