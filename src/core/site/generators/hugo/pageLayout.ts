import type { SiteConfig } from '../../model';
import { hugoContentFile } from '../../routes/hugo';
import { laysOutWithoutContent } from './typeLayouts';

/** A Hugo page's content type: its `type`, else its section (the first folder of its content path; '' for the home page). */
export function hugoPageType(config: SiteConfig, path: string, data: Readonly<Record<string, unknown>>): string {
  return typeof data['type'] === 'string' ? data['type'] : (hugoContentFile(config, path, config.languages?.defaultLanguage ?? '')?.dir.split('/')[0] ?? '');
}

export function isSectionPage(path: string): boolean {
  return /(^|\/)_index\.[^/]+$/.test(path);
}

/**
 * Whether the page's content is on no page of the site: the layout of its type that lays it out renders none (see
 * `laysOutWithoutContent`), so the links, images and headings in its body are published nowhere.
 */
export function hugoContentUnrendered(config: SiteConfig, path: string, data: Readonly<Record<string, unknown>>): boolean {
  if (!config.contentLayouts) return false;
  const type = hugoPageType(config, path, data);
  const layouts = config.contentLayouts.get(type);
  return layouts !== undefined && laysOutWithoutContent(layouts, data['layout'], type, isSectionPage(path));
}
