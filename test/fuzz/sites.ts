import fc from 'fast-check';
import { createPostcraftService, type PostcraftService } from '../../src/core/index';
import { inMemorySite, type InMemoryFileSystem } from '../../src/core/host/inMemoryFileSystem';
import type { Site } from '../../src/core/site/site';
import { dirname, joinPath } from '../../src/core/text/paths';
import { fixtureFiles, fixtureSites } from '../unit/support/fixtureSites';

/** What a generated post may draw its values from: the site's own tags, authors and images. */
export interface SiteVocabulary {
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  /** Image paths as a post beside `postPath` could write them (relative and site-root forms). */
  readonly images: readonly string[];
  readonly tagKeys: readonly string[];
  readonly authorKeys: readonly string[];
  readonly imageFields: readonly string[];
}

/** One site in memory, opened in its own service, with the path of the post the fuzzer writes. */
export interface FuzzSite {
  readonly name: string;
  readonly generator: string;
  readonly root: string;
  readonly fs: InMemoryFileSystem;
  readonly service: PostcraftService;
  readonly site: Site;
  readonly postPath: string;
  readonly vocabulary: SiteVocabulary;
  /** How fast-check prints the site in a counterexample: by name, not its files. */
  readonly [fc.toStringMethod]: () => string;
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A folder of Markdown with no generator: the plain rules. */
const plainMarkdownFiles: Record<string, string | Uint8Array> = {
  'README.md': '# Notes\n\n![logo](img/logo.png)\n',
  'notes/a.md': '---\ntitle: A\ntags: [kubernetes, go]\n---\n# A\n',
  'notes/b.md': '---\ntitle: B\ntags: [kubernetes, databases]\n---\n# B\n',
  'notes/c.md': '---\ntitle: C\ntags: [databases, go]\n---\n# C\n',
  'img/logo.png': png,
  'img/Diagram.PNG': png,
};

async function openSite(name: string, files: Record<string, string | Uint8Array>): Promise<FuzzSite> {
  const root = '/site';
  const fs = inMemorySite(files, root);
  const service = createPostcraftService({ fs });
  const [site] = await service.openWorkspace([root]);
  if (!site) throw new Error(`${name}: no site detected`);
  const firstPost = [...site.posts.keys()].sort().find((path) => !/\/_?index\.mdx?$/.test(path) && !/\/authors?\//.test(path));
  if (!firstPost) throw new Error(`${name}: no post to write beside`);
  const postPath = joinPath(dirname(firstPost), 'postcraft-fuzz.md');
  if (!site.isPost(postPath)) throw new Error(`${name}: ${postPath} is not a post`);
  const postDir = dirname(postPath);
  const images = [...site.files.imageFiles()].sort().flatMap((file) => {
    const forms = [file.startsWith(`${postDir}/`) ? file.slice(postDir.length + 1) : undefined, ...site.config.publicDirs.filter((dir) => file.startsWith(`${dir}/`)).map((dir) => `${site.config.basePath}/${file.slice(dir.length + 1)}`)];
    return forms.filter((form): form is string => form !== undefined);
  });
  const vocabulary: SiteVocabulary = {
    tags: site.tags.all().map((usage) => usage.tag),
    authors: [...site.authors.values()].map((author) => author.id),
    images: images.length > 0 ? images : ['img/missing.png'],
    tagKeys: site.config.tagKeys,
    authorKeys: site.config.authorKeys,
    imageFields: site.config.imageFields,
  };
  return { name, generator: site.config.generator, root, fs, service, site, postPath, vocabulary, [fc.toStringMethod]: () => `site(${name})` };
}

let opened: Promise<FuzzSite[]> | undefined;

/** The fixture sites of every generator and a plain Markdown folder, each opened once per process. */
export function fuzzSites(): Promise<FuzzSite[]> {
  opened ??= Promise.all([...fixtureSites().map((fixture) => openSite(fixture.name, fixtureFiles(fixture.root))), openSite('plain-markdown', plainMarkdownFiles)]);
  return opened;
}
