import { firstExisting, type GeneratorProfile } from './profile';
import { commandFlag } from '../packageScripts';

/**
 * What finding a site needs of each generator: its config files and how they mark a folder. Kept apart
 * from the rest of each profile, so that a front may load a generator's rules only for the sites that use
 * it (the extension's bundle keeps those of Jekyll, Docusaurus, Astro and Eleventy in a bundle of their own).
 */
export type GeneratorDetection = Pick<GeneratorProfile, 'id' | 'displayName' | 'configFiles' | 'detect' | 'configFromScripts' | 'markerFolders'>;

export const hugoConfigNames = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const hugoSiteFolders = ['content', 'archetypes', 'layouts', 'themes'];

export const hugoDetection: GeneratorDetection = {
  id: 'hugo',
  displayName: 'Hugo',
  configFiles: [...hugoConfigNames, 'config/_default'],
  detect(names) {
    const hugoNamed = firstExisting(names, hugoConfigNames.filter((name) => name.startsWith('hugo.')));
    if (hugoNamed) return hugoNamed;
    const looksLikeHugo = hugoSiteFolders.some((folder) => names.has(folder));
    if (!looksLikeHugo) return undefined;
    // A `config/` folder is Hugo's config directory only when no other generator's config file is there:
    // 18F's Eleventy site splits its .eleventy.js into config/ beside content/ (hugo 0.111.3 refuses that folder).
    const otherConfig = [...docusaurusConfigNames, ...astroConfigNames, ...eleventyConfigNames, ...jekyllConfigNames].some((name) => names.has(name));
    return firstExisting(names, hugoConfigNames) ?? (names.has('config') && !otherConfig ? 'config/_default' : undefined);
  },
};

const docusaurusConfigNames = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts'];
export const docusaurusDetection: GeneratorDetection = {
  id: 'docusaurus',
  displayName: 'Docusaurus',
  configFiles: docusaurusConfigNames,
  detect: (names) => firstExisting(names, docusaurusConfigNames),
};

const astroConfigNames = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'];
export const astroDetection: GeneratorDetection = {
  id: 'astro',
  displayName: 'Astro',
  configFiles: astroConfigNames,
  detect: (names) => firstExisting(names, astroConfigNames),
};

// Eleventy 3 reads the first of .eleventy.js, eleventy.config.{js,mjs,cjs} (TemplateConfig's
// projectConfigPaths); the others only by --config, so they come last.
const eleventyConfigNames = ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.cjs'];
export const eleventyDetection: GeneratorDetection = {
  id: 'eleventy',
  displayName: 'Eleventy',
  configFiles: eleventyConfigNames,
  detect: (names) => firstExisting(names, eleventyConfigNames),
  // Any name works with --config (aleksandrhovhannisyan.com builds with `eleventy --config=.eleventy.ts`).
  configFromScripts: (scripts) => commandFlag(scripts, 'eleventy', 'config'),
};

const jekyllConfigNames = ['_config.yml', '_config.yaml', '_config.toml'];
export const jekyllDetection: GeneratorDetection = {
  id: 'jekyll',
  displayName: 'Jekyll',
  configFiles: jekyllConfigNames,
  detect: (names) => firstExisting(names, jekyllConfigNames),
  // Jekyll builds a folder without _config.yml on its defaults (GitHub Pages too): mojombo.github.io has only
  // _posts/ and _layouts/, folders no other generator reads at a site's root.
  markerFolders: ['_posts', '_layouts'],
};
