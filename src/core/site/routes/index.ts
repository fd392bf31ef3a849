import type { GeneratorId } from '../model';
import { astroRoutes } from './astro';
import { docusaurusRoutes } from './docusaurus';
import { eleventyRoutes } from './eleventy';
import type { GeneratorRoutes } from './generatorRoutes';
import { hugoRoutes } from './hugo';
import { jekyllRoutes } from './jekyll';

/** Without a known generator there are no URL rules: only relative file links are followed. */
const plainMarkdownRoutes: GeneratorRoutes = {
  pageRoute: () => undefined,
  fileCandidates: () => [],
  isGeneratedUrl: () => false,
};

// Read when asked, not when this module loads: the extension's bundle loads the rules of generators besides
// Hugo on first use (scripts/lazyChunks.mjs).
const byGenerator: Readonly<Record<GeneratorId, () => GeneratorRoutes>> = {
  hugo: () => hugoRoutes,
  jekyll: () => jekyllRoutes,
  docusaurus: () => docusaurusRoutes,
  astro: () => astroRoutes,
  eleventy: () => eleventyRoutes,
  markdown: () => plainMarkdownRoutes,
};

export function routesOf(generator: GeneratorId): GeneratorRoutes {
  return byGenerator[generator]();
}
