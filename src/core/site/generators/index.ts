import { astro } from './astro';
import { docusaurus } from './docusaurus';
import { eleventy } from './eleventy';
import { hugo } from './hugo';
import { jekyll } from './jekyll';
import { plainMarkdown } from './markdown';
import type { GeneratorProfile } from './profile';

/** In detection order: the most specific config file names first. */
export const generators: readonly GeneratorProfile[] = [hugo, docusaurus, astro, eleventy, jekyll];
export { plainMarkdown };
export type { GeneratorProfile };
