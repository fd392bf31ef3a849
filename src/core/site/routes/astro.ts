import { rootRelativeCandidates } from '../generators/profile';
import type { GeneratorRoutes } from './generatorRoutes';

/** What Astro's config says about URLs (filled by its config loader). */
export interface AstroRouting {
  readonly generator: 'astro';
}

/** Astro's URL rules. (Being written: no page has a URL yet, so no link is checked.) */
export const astroRoutes: GeneratorRoutes = {
  pageRoute: () => undefined,
  fileCandidates: rootRelativeCandidates,
  isGeneratedUrl: () => false,
};
