import { rootRelativeCandidates } from '../generators/profile';
import type { GeneratorRoutes } from './generatorRoutes';

/** What Eleventy's config says about URLs (filled by its config loader). */
export interface EleventyRouting {
  readonly generator: 'eleventy';
}

/** Eleventy's URL rules. (Being written: no page has a URL yet, so no link is checked.) */
export const eleventyRoutes: GeneratorRoutes = {
  pageRoute: () => undefined,
  fileCandidates: rootRelativeCandidates,
  isGeneratedUrl: () => false,
};
