import { basename, isInside, joinPath } from '../../../text/paths';
import { objectSetting, stringSetting, type ConfigData } from '../../configFiles';
import type { SiteConfig, SiteLanguages } from '../../model';

/**
 * The languages a Hugo site declares (`[languages.xx]`, keys lower-cased by Hugo) and the default
 * (`defaultContentLanguage`, else `en`), which Hugo knows even on a site that declares none.
 * https://gohugo.io/content-management/multilingual/
 */
export function readLanguages(data: ConfigData, root: string, globalContentDir: string): SiteLanguages {
  const declared = objectSetting(data, 'languages') ?? {};
  const defaultLanguage = (stringSetting(data, 'defaultContentLanguage') ?? 'en').toLowerCase();
  const contentDirs = Object.entries(declared).flatMap(([language, settings]) => {
    const dir = settings && typeof settings === 'object' ? stringSetting(settings as ConfigData, 'contentDir') : undefined;
    return dir ? [{ dir: joinPath(root, dir), language }] : [];
  });
  // Deepest first, so `content/en` wins over `content`; for one folder, the default language first.
  contentDirs.sort((a, b) => b.dir.length - a.dir.length || Number(b.language === defaultLanguage) - Number(a.language === defaultLanguage));
  const languagesWithOwnDir = new Set(contentDirs.map((entry) => entry.language));
  const codes = new Set([defaultLanguage, ...Object.keys(declared)]);
  const sharedDirUsed = [...codes].some((code) => !languagesWithOwnDir.has(code));
  return { defaultLanguage, codes, contentDirs: sharedDirUsed ? [...contentDirs, { dir: globalContentDir, language: defaultLanguage }] : contentDirs };
}

/**
 * Every folder Hugo reads content from: each language's own, and the site's for languages without one;
 * the default language's first (where a new page goes).
 */
export function languageContentDirs(languages: SiteLanguages, globalContentDir: string): string[] {
  if (languages.contentDirs.length === 0) return [globalContentDir];
  const isDefault = (language: string) => Number(language === languages.defaultLanguage);
  const entries = [...languages.contentDirs].sort((a, b) => isDefault(b.language) - isDefault(a.language));
  return [...new Set(entries.map((entry) => entry.dir))];
}

/**
 * A post's language on a multilingual site: a declared code before the extension (`a.es.md`,
 * `_index.pt-br.md`; an undeclared `a.fr.md` is the page `a.fr` of its folder's language, and codes are
 * matched in lower case only), else the language whose content folder holds it, else the default.
 * Checked with hugo 0.111.3 (`hugo list all`).
 */
export function hugoPostLanguage(config: SiteConfig, postPath: string): string | undefined {
  const languages = config.languages;
  if (!languages || languages.codes.size < 2) return undefined;
  const suffix = /\.([^./]+)\.[^./]+$/.exec(basename(postPath))?.[1];
  if (suffix !== undefined && languages.codes.has(suffix)) return suffix;
  return languages.contentDirs.find((entry) => isInside(entry.dir, postPath))?.language ?? languages.defaultLanguage;
}

/** The language code in an `_index.es.md`/`index.es.md` name, if the site declares it; `''` for none. */
export function bundleLanguage(languages: SiteLanguages | undefined, name: string, stem: string): string | undefined {
  const match = new RegExp(`^${stem}(?:\\.([^./]+))?\\.[^./]+$`).exec(name);
  if (!match) return undefined;
  const code = match[1];
  if (code === undefined) return '';
  return languages?.codes.has(code) ? code : undefined;
}
