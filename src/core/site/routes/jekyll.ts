import { rootRelativeCandidates } from '../generators/profile';
import type { GeneratorRoutes } from './generatorRoutes';

/** What Jekyll's config says about URLs (filled by its config loader). */
export interface JekyllRouting {
  readonly generator: 'jekyll';
}

/** Jekyll's URL rules. (Being written: no page has a URL yet, so no link is checked.) */
export const jekyllRoutes: GeneratorRoutes = {
  pageRoute: () => undefined,
  fileCandidates: rootRelativeCandidates,
  isGeneratedUrl: () => false,
};
