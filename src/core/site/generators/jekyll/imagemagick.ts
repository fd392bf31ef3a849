import { joinPath, isInside } from '../../../text/paths';
import { objectSetting, type ConfigData } from '../../configFiles';
import type { FileSet } from '../../fileSet';
import type { GeneratedImageCopies } from '../../model';

/** The plugin's settings (`imagemagick:`), where it is loaded and turned on. */
export function imagemagickCopies(data: ConfigData, plugins: readonly string[], source: string): GeneratedImageCopies | undefined {
  const settings = objectSetting(data, 'imagemagick');
  if (!plugins.includes('jekyll-imagemagick') || settings?.['enabled'] !== true) return undefined;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const formats = settings['output_formats'];
  const outputFormats = formats && typeof formats === 'object' && !Array.isArray(formats) ? Object.keys(formats) : list(formats);
  const dot = (format: string) => (format.startsWith('.') ? format : `.${format}`).toLowerCase();
  return {
    dirs: list(settings['input_directories']).map((dir) => joinPath(source, dir.replace(/^\/+|\/+$/g, ''))),
    widths: list(settings['widths']).map(Number).filter(Number.isInteger),
    inputFormats: list(settings['input_formats']).map(dot),
    outputFormats: outputFormats.map(dot),
  };
}

/**
 * Whether `file` (a path in the site) is a copy the plugin writes: its name is an input image's, with a width the
 * settings list or none, in an output format. The input's extension is matched in any letter case (al-folio's
 * `DJI_0895.JPG` for `.jpg`): whether the plugin does is not known here, and a false error is worse than a miss.
 */
export function isGeneratedCopy(copies: GeneratedImageCopies, files: FileSet, file: string): boolean {
  const extension = /\.[A-Za-z0-9]+$/.exec(file)?.[0];
  if (!extension || !copies.outputFormats.includes(extension.toLowerCase())) return false;
  const name = file.slice(0, -extension.length);
  // `photo-480.webp` is photo's at width 480; `photo.webp` (and `shot-2023.webp`, no listed width) a whole copy.
  const sized = /^(.*)-(\d+)$/.exec(name);
  const bases = [name, ...(sized && copies.widths.includes(Number(sized[2])) ? [sized[1]!] : [])];
  return bases.some((base) => copies.dirs.some((dir) => isInside(dir, base)) && copies.inputFormats.some((format) => files.has(`${base}${format}`) || files.caseVariant(`${base}${format}`) !== undefined));
}
