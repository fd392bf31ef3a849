import type { AstroRouting } from './astro';
import type { DocusaurusRouting } from './docusaurus';
import type { EleventyRouting } from './eleventy';
import type { HugoRouting } from './hugo';
import type { JekyllRouting } from './jekyll';

/** What a site's config says about URLs, in its generator's terms (see each generator's routes). */
export type SiteRouting = HugoRouting | JekyllRouting | DocusaurusRouting | AstroRouting | EleventyRouting;
