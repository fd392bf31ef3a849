import { rootRelativeCandidates } from '../generators/profile';
import type { GeneratorRoutes } from './generatorRoutes';

/** What Hugo's config says about URLs (filled by its config loader). */
export interface HugoRouting {
  readonly generator: 'hugo';
}

/** Hugo's URL rules. (Being written: no page has a URL yet, so no link is checked.) */
export const hugoRoutes: GeneratorRoutes = {
  pageRoute: () => undefined,
  fileCandidates: rootRelativeCandidates,
  isGeneratedUrl: () => false,
};
