import { rootRelativeCandidates } from '../generators/profile';
import type { GeneratorRoutes } from './generatorRoutes';

/** What Docusaurus's config says about URLs (filled by its config loader). */
export interface DocusaurusRouting {
  readonly generator: 'docusaurus';
}

/** Docusaurus's URL rules. (Being written: no page has a URL yet, so no link is checked.) */
export const docusaurusRoutes: GeneratorRoutes = {
  pageRoute: () => undefined,
  fileCandidates: rootRelativeCandidates,
  isGeneratedUrl: () => false,
};
