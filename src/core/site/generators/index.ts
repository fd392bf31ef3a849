import { astro } from './astro';
import { astroDetection, docusaurusDetection, eleventyDetection, hugoDetection, jekyllDetection, type GeneratorDetection } from './detection';
import { docusaurus } from './docusaurus';
import { eleventy } from './eleventy';
import { hugo } from './hugo';
import { jekyll } from './jekyll';
import { plainMarkdown } from './markdown';
import type { GeneratorProfile } from './profile';

/** A generator Postcraft knows: how its sites are found, and its whole profile, read only for a site found. */
export interface KnownGenerator extends GeneratorDetection {
  profile(): GeneratorProfile;
}

/** In detection order: the most specific config file names first. */
export const generators: readonly KnownGenerator[] = [
  { ...hugoDetection, profile: () => hugo },
  { ...docusaurusDetection, profile: () => docusaurus },
  { ...astroDetection, profile: () => astro },
  { ...eleventyDetection, profile: () => eleventy },
  { ...jekyllDetection, profile: () => jekyll },
];
export { plainMarkdown };
export type { GeneratorProfile };
