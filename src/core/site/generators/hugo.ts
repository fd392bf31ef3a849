import { hugoDetection } from './detection';
import { isInside, joinPath, relativePath } from '../../text/paths';
import type { SiteFileSystem } from '../../host/fileSystem';
import { gitIgnoredFolders } from '../gitIgnoredFolders';
import { foldersCopiedByBuild } from '../buildCopies';
import { basePathOf, hostOf, withHost, objectSetting, objectSettingAt, stringSetting, type ConfigData } from '../configFiles';
import type { SiteConfig } from '../model';
import type { HighlightDefaults } from '../../links/model';
import { browserCandidates, defaultImageFields, rootRelativeCandidates, withoutBasePath, type GeneratorProfile, type LoadedSiteConfig, recordingConfigInputs } from './profile';
import { hugoAuthorKey, loadHugoAuthors } from './hugo/authors';
import { disabledLanguages, moduleMounts, readHugoConfig, taxonomyKeys, themeNames } from './hugo/config';
import { hiddenContent, HiddenInMounts, ignoreFilesPatterns } from './hugo/ignoredFiles';
import { disabledLanguageFiles, hugoPostLanguage, languageContentDirs, readLanguages, translatedBundleCandidates } from './hugo/languages';
import { UnmountedContent } from './hugo/mountFilters';
import { pageFolderCandidates } from './hugo/pageFolder';
import { mountedFiles, subfolderMounts } from './hugo/subfolderMounts';
import { msg, type Message } from '../../l10n/message';
import { loadUnrenderedPages, type ContentRoot } from './hugo/unrenderedPages';
import { hugoTermKey } from './hugo/terms';
import { readHugoRouting } from './hugo/routing';
import { embeddedHookOn, readLinkHook } from './hugo/linkRenderHook';
import { knownImageHook } from './hugo/unseenLayouts';
import { isBefore, statedHugoVersion } from './hugo/statedVersion';
import { readShortcodeTemplates } from './hugo/shortcodeTemplates';
import { readTemplateWords } from './hugo/templateWords';
import { remoteAddressParams } from './hugo/remoteImages';
import { readTypeLayouts } from './hugo/typeLayouts';
import { makePathSanitized } from './hugo/terms';
import { hugoRoutingOf } from '../routes/hugo';

export const hugo: GeneratorProfile = {
  ...hugoDetection,

  publishing: { skipsDrafts: true, skipsFuturePosts: true, skipsExpiredPages: true },
  images: { publicFolder: 'images', besidePost: 'bundles', searchedWhere: msg('next to the post, in assets/ or in static/'), layoutsResolveFields: true, rulesGuessed: false },
  frontmatter: { failsBuildOnBadDate: true, titled: true, repeatedYamlKey: 'reads one value' },
  links: { newLinkStyle: '/', aliasesForMovedPages: true },
  newPost: {
    defaultSection: 'posts',
    datedFileNames: false,
    template: `---\ntitle: "{{ .Title }}"\ndate: ${'{{ .Date }}'}\ndraft: true\ntags: []\n---\n\n`,
    archetypes: (root, section) => [joinPath(root, 'archetypes', `${section}.md`), joinPath(root, 'archetypes', 'default.md')],
    /** Hugo's `urlize` without its escaping (`MakePathSanitized`): Unicode letters stay, `C++ & Rust` → `c++-rust`. */
    slug: (title, config) => makePathSanitized(title, { removePathAccents: config.removePathAccents, disablePathToLower: hugoRoutingOf(config)?.disablePathToLower }),
  },

  /** A term page for a new author, in the folder Hugo would look for: `Inés Muñoz` → `authors/inés-muñoz/_index.md`. */
  authorStub(config, name) {
    const [contentDir, section] = [config.contentDirs[0], config.authorKeys[0]];
    if (!contentDir || !section) return undefined;
    const id = hugoTermKey(name, { removePathAccents: config.removePathAccents });
    // One folder name: Hugo's urlize keeps `/` and `.`, and `../../etc` must not create a file out of the site.
    if (!/^[^/\\]+$/.test(id) || id === '.' || id === '..') return undefined;
    return { path: joinPath(contentDir, section, id, '_index.md'), content: `---\ntitle: ${JSON.stringify(name)}\n---\n` };
  },

  loadConfig: recordingConfigInputs(async (fs, root, configFile): Promise<LoadedSiteConfig> => {
    const problems: Message[] = [];
    const { data, file } = await readHugoConfig(fs, root, configFile, problems);
    const globalContentDir = joinPath(root, stringSetting(data, 'contentDir') ?? 'content');
    const disabled = disabledLanguages(data);
    const mounts = moduleMounts(data).filter((mount) => !mount.languages.some((code) => disabled.has(code)));
    const contentMounts = mounts.filter((mount) => isTarget(mount.target, 'content'));
    const { mounts: languageMounts, ...languages } = readLanguages(data, root, globalContentDir, contentMounts, disabled);
    // A mount whose source the copy lacks (a git submodule not fetched, a folder the build writes), or that lies outside
    // the site, which Postcraft does not read (docsy.dev mounts ../AGENTS.md): its pages are unknown. So are those of
    // a content folder the site's .gitignore lists, or that its build copies another to, which a build step writes.
    const absentContentFolders: string[] = [];
    for (const mount of contentMounts) {
      const source = joinPath(root, mount.source);
      if (!isInside(root, source) || !(await fs.stat(source))) absentContentFolders.push(pagePathOfTarget(mount.target.slice('content'.length)));
    }
    const copied = await foldersCopiedByBuild(fs, root);
    for (const { dir, mountedAt = '' } of languages.contentDirs) {
      const written = [...(await gitIgnoredFolders(fs, root, dir)), ...copied.filter((folder) => isInside(dir, folder) && folder !== dir)];
      for (const folder of written) absentContentFolders.push(`${mountedAt}/${relativePath(dir, folder)}`.replace(/^\/+/, ''));
    }
    const themes = themeNames(data);
    const imports = objectSetting(data, 'module')?.['imports'];
    const importPaths = (Array.isArray(imports) ? imports : imports !== undefined && imports !== null ? [imports] : []).map((entry) => (entry && typeof entry === 'object' ? String((entry as ConfigData)['path'] ?? '') : String(entry)));
    // The folders of the site's components: each module import that is on disk (`hugo mod vendor` writes
    // _vendor/<path>, which Hugo then reads; a path may name a folder of themes/), then each theme.
    const vendored = await onDiskModules(fs, root, importPaths);
    const componentFolders = [...new Set([...vendored.values(), ...themes.map((theme) => joinPath(root, 'themes', theme))])];
    // Any mount into a component replaces its default folder (hugo 0.111 modules/config.go,
    // ApplyProjectConfigDefaults); one into a folder of static/ or assets/ is served there, not at the root.
    const dirsFor = (target: 'static' | 'assets' | 'content' | 'layouts', fallback: string[]): string[] => {
      const mounted = mounts.filter((mount) => isTarget(mount.target, target));
      const atRoot = target === 'content' ? mounted : mounted.filter((mount) => mount.target === target);
      const own = mounted.length > 0 ? atRoot.map((mount) => joinPath(root, mount.source)) : fallback;
      return [...own, ...componentFolders.map((folder) => joinPath(folder, target))];
    };
    const staticSetting = data['staticdir'];
    const staticDirs = Array.isArray(staticSetting) ? staticSetting.map(String) : [typeof staticSetting === 'string' ? staticSetting : 'static'];
    const taxonomies = taxonomyKeys(data);
    const contentDirs = dirsFor('content', languageContentDirs(languages));
    const layoutDirs = dirsFor('layouts', [joinPath(root, stringSetting(data, 'layoutDir') ?? 'layouts')]);
    // Docsy as a theme or a module (`github.com/google/docsy`), whose templates may not be on disk.
    const docsyModule = themes.includes('docsy') || /github\.com\/google\/docsy\b/.test(JSON.stringify(imports ?? null));
    const shortcodes = await readShortcodeTemplates(fs, layoutDirs, { docsyModule });
    const typeLayouts = await readTypeLayouts(fs, layoutDirs);
    // Filled by the content walk below (loadUnrenderedPages): the sections below the top level, for `:sections`.
    const branchFolders = new Set<string>();
    const routing = readHugoRouting(data, languages, taxonomies, branchFolders, languageMounts, absentContentFolders);
    // Every layout folder is on disk: each theme's (not a module path, not an empty submodule), and each module import's.
    const unseen = importPaths.filter((path) => !vendored.has(path));
    for (const theme of themes) if ((await fs.stat(joinPath(root, 'themes', theme, 'layouts'))) === undefined) unseen.push(theme);
    const layoutsComplete = unseen.length === 0;
    // What Postcraft cannot see may still be known (hugo/unseenLayouts.ts): Docsy has no image hook, PaperMod's shows the file.
    const unseenHooks = unseen.map(knownImageHook);
    const markdownImageHooksKnown = unseenHooks.every((hook) => hook?.resizes === false);
    // A multilingual single-host site gets the embedded link hook by default from Hugo 0.123 on.
    const version = await statedHugoVersion(fs, root);
    const embeddedLinkHookByDefault = languages.codes.size > 1 && !routing.multihost && !(version && isBefore(version, 0, 123));
    const siteHost = hostOf(stringSetting(data, 'baseURL'));
    const templates = await readTemplateWords(fs, layoutDirs, layoutsComplete, remoteAddressParams(objectSetting(data, 'params'), siteHost));
    const linkHook = await readLinkHook(fs, layoutDirs, objectSettingAt(data, 'markup', 'goldmark', 'renderhooks', 'link'), embeddedLinkHookByDefault, layoutsComplete);
    // A file of assets/ is published only where a template uses it. Markdown images reach one only through an image hook:
    // the embedded one (which looks up global resources) or one Postcraft sees on disk (brokenImages.ts) or knows.
    const hasLayouts = unseen.length > 0 || (await Promise.all(layoutDirs.map((dir) => fs.readDirectory(dir).catch(() => [])))).some((entries) => entries.length > 0);
    const assetsNeedImageHook = hasLayouts && unseenHooks.every((hook) => hook?.publishesAssets === false) && !embeddedHookOn(objectSettingAt(data, 'markup', 'goldmark', 'renderhooks', 'image'), embeddedLinkHookByDefault);
    const config: SiteConfig = {
      generator: 'hugo',
      root,
      configFile: file,
      contentDirs,
      publicDirs: dirsFor('static', staticDirs.map((dir) => joinPath(root, dir))),
      assetDirs: dirsFor('assets', [joinPath(root, stringSetting(data, 'assetDir') ?? 'assets')]),
      subfolderMounts: subfolderMounts(root, mounts),
      basePath: basePathOf(stringSetting(data, 'baseURL')),
      ...withHost(siteHost),
      tagKeys: taxonomies.filter((key) => !isAuthorTaxonomy(key)),
      authorKeys: [...new Set(['authors', ...taxonomies.filter(isAuthorTaxonomy)])],
      ...(taxonomies.some(isAuthorTaxonomy) ? { authorsAreTerms: true as const } : {}),
      imageFields: defaultImageFields,
      ignoredDirs: [joinPath(root, stringSetting(data, 'publishDir') ?? 'public'), joinPath(root, 'resources', '_gen')],
      excludedFiles: [
        contentMounts.length > 0 ? new HiddenInMounts(root, contentMounts) : hiddenContent,
        ...disabledLanguageFiles(disabled),
        ...ignoreFilesPatterns(data, root, contentDirs, problems),
        ...(contentMounts.some((mount) => mount.filters) ? [new UnmountedContent(root, contentMounts)] : []),
      ],
      languages,
      removePathAccents: data['removepathaccents'] === true,
      ...goldmarkIds(objectSettingAt(data, 'markup', 'goldmark', 'parser') ?? {}, data['enableemoji'] === true, objectSettingAt(data, 'markup', 'highlight') ?? {}),
      // Goldmark has been the default since Hugo 0.60 and the only Markdown renderer since 0.100 (go-gitea's blog loses its sponsor block).
      ...(objectSettingAt(data, 'markup', 'goldmark', 'renderer')?.['unsafe'] !== true ? { omitsRawHtml: true } : {}),
      // Config keys are read lower-cased (Hugo's are case-insensitive): `buildFuture = true` builds future posts.
      publishing: { skipsDrafts: data['builddrafts'] !== true, skipsFuturePosts: data['buildfuture'] !== true, skipsExpiredPages: data['buildexpired'] !== true },
      imagelessShortcodes: shortcodes.imageless,
      ...(templates.words ? { templateWords: templates.words } : {}),
      ...(templates.remoteImages.markdown || templates.remoteImages.frontmatter || templates.remoteImages.shortcodes.size > 0 ? { remoteImageTemplates: templates.remoteImages } : {}),
      ...(!markdownImageHooksKnown ? { markdownImageHookUnknown: true as const } : {}),
      // Layouts that resize, or that Postcraft cannot all read, may show a page resource named in frontmatter only resized (Stack's `image:` cover).
      ...(templates.resizesImages !== false ? { layoutsMayResize: true as const } : {}),
      ...(assetsNeedImageHook ? { assetsNeedImageHook: true as const } : {}),
      ...(unseen.length > 0 ? { layoutsUnseen: true as const } : {}),
      anchorShortcodes: shortcodes.writeIds,
      markdownShortcodesWithoutIds: shortcodes.markdownWithoutIds,
      ...(typeLayouts.writingIds.size > 0 ? { anchorTypes: typeLayouts.writingIds } : {}),
      ...([...typeLayouts.rendersContent.values()].some((layouts) => [...layouts.values()].includes(false)) ? { contentLayouts: typeLayouts.rendersContent } : {}),
      routing: linkHook ? { ...routing, linkHook } : routing,
    };
    // Where each content folder sits in the content tree, for cascade targets (a mount's target).
    const contentRoots: ContentRoot[] = [
      ...(contentMounts.length > 0 ? contentMounts.map((mount) => ({ dir: joinPath(root, mount.source), prefix: mount.target.slice('content'.length) })) : languageContentDirs(languages).map((dir) => ({ dir, prefix: '' }))),
      ...componentFolders.map((folder) => ({ dir: joinPath(folder, 'content'), prefix: '' })),
    ];
    return { config: { ...config, unrenderedPages: await loadUnrenderedPages(fs, data, config, contentRoots, branchFolders) }, problems };
  }),

  loadAuthors: loadHugoAuthors,

  authorKey: hugoAuthorKey,

  postLanguage: hugoPostLanguage,

  /** Hugo's term page key (see hugo/terms.ts); with the site's config, as `removePathAccents` says. */
  tagTerm: (tag: string, config?: SiteConfig) => hugoTermKey(tag, { removePathAccents: config?.removePathAccents }),

  imageCandidates(config, postPath, imagePath) {
    if (imagePath.startsWith('/')) {
      const inAssets = [...config.assetDirs.map((dir) => joinPath(dir, imagePath)), ...mountedFiles(config, 'assets', imagePath)];
      // A bundle's resources are published beside its page, at its URL: `/docs/guide/img/a.svg` is
      // content/docs/guide/img/a.svg of the docs/guide/_index.md bundle (hugo 0.111.3 publishes it there).
      // Paths are taken as URLs; a page whose slug or permalink moves it is not followed.
      const inContent = contentFilesAt(config, withoutBasePath(config, imagePath));
      return [...rootRelativeCandidates(config, imagePath), ...mountedFiles(config, 'static', withoutBasePath(config, imagePath)), ...inAssets, ...inContent];
    }
    // A render hook or template may take the path from the page bundle, from assets/ (resources.Get)
    // or from static/; a browser takes it relative to the page's URL, a folder below a regular page's
    // file (hugo/pageFolder.ts). Any of them is a real image.
    return [
      ...browserCandidates(config, postPath, imagePath),
      ...pageFolderCandidates(config, postPath, imagePath),
      ...translatedBundleCandidates(config, postPath, imagePath),
      ...config.assetDirs.map((dir) => joinPath(dir, imagePath)),
      ...mountedFiles(config, 'assets', imagePath),
      ...config.publicDirs.map((dir) => joinPath(dir, imagePath)),
      ...mountedFiles(config, 'static', imagePath),
    ];
  },
};

/**
 * The content files that Hugo publishes at `urlPath`, as far as paths tell (see imageCandidates): a folder
 * mounted below the content tree's root (`uploads` → `content/uploads`) publishes its files under that
 * folder's URL only (`/uploads/posts/a.gif`), never at the root (hugo 0.111.3, regisphilibert.com).
 */
function contentFilesAt(config: SiteConfig, urlPath: string): string[] {
  const mounts = hugoRoutingOf(config)?.contentMounts ?? [];
  const mounted = new Set(mounts.map((mount) => mount.dir));
  const files = config.contentDirs.filter((dir) => !mounted.has(dir)).map((dir) => joinPath(dir, urlPath));
  for (const mount of mounts) {
    const at = mount.mountedAt?.replace(/\/+$/, '') ?? '';
    if (at === '') files.push(joinPath(mount.dir, urlPath));
    else if (urlPath.startsWith(`${at}/`)) files.push(joinPath(mount.dir, urlPath.slice(at.length)));
  }
  return files;
}

/**
 * The folder of the content tree a content mount's target places pages in: a folder as it is
 * (`docs/specs/otel`), a file mount as its page's path (`community/mission.md` → `community/mission`,
 * `docs/specs/otlp/_index.md` → `docs/specs/otlp`).
 */
function pagePathOfTarget(target: string): string {
  const path = target.replace(/^\/+|\/+$/g, '');
  if (!/\.(md|markdown|mdown|mkdn|mkd|html?|org|adoc|asciidoc|pandoc|pdc|rst)$/i.test(path)) return path;
  const page = path.replace(/\.[^./]+$/, '');
  return /(^|\/)_?index$/.test(page) ? page.replace(/\/?_?index$/, '') : page;
}

/** A mount into `content` (or a folder of it). */
function isTarget(mountTarget: string, target: string): boolean {
  return mountTarget === target || mountTarget.startsWith(`${target}/`);
}

function isAuthorTaxonomy(key: string): boolean {
  return /^authors?$/i.test(key);
}

/**
 * What Goldmark's parser settings give IDs to (hugo markup/goldmark/goldmark_config): headings unless
 * `autoHeadingID = false`, by `autoHeadingIDType`; definition terms with `autoDefinitionTermID` (Hugo ≥ 0.144);
 * and with `enableEmoji`, emoji shortcodes in them are emoji. Code lines get IDs by `markup.highlight`'s line-number
 * settings (links/headingIds/codeLineAnchors.ts).
 */
function goldmarkIds(parser: Readonly<Record<string, unknown>>, emoji: boolean, highlight: Readonly<Record<string, unknown>>): Pick<SiteConfig, 'headingIds' | 'goldmarkIds'> {
  const type = parser['autoheadingidtype'];
  const headingIds = parser['autoheadingid'] === false ? 'goldmark-explicit' : type === 'github' || type === 'github-ascii' || type === 'blackfriday' ? type : undefined;
  const lineNos = highlight['linenos'];
  const start = Number(highlight['linenostart']);
  const lineAnchors = highlight['lineanchors'];
  const lines: HighlightDefaults = { lineNos: lineNos === true || lineNos === 'table' || lineNos === 'inline', anchorLineNos: highlight['anchorlinenos'] === true, lineNoStart: Number.isInteger(start) ? start : 1, ...(typeof lineAnchors === 'string' && lineAnchors !== '' ? { lineAnchors } : {}) };
  const options = { ...(parser['autodefinitiontermid'] === true ? { definitionTerms: true as const } : {}), ...(emoji ? { emoji: true as const } : {}), ...(['linenos', 'anchorlinenos', 'linenostart', 'lineanchors'].some((key) => key in highlight) ? { highlight: lines } : {}) };
  return { ...(headingIds ? { headingIds } : {}), ...(Object.keys(options).length > 0 ? { goldmarkIds: options } : {}) };
}

/**
 * The module imports whose files are on disk, by import path: below _vendor/ (what `hugo mod vendor` writes, read
 * before the module cache), or a folder of themes/ named by the path (`path = "hextra"`).
 */
async function onDiskModules(fs: SiteFileSystem, root: string, importPaths: readonly string[]): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (const path of importPaths) {
    if (path === '' || path.split('/').includes('..')) continue;
    for (const folder of [joinPath(root, '_vendor', path), joinPath(root, 'themes', path)]) {
      if ((await fs.stat(folder))?.type === 'directory') {
        folders.set(path, folder);
        break;
      }
    }
  }
  return folders;
}
