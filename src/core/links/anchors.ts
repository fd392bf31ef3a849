import type { SiteConfig } from '../site/model';
import type { Anchor, HeadingIdStyle } from './model';

/** The site's heading ID rule: its config's choice, else its generator's default; undefined where headings get no IDs. */
export function headingIdStyleOf(config: Pick<SiteConfig, 'generator' | 'headingIds'>): HeadingIdStyle | undefined {
  return config.headingIds ?? defaults[config.generator];
}

// Eleventy's markdown-it gives headings no IDs unless the site adds a plugin (markdown-it-anchor), each its own way.
const defaults: Readonly<Record<SiteConfig['generator'], HeadingIdStyle | undefined>> = {
  hugo: 'github',
  jekyll: 'kramdown',
  docusaurus: 'github-slugger',
  astro: 'github-slugger',
  eleventy: undefined,
  markdown: 'github-slugger',
};

/**
 * The anchors of a Markdown body as the generator makes them: heading IDs by `style` (with the suffixes
 * it gives duplicates and the `{#id}` attributes it honours) and explicit `<a id>`/`name` anchors.
 * Ranges are offsets into the post (`bodyStart` added). (Being written.)
 */
export function anchorsOf(_body: string, _bodyStart: number, _options: { readonly style: HeadingIdStyle; readonly mdx: boolean }): Anchor[] {
  return [];
}
