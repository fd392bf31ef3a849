import { basename, dirname, isInside, joinPath } from '../../../text/paths';
import { objectSetting, stringSetting, type ConfigData } from '../../configFiles';
import type { SiteConfig, SiteLanguages } from '../../model';
import type { HugoContentMount } from '../../routes/hugo';
import type { Mount } from './config';
import { escapeRegExp } from '../../../text/regExp';

/**
 * The languages a Hugo site builds (`[languages.xx]`, keys lower-cased by Hugo, less `disableLanguages`)
 * and the default (`defaultContentLanguage`, else `en`), which Hugo knows even on a site that declares
 * none; and which folder holds which language's content: module mounts of `content` when the site has
 * any (each with its `lang`, else the default's; a language's `contentDir` is then not read), else each
 * language's `contentDir`, the site's `contentDir` serving the others. Checked with hugo 0.111.3.
 * https://gohugo.io/content-management/multilingual/ — https://gohugo.io/hugo-modules/configuration/#module-configuration-mounts
 */
export function readLanguages(data: ConfigData, root: string, globalContentDir: string, contentMounts: readonly Mount[], disabled: ReadonlySet<string>): SiteLanguages & { readonly mounts: readonly HugoContentMount[] } {
  const declared = Object.entries(objectSetting(data, 'languages') ?? {}).filter(([code]) => !disabled.has(code));
  const defaultLanguage = (stringSetting(data, 'defaultContentLanguage') ?? 'en').toLowerCase();
  const codes = new Set([defaultLanguage, ...declared.map(([code]) => code)]);
  const languageOf = (candidates: readonly string[]) => (candidates.length === 0 || candidates.includes(defaultLanguage) ? defaultLanguage : candidates[0]!);
  // Every language a mount builds its files for, its own first: `lang` names one (Hugo 0.111), a sites matrix
  // (Hugo ≥ 0.153) may name several, globs included (docsy.dev mounts content/en for en and fr).
  const languagesOf = (candidates: readonly string[]) => {
    const named = candidates.flatMap((code) => (/[*?[]/.test(code) ? [...codes].filter((known) => new RegExp(`^${globToRegExpSource(code)}$`).test(known)) : [code]));
    const own = languageOf(named);
    return [own, ...new Set(named.filter((code) => code !== own))];
  };
  let contentDirs: { dir: string; language: string; isLanguageRoot: boolean; mountedAt?: string; filters?: Mount['filters'] }[];
  if (contentMounts.length > 0) {
    // A mount into a folder of content (`content/docs`) grafts pages, often as another language's fallback.
    contentDirs = contentMounts.flatMap((mount) =>
      languagesOf(mount.languages).map((language) => ({
        dir: joinPath(root, mount.source),
        language,
        isLanguageRoot: mount.target === 'content',
        ...(mount.target === 'content' ? {} : { mountedAt: mount.target.slice('content'.length) }),
        ...(mount.filters ? { filters: mount.filters } : {}),
      })),
    );
  } else {
    const ownDir = (code: string) => {
      const settings = declared.find(([declaredCode]) => declaredCode === code)?.[1];
      const dir = settings && typeof settings === 'object' ? stringSetting(settings as ConfigData, 'contentDir') : undefined;
      return dir ? joinPath(root, dir) : undefined;
    };
    contentDirs = [...codes].flatMap((language) => {
      const dir = ownDir(language);
      return dir ? [{ dir, language, isLanguageRoot: true }] : [];
    });
    const withoutOwnDir = [...codes].filter((code) => !contentDirs.some((entry) => entry.language === code));
    if (withoutOwnDir.length > 0) contentDirs.push({ dir: globalContentDir, language: languageOf(withoutOwnDir), isLanguageRoot: true });
    // A folder is read once, for the first language that names it, the default first: hugo 0.111 mounts each content
    // folder once (modules/config.go, ApplyProjectConfigDefaults), current Hugo drops the language of a contentDir that
    // is the site's. akitaonrails.github.io's `en: { contentDir: content }` leaves content/ to its default pt-br.
    const byDefaultFirst = (entry: { language: string }) => Number(entry.language !== defaultLanguage);
    const seen = new Set<string>();
    contentDirs = [...contentDirs].sort((a, b) => byDefaultFirst(a) - byDefaultFirst(b)).filter((entry) => !seen.has(entry.dir) && seen.add(entry.dir));
  }
  // A language's own folder first, the deepest first (`content/fr` within `content`); grafts after.
  contentDirs.sort((a, b) => Number(b.isLanguageRoot) - Number(a.isLanguageRoot) || b.dir.length - a.dir.length);
  const mounts = contentDirs.map(({ dir, language, mountedAt, filters }) => ({ dir, language, ...(mountedAt ? { mountedAt } : {}), ...(filters ? { filters } : {}) }));
  return { defaultLanguage, codes, contentDirs: contentDirs.map(({ dir, language, mountedAt }) => ({ dir, language, ...(mountedAt ? { mountedAt } : {}) })), mounts };
}

/**
 * Every folder Hugo reads content from when no module mounts it: each language's own, and the site's for
 * languages without one; the default language's first (where a new page goes).
 */
export function languageContentDirs(languages: SiteLanguages): string[] {
  const isDefault = (language: string) => Number(language === languages.defaultLanguage);
  const entries = [...languages.contentDirs].sort((a, b) => isDefault(b.language) - isDefault(a.language));
  return [...new Set(entries.map((entry) => entry.dir))];
}

/** Files in a disabled language by name (`a.de.md`), which Hugo does not build. */
export function disabledLanguageFiles(disabled: ReadonlySet<string>): RegExp[] {
  if (disabled.size === 0) return [];
  const codes = [...disabled].map(escapeRegExp);
  return [new RegExp(`\\.(?:${codes.join('|')})\\.[^./]+$`)];
}

/**
 * A post's language on a multilingual site: a declared code before the extension (`a.es.md`,
 * `_index.pt-br.md`; an undeclared `a.fr.md` is the page `a.fr` of its folder's language, and codes are
 * matched in lower case only), else the language of the folder that holds it (a language's own folder
 * before a mount into a folder of content, which is often another language's fallback copy), else the
 * default. Checked with hugo 0.111.3 (`hugo list all`).
 */
export function hugoPostLanguage(config: SiteConfig, postPath: string): string | undefined {
  const languages = config.languages;
  if (!languages || languages.codes.size < 2) return undefined;
  const suffix = /\.([^./]+)\.[^./]+$/.exec(basename(postPath))?.[1];
  if (suffix !== undefined && languages.codes.has(suffix)) return suffix;
  return languages.contentDirs.find((entry) => isInside(entry.dir, postPath))?.language ?? languages.defaultLanguage;
}

/**
 * A page bundle inherits the resources of its translations' bundles: `content/ja/blog/x/index.md` shows
 * `pic.png` kept only in `content/en/blog/x/` (and Hugo publishes it beside the Japanese page too).
 * https://gohugo.io/content-management/multilingual/#page-bundles — checked with hugo 0.111.3.
 */
export function translatedBundleCandidates(config: SiteConfig, postPath: string, imagePath: string): string[] {
  const languages = config.languages;
  if (!languages || languages.codes.size < 2 || !/^_?index\./.test(basename(postPath))) return [];
  const holder = languages.contentDirs.find((entry) => isInside(entry.dir, postPath));
  if (!holder) return [];
  const bundle = dirname(postPath).slice(holder.dir.length);
  const otherDirs = new Set(languages.contentDirs.map((entry) => entry.dir).filter((dir) => dir !== holder.dir));
  return [...otherDirs].map((dir) => joinPath(`${dir}${bundle}`, imagePath));
}

/** A language glob of a sites matrix (`*`, `**`, `e?`, `[ef]*`) as a regular expression's source. */
function globToRegExpSource(glob: string): string {
  return glob.split('').map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char === '[' || char === ']' ? char : escapeRegExp(char))).join('');
}
