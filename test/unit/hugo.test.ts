import assert from 'node:assert/strict';
import { checkSites } from '../../src/cli/checkSite';
import { describe, it } from 'node:test';
import { createPostcraftService, formatMessage } from '../../src/core/index';
import { postsByAuthor } from '../../src/core/site/siteOverview';
import { InMemoryFileSystem, inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { hugo } from '../../src/core/site/generators/hugo';
import { hugoTermKey } from '../../src/core/site/generators/hugo/terms';
import { remoteAddressParams, remoteImageTemplates } from '../../src/core/site/generators/hugo/remoteImages';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function check(files: Record<string, string | Uint8Array>, post: string, text: string) {
  const fs = inMemorySite(files);
  const service = createPostcraftService({ fs });
  await service.openWorkspace(['/site']);
  return service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => ({ code: finding.code, line: finding.range.start.line, message: finding.message }));
}

const config = 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n';

describe('Hugo rules', () => {
  it('keys taxonomy terms the way Hugo 0.111 names their pages', () => {
    // Each pair was checked with hugo 0.111.3: both spellings give one term page, at this path.
    assert.equal(hugoTermKey('Jane Doe'), 'jane-doe');
    assert.equal(hugoTermKey('edith_puclla'), 'edith_puclla');
    assert.equal(hugoTermKey('C++ & Go!'), 'c++-go');
    assert.equal(hugoTermKey('c++-go'), 'c++-go');
    assert.equal(hugoTermKey('JavaScript'), hugoTermKey('javascript'));
    assert.equal(hugoTermKey('data access'), 'data-access');
    assert.equal(hugoTermKey('Data - Access'), 'data-access');
    assert.equal(hugoTermKey('Ünïcode Tag'), 'ünïcode-tag');
    assert.equal(hugoTermKey('Ünïcode Tag', { removePathAccents: true }), 'unicode-tag');
    assert.equal(hugoTermKey('  spaced  out  '), 'spaced-out');
    assert.equal(hugoTermKey('100% sure, me@x'), '100-sure-me@x');
    assert.equal(hugoTermKey('a%20b'), 'a%20b');
  });

  it('gives the tag check the term key, honouring removePathAccents when it has the config', () => {
    assert.equal(hugo.tagTerm?.('Data Access'), 'data-access');
    assert.equal(hugo.tagTerm?.('Café'), 'café');
  });

  it('checks the posts of a site kept below a folder named like one it skips (.cache), but not those inside such a folder', async () => {
    const fs = inMemorySite({ 'hugo.toml': config, 'content/posts/a.md': '---\ntitle: A\n---\n', 'content/node_modules/b.md': '---\ntitle: B\n---\n' }, '/home/me/.cache/blog');
    const service = createPostcraftService({ fs });
    const [site] = await service.openWorkspace(['/home/me/.cache/blog']);
    assert.deepEqual([...site!.posts.keys()], ['/home/me/.cache/blog/content/posts/a.md']);
  });

  // RCODI's Wowchemy site: `[taxonomies] author = "authors"` and 360 co-authors without a profile. hugo 0.111.3 writes a
  // term page for each name (/authors/jane-external/), which Wowchemy lists by name: no mistake, unless close to a profile.
  it('takes an author without a profile for a note where the authors taxonomy makes a page of every name', async () => {
    const files = { 'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n', 'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n' };
    const service = createPostcraftService({ fs: inMemorySite(files) });
    await service.openWorkspace(['/site']);
    const findings = service.checkText('/site/content/posts/a.md', '---\ntitle: A\nauthors: [Jane External, jane-do, ""]\n---\n');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, finding.message]), [
      ['unknown-author', 'info', 'Author "Jane External" has no profile in the site\'s authors: Hugo makes a page of the name alone.'],
      ['unknown-author', 'warning', 'Unknown author "jane-do": not in the site\'s authors. Did you mean "jane-doe"?'],
      ['unknown-author', 'error', 'Unknown author "": not in the site\'s authors.'],
    ]);
  });

  it('matches an author written as a display name to its term folder', async () => {
    const files = { 'hugo.toml': config, 'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n' };
    assert.deepEqual(await check(files, 'content/posts/a.md', '---\ntitle: A\nauthors: [Jane Doe]\n---\n'), []);
  });

  it('reports an author missing from the authors section, suggesting the closest', async () => {
    const files = { 'hugo.toml': config, 'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n' };
    const findings = await check(files, 'content/posts/a.md', '---\ntitle: A\nauthors: [jane-do]\n---\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['unknown-author']);
    assert.match(findings[0]!.message, /Did you mean "jane-doe"/);
  });

  it('reads authors from data/authors.yaml and from one data/authors/<id>.yaml per author', async () => {
    const files = { 'hugo.toml': config, 'data/authors.yaml': 'ann:\n  name: Ann\n', 'data/authors/bo.toml': 'name = "Bo"\n' };
    assert.deepEqual(await check(files, 'content/posts/a.md', '---\ntitle: A\nauthors: [ann, bo]\n---\n'), []);
    const { site } = await load(files);
    assert.equal(site.findAuthor('bo')?.name, 'Bo');
  });

  it('leaves authors alone when the site has no registry', async () => {
    assert.deepEqual(await check({ 'hugo.toml': 'title = "x"' }, 'content/posts/a.md', '---\ntitle: A\nauthors: [Anyone]\n---\n'), []);
  });

  it('resolves images from the page bundle, assets/ and static/', async () => {
    const files = { 'hugo.toml': config, 'assets/a.png': png, 'static/img/b.png': png, 'content/posts/bundle/c.png': png };
    const text = '---\ntitle: A\nimages: [a.png]\n---\n![](a.png) ![](/img/b.png) ![](c.png) ![](img/b.png)\n';
    assert.deepEqual(await check(files, 'content/posts/bundle/index.md', text), []);
  });

  // Aiden-Jeon/blog writes `![](/imgs/cka/x.png)` for files of assets/imgs: hugo 0.111.3 writes the path as it is and
  // publishes nothing there (no image hook); a hook of the site's, or the embedded one, may look the file up.
  it('warns of a Markdown image found only in assets/ where no image render hook takes it', async () => {
    const files = { 'hugo.toml': config, 'layouts/_default/single.html': '{{ .Content }}', 'assets/imgs/a.png': png, 'static/b.png': png, 'content/posts/bundle/c.png': png };
    const text = '---\ntitle: A\nimage: /imgs/a.png\n---\n![a](/imgs/a.png) ![b](/b.png) ![c](c.png)\n';
    assert.deepEqual((await check(files, 'content/posts/bundle/index.md', text)).map((finding) => [finding.code, finding.line, finding.message.split(',')[0]]), [['broken-image', 4, 'Image "/imgs/a.png" is a file of assets/']]);
    assert.deepEqual(await check({ ...files, 'layouts/_default/_markup/render-image.html': '{{ with resources.Get .Destination }}<img src="{{ .RelPermalink }}">{{ end }}' }, 'content/posts/bundle/index.md', text), []);
    assert.deepEqual(await check({ ...files, 'hugo.toml': `${config}[markup.goldmark.renderHooks.image]\nenableDefault = true\n` }, 'content/posts/bundle/index.md', text), []);
    assert.deepEqual(await check({ ...files, 'hugo.toml': `theme = "my-theme"\n${config}` }, 'content/posts/bundle/index.md', text), []);
    // Stack's hook (a module, not on disk) looks in the page's resources only (hugo-theme-stack 4.0.3, helper/image.html);
    // Docsy has no hook; PaperMod's looks up global resources (hugo-PaperMod d376885, _markup/render-image.html).
    const module = (path: string) => ({ ...files, 'hugo.toml': `${config}[module]\n[[module.imports]]\npath = "${path}"\n` });
    assert.deepEqual((await check(module('github.com/CaiJimmy/hugo-theme-stack/v3'), 'content/posts/bundle/index.md', text)).map((finding) => finding.line), [4]);
    assert.deepEqual((await check(module('github.com/google/docsy'), 'content/posts/bundle/index.md', text)).map((finding) => finding.line), [4]);
    assert.deepEqual(await check(module('github.com/adityatelange/hugo-PaperMod'), 'content/posts/bundle/index.md', text), []);
    // A hook for one section's pages, and a mount that serves the folder from static/ too, publish the file.
    assert.deepEqual(await check({ ...files, 'layouts/posts/_markup/render-image.html': '{{ with resources.Get .Destination }}<img src="{{ .RelPermalink }}">{{ end }}' }, 'content/posts/bundle/index.md', text), []);
    const mounts = '[module]\n[[module.mounts]]\nsource = "assets"\ntarget = "assets"\n[[module.mounts]]\nsource = "assets/imgs"\ntarget = "static/imgs"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "static"\ntarget = "static"\n';
    assert.deepEqual(await check({ ...files, 'hugo.toml': `${config}${mounts}` }, 'content/posts/bundle/index.md', text), []);
  });

  // pothix.github.com (no image hook): `![…](images/posts/dragstar.jpg)` on /dragstar2008/ is written as it is by
  // hugo 0.111.3 and asked for at /dragstar2008/images/posts/dragstar.jpg, a 404; static/ serves it at /images/posts/.
  it('warns of a relative image found only in static/, which the browser asks for below the page\'s URL', async () => {
    // Raw HTML reaches the page with Goldmark's unsafe renderer.
    const files = { 'hugo.toml': `${config}[markup.goldmark.renderer]\nunsafe = true\n`, 'layouts/_default/single.html': '{{ .Content }}', 'static/images/x.png': png };
    const text = '---\ntitle: A\n---\n![x](images/x.png) <img src="images/x.png" alt="x">\n';
    const found = await check(files, 'content/posts/p.md', text);
    assert.deepEqual(found.map((finding) => [finding.code, finding.message]), [
      ['broken-image', 'Image "images/x.png" is the file of static/ that Hugo publishes at /images/x.png, but no image render hook of the site resolves the path: the browser asks for it below the page\'s URL, at /posts/p/images/x.png, and gets nothing.'],
      ['broken-image', 'Image "images/x.png" is the file of static/ that Hugo publishes at /images/x.png, but no image render hook of the site resolves the path: the browser asks for it below the page\'s URL, at /posts/p/images/x.png, and gets nothing.'],
    ]);
    // The home page asks where static/ serves it, and so does a page with uglyURLs; a hook of the site's may resolve the Markdown image.
    assert.deepEqual(await check(files, 'content/_index.md', '---\ntitle: Home\n---\n![x](images/x.png)\n'), []);
    assert.deepEqual(await check({ ...files, 'hugo.toml': `uglyURLs = true\n${files['hugo.toml']}` }, 'content/about.md', '---\ntitle: About\n---\n![x](images/x.png)\n'), []);
    // The CLI's whole-site check finds them too, while the page's route is being indexed.
    const report = await checkSites(inMemorySite({ ...files, 'content/posts/p.md': text }), '/site', {});
    assert.deepEqual(report.findings.filter((finding) => finding.code === 'broken-image').map((finding) => finding.range.start.line), [3, 3]);
    const hooked = await check({ ...files, 'layouts/_default/_markup/render-image.html': '<img src="{{ .Destination | absURL }}">' }, 'content/posts/p.md', text);
    assert.deepEqual(hooked.map((finding) => finding.line), [3]);
  });

  it('strips the baseURL sub-path from site-root image paths', async () => {
    const files = { 'hugo.toml': 'baseURL = "https://example.org/blog/"', 'static/img/b.png': png };
    assert.deepEqual(await check(files, 'content/a.md', '---\ntitle: A\n---\n![](/blog/img/b.png)\n'), []);
  });

  it('reports a letter-case mismatch as its own error with the real path', async () => {
    const findings = await check({ 'hugo.toml': config, 'assets/Photo.PNG': png }, 'content/a.md', '---\ntitle: A\n---\n![](photo.png)\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['image-case']);
    assert.match(findings[0]!.message, /assets\/Photo\.PNG/);
  });

  it('reports image paths that leave the site without reading them', async () => {
    const findings = await check({ 'hugo.toml': config }, 'content/a.md', '---\ntitle: A\n---\n![](../../../../etc/passwd.png)\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['image-outside-site']);
  });


  it('reads taxonomies from config/_default/', async () => {
    const files = { 'config/_default/hugo.toml': 'title = "x"', 'config/_default/taxonomies.toml': 'tag = "tags"\nwriter = "writers"', 'content/writers/ann/_index.md': '---\ntitle: Ann\n---\n', 'content/a.md': '' };
    const fs = inMemorySite(files);
    const service = createPostcraftService({ fs });
    const [site] = await service.openWorkspace(['/site']);
    assert.deepEqual(site?.config.tagKeys, ['tags', 'writers']);
  });

  // falco.org mounts content/en as content from config/_default/module/module.yaml: hugo 0.111.3 lists /blog/a/ and resolves the ref.
  it('reads config files in subfolders of config/_default/ by their own name', async () => {
    const files = {
      'config/_default/hugo.toml': 'baseURL = "https://x.org/"',
      'config/_default/module/module.yaml': 'mounts:\n  - source: content/en\n    target: content\n',
      'content/en/blog/a.md': '---\ntitle: A\n---\nA\n',
    };
    const findings = await check(files, 'content/en/blog/b.md', '---\ntitle: B\n---\n[a]({{< ref "/blog/a" >}}) [b](/blog/a/)\n');
    assert.deepEqual(findings.map((finding) => finding.code), []);
  });

  // docsy.dev mounts the repository's ../AGENTS.md into content/project/repo/ and links it as AGENTS.md: hugo lists
  // /project/repo/agents/. A mount Postcraft does not read (outside the site, or absent) holds pages it cannot know.
  it('knows nothing of the pages of a mount from outside the site, and so reports no link to them', async () => {
    const fs = new InMemoryFileSystem('/', {
      'repo/AGENTS.md': '# Agents\n',
      'repo/site/hugo.yaml': 'baseURL: https://x.org/\nlanguages:\n  en: {}\n  fr: {}\nmodule:\n  mounts:\n    - source: content/en\n      target: content\n    - source: ../AGENTS.md\n      target: content/project/repo/AGENTS.md\n',
      'repo/site/content/en/project/repo/_index.md': '---\ntitle: Repo\n---\n[a](AGENTS.md) [r]({{< ref "AGENTS.md" >}}) [m](missing.md)\n',
    });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/repo/site']);
    const findings = await service.checkFile('/repo/site/content/en/project/repo/_index.md');
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "missing.md"']);
  });

  it('flags a rarely used tag one edit from a common one, and not distinct short tags', async () => {
    const files: Record<string, string> = { 'hugo.toml': config };
    for (let i = 0; i < 3; i++) files[`content/p${i}.md`] = '---\ntitle: P\ntags: [kubernetes, go]\n---\n';
    const findings = await check(files, 'content/new.md', '---\ntitle: N\ntags: [kuberentes, gi]\n---\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['tag-typo']);
    assert.match(findings[0]!.message, /"kuberentes" \(1 post\) looks like a misspelling of "kubernetes" \(3 posts\)/);
  });

  it('requires a readable date and offers an ISO fix', async () => {
    const fs = inMemorySite({ 'hugo.toml': config });
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const [finding] = service.checkText('/site/content/a.md', '---\ntitle: A\ndate: "June 5th, 2024"\n---\n');
    assert.equal(finding?.code, 'schema');
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.fixes[0]?.edits[0]?.newText, '2024-06-05');
  });

  it('needs no title on list and term pages, in any language (Hugo titles them), but does on a regular page', async () => {
    const untitled = '---\ndate: 2024-01-02\n---\nText\n';
    for (const page of ['content/posts/_index.md', 'content/posts/_index.es.md', 'content/tags/go/_index.pt-br.md']) {
      assert.deepEqual(await check({ 'hugo.toml': config }, page, untitled), [], page);
    }
    const regular = await check({ 'hugo.toml': config }, 'content/posts/index.es.md', untitled);
    assert.deepEqual(regular.map((finding) => finding.message), ['Missing "title".']);
  });
});

async function load(files: Record<string, string | Uint8Array>) {
  const service = createPostcraftService({ fs: inMemorySite(files) });
  const [site] = await service.openWorkspace(['/site']);
  return { service, site: site! };
}

const page = (front = '') => `---\ntitle: T\n${front}---\nText\n`;

describe('Hugo multilingual sites', () => {
  const multilingual = 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.es]\nweight = 2\n[languages.pt-br]\ncontentDir = "content-pt"\n';

  it('takes a post’s language from a declared code in its name, else from its content folder, else the default', async () => {
    // As hugo 0.111.3 lists them: a.fr.md (fr undeclared) and a.PT-BR.md are pages of the default language.
    const posts = ['content/a.md', 'content/a.es.md', 'content/a.fr.md', 'content/a.PT-BR.md', 'content/b/index.pt-br.md', 'content-pt/p.md', 'content-pt/q.es.md'];
    const { site } = await load({ 'hugo.toml': multilingual, ...Object.fromEntries(posts.map((post) => [post, page()])) });
    assert.deepEqual(
      posts.map((post) => site.languageOf(`/site/${post}`)),
      ['en', 'es', 'en', 'en', 'pt-br', 'pt-br', 'es'],
    );
    assert.ok(site.posts.has('/site/content-pt/p.md'), 'a language’s content folder holds posts');
  });

  it('has no post language on a site with one language', async () => {
    const { site } = await load({ 'hugo.toml': 'defaultContentLanguage = "es"\n[languages.es]\nweight = 1\n', 'content/a.es.md': page() });
    assert.equal(site.languageOf('/site/content/a.es.md'), undefined);
  });

  it('reads languages from config/_default/languages.toml and languages.<lang>.toml, the default from defaultContentLanguage', async () => {
    const { site } = await load({
      'config/_default/hugo.toml': 'defaultContentLanguage = "de"',
      'config/_default/languages.toml': '[de]\nweight = 1\n',
      'config/_default/languages.fr.yaml': 'contentDir: content/fr\nweight: 2\n',
      'content/a.md': page(),
      'content/fr/b.md': page(),
    });
    assert.deepEqual([site.languageOf('/site/content/a.md'), site.languageOf('/site/content/fr/b.md')], ['de', 'fr']);
    assert.deepEqual([...site.posts.keys()].sort(), ['/site/content/a.md', '/site/content/fr/b.md']);
  });

  // akitaonrails.github.io: `en: { contentDir: content }` beside the default pt-br; hugo 0.111.3 lists index.md at
  // /bem-vindos/ and index.en.md at /en/bem-vindos/.
  it('reads a content folder once, for the default language, where another language names it as its contentDir', async () => {
    const config = 'defaultContentLanguage = "pt-br"\n[languages.pt-br]\nweight = 1\n[languages.en]\nweight = 2\ncontentDir = "content"\n';
    const { site } = await load({ 'hugo.toml': config, 'content/bem-vindos/index.md': page(), 'content/bem-vindos/index.en.md': page() });
    assert.deepEqual(['index.md', 'index.en.md'].map((name) => [site.languageOf(`/site/content/bem-vindos/${name}`), site.posts.get(`/site/content/bem-vindos/${name}`)?.route?.url]), [['pt-br', '/bem-vindos/'], ['en', '/en/bem-vindos/']]);
  });

  it('takes the language of module mounts of content (lang), where a language’s contentDir is then not read', async () => {
    const config = [
      'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n[languages.de]\ncontentDir = "content/de"\n',
      '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\nlang = "en"\n',
      '[[module.mounts]]\nsource = "content/ja"\ntarget = "content"\nlang = "ja"\n',
      '[[module.mounts]]\nsource = "content/en/posts"\ntarget = "content/posts"\nlang = "ja"\n',
      '[[module.mounts]]\nsource = "shared"\ntarget = "content/shared"\n',
    ].join('');
    const posts = ['content/en/posts/a.md', 'content/ja/posts/b.md', 'content/en/posts/d.ja.md', 'shared/s.md', 'content/de/posts/e.md'];
    const { site } = await load({ 'hugo.toml': config, ...Object.fromEntries(posts.map((post) => [post, page()])) });
    // As hugo 0.111.3 lists them: a.md is English (and a Japanese fallback), s.md of the default language, e.md not built.
    assert.deepEqual(
      [...site.posts.values()].map((post) => [post.path.slice('/site/'.length), post.language]).sort(),
      [['content/en/posts/a.md', 'en'], ['content/en/posts/d.ja.md', 'ja'], ['content/ja/posts/b.md', 'ja'], ['shared/s.md', 'en']],
    );
  });

  it('builds nothing of a language in disableLanguages', async () => {
    const config = `disableLanguages = ["de"]\n${multilingual}[languages.de]\ncontentDir = "content-de"\n`;
    const { site } = await load({ 'hugo.toml': config, 'content/a.md': page(), 'content/a.de.md': page(), 'content-de/b.md': page(), 'content/c.es.md': page() });
    assert.deepEqual([...site.posts.keys()].sort(), ['/site/content/a.md', '/site/content/c.es.md']);
  });

  it('finds a page bundle’s image in its translation’s bundle in another language’s folder (bundles only)', async () => {
    const config = 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.ja]\ncontentDir = "content/ja"\n';
    const files = { 'hugo.toml': config, 'content/en/blog/x/pic.png': png };
    assert.deepEqual(await check(files, 'content/ja/blog/x/index.md', '---\ntitle: X\n---\n![](pic.png)\n'), []);
    const single = await check(files, 'content/ja/blog/x.md', '---\ntitle: X\n---\n![](x/pic.png)\n');
    assert.deepEqual(single.map((finding) => finding.code), ['broken-image']);
  });

  it('reads an author defined only by translated term pages (_index.es.md, index.es.md)', async () => {
    const files = {
      'hugo.toml': `${multilingual}[taxonomies]\ntag = "tags"\nauthor = "authors"\n`,
      'content/authors/ana/_index.es.md': '---\ntitle: Ana García\n---\n',
      'content/authors/bob/index.es.md': '---\ntitle: Bob\n---\n',
      'content/authors/cy/_index.es.md': '---\ntitle: Cy (es)\n---\n',
      'content/authors/cy/_index.md': '---\ntitle: Cy\n---\n',
    };
    assert.deepEqual(await check(files, 'content/posts/a.es.md', '---\ntitle: A\nauthors: [ana, bob, cy]\n---\n'), []);
    const { site } = await load(files);
    assert.equal(site.findAuthor('cy')?.name, 'Cy', 'the default language’s page describes the author');
    assert.deepEqual((await check(files, 'content/posts/b.md', '---\ntitle: B\nauthors: [dan]\n---\n')).map((finding) => finding.code), ['unknown-author']);
    // hugo 0.111.3 builds _index.fr.md of a site without French as a page at /authors/dee/: no false "unknown".
    assert.deepEqual(await check({ ...files, 'content/authors/dee/_index.fr.md': '---\ntitle: Dee\n---\n' }, 'content/posts/b.md', '---\ntitle: B\nauthors: [dee]\n---\n'), []);
  });
});

describe('Hugo author matching follows its term paths', () => {
  const taxonomies = '[taxonomies]\nauthor = "authors"\n';

  it('matches a name to a folder in any letter case (Hugo lower-cases content paths) and keeps accents', async () => {
    const files = {
      'hugo.toml': taxonomies,
      'content/authors/mei-lin-Rose-chen/_index.md': '---\ntitle: Mei\n---\n',
      'content/authors/inés-muñoz/_index.md': '---\ntitle: Inés\n---\n',
    };
    assert.deepEqual(await check(files, 'content/a.md', '---\ntitle: A\nauthors: ["Mei-Lin Rose Chen", "Inés Muñoz"]\n---\n'), []);
    const disabled = { ...files, 'hugo.toml': `disablePathToLower = true\n${taxonomies}` };
    assert.deepEqual(await check(disabled, 'content/a.md', '---\ntitle: A\nauthors: ["Mei-Lin Rose Chen"]\n---\n'), []);
  });

  it('matches an accented name to its unaccented folder under removePathAccents', async () => {
    const files = { 'hugo.toml': `removePathAccents = true\n${taxonomies}`, 'content/authors/ines-munoz/_index.md': '---\ntitle: Inés\n---\n' };
    assert.deepEqual(await check(files, 'content/a.md', '---\ntitle: A\nauthors: ["Inés Muñoz"]\n---\n'), []);
  });

  it('finds that author for every feature, not only the check: hover and the Posts view count them once', async () => {
    const files = { 'hugo.toml': `removePathAccents = true\n${taxonomies}`, 'content/authors/ines-munoz/_index.md': '---\ntitle: Inés\n---\n', 'content/a.md': '---\ntitle: A\nauthors: ["Inés Muñoz"]\n---\n' };
    const service = createPostcraftService({ fs: inMemorySite(files) });
    const [site] = await service.openWorkspace(['/site']);
    assert.equal(site!.findAuthor('Inés Muñoz')?.id, 'ines-munoz');
    assert.deepEqual([...postsByAuthor(site!).keys()], ['ines-munoz']);
  });

  it('offers a new author page in the folder Hugo names the term, accents kept unless removePathAccents', async () => {
    const stubPath = async (settings: string) => {
      const { service } = await load({ 'hugo.toml': `${settings}\n${taxonomies}`, 'content/authors/zed/_index.md': '---\ntitle: Zed\n---\n' });
      const [finding] = service.checkText('/site/content/a.md', '---\ntitle: A\nauthors: ["Inés Muñoz"]\n---\n');
      return finding?.fixes.find((fix) => fix.createFile)?.createFile?.path;
    };
    assert.equal(await stubPath(''), '/site/content/authors/inés-muñoz/_index.md');
    assert.equal(await stubPath('removePathAccents = true'), '/site/content/authors/ines-munoz/_index.md');
  });
});

describe('Hugo leaves out the files it never builds', () => {
  const posts = ['ok', '_under_file', 'a.tmpl', 'drafts/d', 'tpl/t', 'old/x', '.dot', '#hash', '.hidden/x', '_under/y'];
  const site = (config: Record<string, string>) => ({ ...config, ...Object.fromEntries(posts.map((post) => [`content/posts/${post}.md`, page('authors: ["{{ .Name }}"]\n')])) });
  // As hugo 0.111.3 built it: patterns match the absolute file name (so ^content/ matches nothing), folders too.
  const built = ['/site/content/posts/_under/y.md', '/site/content/posts/_under_file.md', '/site/content/posts/drafts/d.md', '/site/content/posts/ok.md'];
  const ignoreFiles = 'ignoreFiles = ["\\\\.tmpl\\\\.md$", "^content/posts/drafts/", "/content/posts/tpl/", "/old$"]\n';

  it('skips ignoreFiles (matched on the absolute path, folders too) and names starting with . or #', async () => {
    const { site: loaded } = await load(site({ 'hugo.toml': ignoreFiles }));
    assert.deepEqual([...loaded.posts.keys()].sort(), built);
  });

  it('reads ignoreFiles from config/_default/ and YAML, not from a theme', async () => {
    const yaml = 'ignoreFiles:\n  - \\.tmpl\\.md\\z\n  - ^content/posts/drafts/\n  - /content/posts/tpl/\n  - /old$\n';
    const { site: fromDir } = await load(site({ 'config/_default/hugo.yaml': `theme: t\n${yaml}`, 'themes/t/hugo.toml': 'ignoreFiles = ["ok\\\\.md$"]' }));
    assert.deepEqual([...fromDir.posts.keys()].sort(), built);
  });

  it('reports an ignoreFiles pattern it cannot read (or safely run) and checks those files', async () => {
    const { site: loaded } = await load(site({ 'hugo.toml': 'ignoreFiles = ["(unclosed", "(a+)+$", "(a|aa)+\\\\.md$", "\\\\.tmpl\\\\.md$"]' }));
    assert.ok(loaded.configProblems.some((problem) => formatMessage(problem).includes('(unclosed')));
    assert.ok(loaded.configProblems.some((problem) => formatMessage(problem).includes('(a+)+$')), 'a pattern that could backtrack for ever is not used');
    assert.ok(loaded.configProblems.some((problem) => formatMessage(problem).includes('(a|aa)+')), 'nor one whose repeated alternatives overlap');
    assert.ok(!loaded.posts.has('/site/content/posts/a.tmpl.md'));
  });

  it('does not report the placeholder authors of a template it ignores', async () => {
    const files = { ...site({ 'hugo.toml': `${ignoreFiles}[taxonomies]\nauthor = "authors"\n` }), 'content/authors/ann/_index.md': '---\ntitle: Ann\n---\n' };
    const { service, site: loaded } = await load(files);
    const findings = await service.checkSite(loaded);
    const reported = findings.filter((finding) => finding.code === 'unknown-author').map((finding) => finding.file);
    assert.deepEqual(reported.sort(), built);
  });
});

describe('Hugo module mounts of content with file filters', () => {
  it('builds only what a mount’s includeFiles/excludeFiles let in (globs below the mount, any case), as hugo 0.111.3 does', async () => {
    const config = [
      '[[module.mounts]]\nsource = "content"\ntarget = "content"\n',
      '[[module.mounts]]\nsource = "docs"\ntarget = "content/docs"\nexcludeFiles = ["README.md", "drafts/**", "*/secret*.md", "**/notes.md"]\n',
      '[[module.mounts]]\nsource = "notes"\ntarget = "content/notes"\nincludeFiles = ["/sub/**", "top-{a,b}.md"]\n',
    ].join('');
    const posts = ['content/home.md', 'docs/notes.md', 'docs/Guide/notes.md', 'docs/README.md', 'docs/Guide/README.md', 'docs/ok.md', 'docs/drafts/d.md', 'docs/Guide/Secret-x.md', 'docs/Guide/g.md', 'notes/sub/s.md', 'notes/top-a.md', 'notes/top-c.md', 'notes/other.md'];
    const { site } = await load({ 'hugo.toml': config, ...Object.fromEntries(posts.map((post) => [post, page()])) });
    assert.deepEqual([...site.posts.keys()].map((path) => path.slice('/site/'.length)).sort(), ['content/home.md', 'docs/Guide/README.md', 'docs/Guide/g.md', 'docs/ok.md', 'notes/sub/s.md', 'notes/top-a.md']);
  });

  it('builds a file one mount filters out when another mount takes it (newer Hugo’s files: ["! …"])', async () => {
    const config = [
      'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.bn]\nweight = 2\n',
      '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\n',
      '[[module.mounts]]\nsource = "content/en/docs"\ntarget = "content/docs"\nfiles = ["! specs/**"]\n[module.mounts.sites.matrix]\nlanguages = ["bn"]\n',
      '[[module.mounts]]\nsource = "tmp/specs"\ntarget = "content/docs/specs"\nfiles = ["! **/README.md"]\n',
    ].join('');
    const posts = ['content/en/docs/specs/a.md', 'tmp/specs/README.md', 'tmp/specs/b.md'];
    const { site } = await load({ 'hugo.toml': config, ...Object.fromEntries(posts.map((post) => [post, page()])) });
    assert.deepEqual([...site.posts.keys()].sort(), ['/site/content/en/docs/specs/a.md', '/site/tmp/specs/b.md']);
  });
});

describe('Hugo images relative to the page URL', () => {
  // hugo 0.111.3 serves content/docs/guide/deploy/agent.md at /docs/guide/deploy/agent/ and publishes
  // content/docs/guide/img/arch.svg at /docs/guide/img/arch.svg: the browser finds ../../img/arch.svg there.
  const files = { 'hugo.toml': config, 'content/docs/guide/_index.md': '---\ntitle: Guide\n---\n', 'content/docs/guide/img/arch.svg': png, 'static/docs/shared.svg': png };

  it('resolves a regular page’s relative image one folder below its file, in content and in static', async () => {
    const text = '---\ntitle: Agent\n---\n![](../../img/arch.svg) ![](../../../shared.svg)\n';
    assert.deepEqual(await check(files, 'content/docs/guide/deploy/agent.md', text), []);
    assert.deepEqual(await check(files, 'content/docs/guide/deploy/agent.fr.md', text), [], 'a language code in the name is not part of the URL');
  });

  it('still reports what exists at neither the page’s URL nor its file’s folder, and does not apply the rule to bundles', async () => {
    const missing = await check(files, 'content/docs/guide/deploy/agent.md', '---\ntitle: Agent\n---\n![](../../img/none.svg)\n');
    assert.deepEqual(missing.map((finding) => finding.code), ['broken-image']);
    const bundle = await check(files, 'content/docs/guide/deploy/index.md', '---\ntitle: Deploy\n---\n![](../../img/arch.svg)\n');
    assert.deepEqual(bundle.map((finding) => finding.code), ['broken-image'], 'a bundle is served at its folder: ../../ leaves the guide');
  });

  it('never follows the page’s URL above its content folder to other files of the site', async () => {
    const findings = await check({ ...files, 'secret.png': png }, 'content/docs/guide/deploy/agent.md', '---\ntitle: Agent\n---\n![](../../../../../secret.png)\n');
    assert.deepEqual(findings.map((finding) => finding.code), ['image-outside-site']);
  });

  it('takes it from a folder mounted for the page’s language (a fallback of another language’s docs), as hugo 0.111.3 publishes it there', async () => {
    const mounts = [
      'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.es]\nweight = 2\n',
      '[[module.mounts]]\nsource = "content/en"\ntarget = "content"\nlang = "en"\n',
      '[[module.mounts]]\nsource = "content/es"\ntarget = "content"\nlang = "es"\n',
      '[[module.mounts]]\nsource = "content/en/docs"\ntarget = "content/docs"\nlang = "es"\n',
    ].join('');
    const site = { 'hugo.toml': mounts, 'content/en/docs/guide/_index.md': '---\ntitle: G\n---\n', 'content/en/docs/guide/img/arch.svg': png, 'content/en/blog/img/b.svg': png };
    const text = '---\ntitle: A\n---\n![](../../img/arch.svg)\n';
    assert.deepEqual(await check(site, 'content/es/docs/guide/deploy/agent.md', text), []);
    const unmounted = await check(site, 'content/es/blog/deploy/agent.md', '---\ntitle: A\n---\n![](../../img/b.svg)\n');
    assert.deepEqual(unmounted.map((finding) => finding.code), ['broken-image'], 'content/en/blog is not mounted for es');
  });

  it('does not take the image from another language’s section (hugo 0.111.3 publishes it under that language only)', async () => {
    const languages = 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.ja]\ncontentDir = "content/ja"\n';
    const site = { 'hugo.toml': languages, 'content/en/docs/guide/_index.md': '---\ntitle: G\n---\n', 'content/en/docs/guide/img/arch.svg': png, 'content/ja/docs/guide/_index.md': '---\ntitle: G\n---\n' };
    const text = '---\ntitle: A\n---\n![](../../img/arch.svg)\n';
    assert.deepEqual(await check(site, 'content/en/docs/guide/deploy/agent.md', text), []);
    assert.deepEqual((await check(site, 'content/ja/docs/guide/deploy/agent.md', text)).map((finding) => finding.code), ['broken-image']);
  });
});

describe('Hugo pages never rendered on their own need no title', () => {
  const untitled = '---\ndescription: x\n---\nA note.\n';
  /** The files of the site that get a "Missing title" warning when the whole site is checked. */
  async function untitledPages(files: Record<string, string>): Promise<string[]> {
    const { service, site } = await load(files);
    const findings = await service.checkSite(site);
    return findings.filter((finding) => finding.message === 'Missing "title".').map((finding) => finding.file.slice('/site/'.length)).sort();
  }

  it('skips pages a config cascade does not render (Hugo 0.111’s [[cascade]] _build and _target), not the others', async () => {
    // hugo 0.111.3 lists content/snippets/note.md without a permalink, and builds content/posts/a.md.
    const config = '[[cascade]]\n  [cascade._build]\n    render = "never"\n    list = "never"\n  [cascade._target]\n    path = "/snippets/**"\n';
    assert.deepEqual(await untitledPages({ 'hugo.toml': config, 'content/snippets/note.md': untitled, 'content/snippets/deep/more.md': untitled, 'content/posts/a.md': untitled }), ['content/posts/a.md']);
  });

  it('reads newer Hugo’s build and target, a {,/**} glob, in every language’s content folder', async () => {
    const config = [
      'defaultContentLanguage: en',
      'languages:\n  en: { contentDir: content/en }\n  ja: { contentDir: content/ja }',
      'cascade:\n  - build: { list: never, publishResources: false, render: never }\n    target: { path: "{,/**}/_includes{,/**}" }',
      '  - params: { x: 1 }\n    target: { kind: home }',
    ].join('\n');
    const files = { 'hugo.yaml': config, 'content/en/_includes/a.md': untitled, 'content/ja/docs/_includes/b.md': untitled, 'content/ja/docs/page.md': untitled };
    assert.deepEqual(await untitledPages(files), ['content/ja/docs/page.md']);
  });

  it('skips headless bundles and the Markdown resources of any leaf bundle (hugo list all leaves both out)', async () => {
    const files = { 'hugo.toml': '', 'content/hl/index.md': '---\nheadless: true\n---\n', 'content/hl/part.md': untitled, 'content/leaf/index.md': '---\ntitle: Leaf\n---\n', 'content/leaf/notes/res.md': untitled, 'content/leaf/notes/index.md': untitled, 'content/plain.md': untitled };
    assert.deepEqual(await untitledPages(files), ['content/plain.md']);
  });

  it('follows a section’s cascade to its pages and itself, a page’s own build options over it, and render: never or false only', async () => {
    // As hugo 0.111.3 builds it: only kinds/page.md, sec/shown.md, news/unlisted.md get HTML; linked.md only a permalink.
    const files = {
      'hugo.toml': '',
      'content/sec/_index.md': '---\ncascade:\n  _build:\n    render: never\n---\n',
      'content/sec/child.md': untitled,
      'content/sec/deeper/child.md': untitled,
      'content/sec/shown.md': '---\n_build:\n  list: never\n---\n', // its own _build replaces the cascade's: rendered
      'content/news/hidden.md': '---\n_build:\n  render: false\n---\n',
      'content/news/linked.md': '---\n_build:\n  render: link\n---\n',
      'content/news/unlisted.md': '---\nbuild:\n  list: never\n---\n',
      'content/kinds/_index.md': '---\ntitle: K\ncascade:\n  - _build: { render: never }\n    _target: { kind: section }\n---\n',
      'content/kinds/page.md': untitled,
    };
    assert.deepEqual(await untitledPages(files), ['content/kinds/page.md', 'content/news/linked.md', 'content/news/unlisted.md', 'content/sec/shown.md']);
  });
});

describe('Hugo cascade targets from an untrusted config', () => {
  it('answers at once for a glob that would backtrack (taken as matching, so the page is quietly unrendered)', async () => {
    const glob = `${'**a'.repeat(12)}**b`;
    const files = { 'hugo.yaml': `cascade:\n  - _build: { render: never }\n    _target: { path: "${glob}" }\n`, [`content/${'a'.repeat(40)}.md`]: '---\ndescription: x\n---\n' };
    const started = Date.now();
    const { service, site } = await load(files);
    const findings = await service.checkSite(site);
    assert.deepEqual(findings.filter((finding) => finding.message === 'Missing "title".'), []);
    assert.ok(Date.now() - started < 2000);
  });

  it('answers at once for such a glob in a mount’s file filters, leaving it out (the mount takes more files, not fewer)', async () => {
    const glob = `${'**a'.repeat(12)}**b`;
    const mounts = `[[module.mounts]]\nsource = "content"\ntarget = "content"\nexcludeFiles = ["${glob}"]\nincludeFiles = ["${glob}"]\n`;
    const started = Date.now();
    const { site } = await load({ 'hugo.toml': mounts, [`content/${'a'.repeat(40)}.md`]: page() });
    assert.equal(site.posts.size, 1);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('Hugo module mounts into static and assets', () => {
  // As hugo 0.111.3 publishes them (hugo -d out): a mount into a folder of static/ is served below that
  // folder, a mount into a folder of assets/ is named below it for resources.Get, and any static mount
  // replaces the default static/ folder.
  const mounts = [
    '[[module.mounts]]\nsource = "content"\ntarget = "content"\n',
    '[[module.mounts]]\nsource = "static"\ntarget = "static"\n',
    '[[module.mounts]]\nsource = "iconography/32x32"\ntarget = "static/img/logos/32x32/"\n',
    '[[module.mounts]]\nsource = "art/banner.png"\ntarget = "static/site/banner.png"\n',
    '[[module.mounts]]\nsource = "pictures"\ntarget = "assets/images"\n',
  ].join('');
  const files = { 'hugo.toml': mounts, 'iconography/32x32/a.svg': '<svg/>', 'art/banner.png': png, 'pictures/deep/b.png': png, 'static/root.png': png };

  async function imageFindings(post: string, body: string) {
    const { service } = await load(files);
    return service.checkText(`/site/${post}`, `---\ntitle: A\n---\n${body}\n`).map((finding) => `${finding.severity} ${finding.code} ${finding.range.start.line}`);
  }

  it('finds a site-root path under the mount’s target folder, and not at the root', async () => {
    const body = ['![a](/img/logos/32x32/a.svg)', '![a](/site/banner.png)', '![a](/root.png)', '![a](/a.svg)', '![a](/banner.png)'].join('\n\n');
    assert.deepEqual(await imageFindings('content/posts/a.md', body), ['error broken-image 9', 'error broken-image 11']);
  });

  it('strips the base path before looking below the target folder', async () => {
    const { service } = await load({ ...files, 'hugo.toml': `baseURL = "https://example.org/docs/"\n${mounts}` });
    assert.deepEqual(service.checkText('/site/content/a.md', '---\ntitle: A\n---\n![a](/docs/img/logos/32x32/a.svg)\n'), []);
  });

  it('finds a resources.Get name below an assets mount’s target, and not without its folder', async () => {
    assert.deepEqual(await imageFindings('content/posts/a.md', '![a](images/deep/b.png)\n\n![a](/images/deep/b.png)\n\n![a](deep/b.png)'), ['error broken-image 7']);
  });

  it('finds a regular page’s ../ path as its URL asks for it, below a static mount’s target', async () => {
    // content/docs/page.md is served at /docs/page/, so ../../img/logos/32x32/a.svg is /img/logos/32x32/a.svg.
    assert.deepEqual(await imageFindings('content/docs/page.md', '![a](../../img/logos/32x32/a.svg)'), []);
  });

  it('serves no default static/ folder once a mount targets a folder of static', async () => {
    const only = { 'hugo.toml': '[[module.mounts]]\nsource = "icons"\ntarget = "static/img"\n', 'icons/a.svg': '<svg/>', 'static/root.png': png };
    const { service } = await load(only);
    const findings = service.checkText('/site/content/a.md', '---\ntitle: A\n---\n![a](/img/a.svg)\n\n![a](/root.png)\n');
    assert.deepEqual(findings.map((finding) => `${finding.code} ${finding.range.start.line}`), ['broken-image 5']);
  });

  it('completes image paths inside a mount’s target folder', async () => {
    const { service } = await load(files);
    const text = '---\ntitle: A\n---\n![a](/img/logos/32x32/';
    assert.deepEqual(service.completions('/site/content/a.md', text, text.length).map((item) => item.label), ['a.svg']);
  });
});

describe('Hugo images in pages never rendered on their own', () => {
  it('warns, not errs, on a missing relative image of a headless snippet: it resolves from the page that includes it', async () => {
    // hugo 0.111.3: a headless bundle's part.md, included by posts/p/, shows <img src="diagram.png"> at /posts/p/.
    const { service } = await load({ 'hugo.toml': '', 'content/snips/part/index.md': '---\nheadless: true\n---\n', 'content/posts/p/diagram.png': png });
    const findings = service.checkText('/site/content/snips/part/body.md', '---\ntitle: Part\n---\n![a](diagram.png)\n\n![a](/img/gone.png)\n');
    assert.deepEqual(findings.map((finding) => `${finding.severity} ${finding.code} ${finding.range.start.line}`), ['warning broken-image 3', 'error broken-image 5']);
    assert.match(findings[0]!.message, /never rendered on its own/);
  });

  it('still errs on a missing relative image of a page rendered on its own', async () => {
    const { service } = await load({ 'hugo.toml': '' });
    const findings = service.checkText('/site/content/posts/body.md', '---\ntitle: Part\n---\n![a](diagram.png)\n');
    assert.deepEqual(findings.map((finding) => `${finding.severity} ${finding.code}`), ['error broken-image']);
  });

  it('offers a fix into a folder mounted below static/, at the URL Hugo serves it from', async () => {
    const files = {
      'hugo.toml': `${config}[module]\n[[module.mounts]]\nsource = "static"\ntarget = "static"\n[[module.mounts]]\nsource = "iconography"\ntarget = "static/img/icons"\n`,
      'iconography/rocket.svg': '<svg/>',
    };
    const fs = inMemorySite(files);
    const service = createPostcraftService({ fs });
    await service.openWorkspace(['/site']);
    const [finding] = service.checkText('/site/content/posts/a.md', '---\ntitle: A\n---\n![a](/icons/rocket.svg)\n');
    assert.deepEqual(finding?.fixes.map((fix) => fix.title), ['Change to "/img/icons/rocket.svg"', 'Ignore this broken-image here']);
  });

  it("finds a root path to another bundle's resource where Hugo publishes it, beside that bundle's page", async () => {
    const files = { 'hugo.toml': config, 'content/docs/guide/_index.md': '---\ntitle: Guide\n---\n', 'content/docs/guide/img/arch.svg': '<svg/>' };
    assert.deepEqual(await check(files, 'content/posts/a.md', '---\ntitle: A\n---\n![a](/docs/guide/img/arch.svg)\n'), []);
    assert.deepEqual((await check(files, 'content/posts/a.md', '---\ntitle: A\n---\n![a](/docs/guide/img/gone.svg)\n')).map((finding) => finding.code), ['broken-image']);
  });

  it('opens a site whose mount filter is a glob JavaScript refuses ([z-a]): the filter is left out, the mount takes more files', async () => {
    const files = { 'hugo.toml': `${config}[module]\n[[module.mounts]]\nsource = "content"\ntarget = "content"\nexcludeFiles = "[z-a].md"\n` };
    assert.deepEqual(await check(files, 'content/posts/a.md', '---\ntitle: A\n---\n![a](/gone.png)\n').then((found) => found.map((finding) => finding.code)), ['broken-image']);
  });
});

describe('Hugo Goldmark ID settings', () => {
  const anchorFindings = async (markup: string) => {
    const post = '---\ntitle: P\n---\n`KEY`\n: The key.\n\n## Hello_World 2\n\n[a](#key) [b](#hello_world-2) [c](#hello-world-2)\n';
    return (await check({ 'hugo.toml': `baseURL = "https://example.org/"\n${markup}`, 'content/p.md': post }, 'content/p.md', post)).filter((finding) => finding.code === 'broken-anchor').map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]);
  };

  // The heading IDs as hugo 0.111.3 writes them with each setting; autoDefinitionTermID is Hugo ≥ 0.144's (attributes.go).
  it('reads autoHeadingIDType, autoHeadingID and autoDefinitionTermID from markup.goldmark.parser', async () => {
    assert.deepEqual(await anchorFindings(''), ['key', 'hello-world-2']);
    assert.deepEqual(await anchorFindings('[markup.goldmark.parser]\nautoDefinitionTermID = true\n'), ['hello-world-2']);
    assert.deepEqual(await anchorFindings('[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n'), ['key', 'hello_world-2']);
    assert.deepEqual(await anchorFindings('[markup.goldmark.parser]\nautoHeadingID = false\n'), ['key', 'hello_world-2', 'hello-world-2']);
  });
});

// hugo 0.111.3 renders `<a href="/posts/nope/"><img src="/gone.png"></a>` in a post as `<!-- raw HTML omitted -->` unless
// markup.goldmark.renderer.unsafe is true (go-gitea's blog: 44 sponsor images that never reach its pages).
describe('Hugo raw HTML in Markdown', () => {
  const text = '---\ntitle: A\n---\nText.\n\n<a href="/posts/nope/"><img src="/gone.png"></a>\n\n![](/gone.png)\n';
  async function codes(config: string): Promise<string[]> {
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': config, 'content/posts/a.md': text }) });
    await service.openWorkspace(['/site']);
    return service.checkText('/site/content/posts/a.md', text).map((finding) => `${finding.range.start.line} ${finding.code}`).sort();
  }

  it('checks no image or link of raw HTML, which Goldmark leaves out by default', async () => {
    assert.deepEqual(await codes('baseURL = "https://example.org/"\n'), ['5 omitted-html', '7 broken-image', '7 missing-alt']);
  });

  it('checks them where markup.goldmark.renderer.unsafe lets them through', async () => {
    assert.deepEqual(await codes('baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n'), ['5 broken-image', '5 broken-link', '5 missing-alt', '7 broken-image', '7 missing-alt']);
  });
});

// tekton.dev: its menus name /docs/pipelines/ and /docs/cli/, whose pages `make production-build` syncs from other
// repositories before running hugo; the repository has none of them.
describe('Hugo sections the menus name but no content file makes', () => {
  const menus = 'baseURL = "https://example.org/"\n[[menu.docs]]\n  name = "Pipelines"\n  url = "/docs/pipelines/"\n[[menu.docs]]\n  name = "Start"\n  url = "/docs/Getting-Started/"\n';
  const files = { 'hugo.toml': menus, 'content/docs/_index.md': '---\ntitle: Docs\n---\n', 'content/docs/getting-started/a.md': '---\ntitle: A\n---\nText.\n' };
  const text = '---\ntitle: B\n---\n[i](/docs/pipelines/install/#auth) [p](/docs/pipelines) [t](/docs/getting-started/nope/) [n](/docs/nowhere/x/)\n';

  it('says nothing of a link at or below one, and still reports one below a section with pages or no menu', async () => {
    const findings = await check(files, 'content/docs/getting-started/b.md', text);
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/docs/getting-started/nope/"', 'No page or file at "/docs/nowhere/x/"']);
  });

  it('reads the menus of a language too, and none that name another host', async () => {
    const config = 'baseURL = "https://example.org/"\n[languages.en.menus]\n  [[languages.en.menus.main]]\n    name = "P"\n    url = "/docs/pipelines/"\n  [[languages.en.menus.main]]\n    name = "X"\n    url = "https://example.com/docs/nowhere/"\n';
    const findings = await check({ ...files, 'hugo.toml': config }, 'content/docs/getting-started/b.md', text);
    assert.deepEqual(findings.map((finding) => finding.message.split(' (')[0]), ['No page or file at "/docs/getting-started/nope/"', 'No page or file at "/docs/nowhere/x/"']);
  });
});

// hugo 0.111.3 without markup.goldmark.renderer.unsafe: `<p><!-- raw HTML omitted --></p>` for go-gitea's sponsor block.
describe('Hugo raw HTML the page leaves out', () => {
  const text = [
    '---', 'title: A', '---', 'Text with <b>bold</b> words.', '',
    '<div class="sponsors">', '<a href="/x/"><img src="/y.png"></a>', '</div>', '',
    '<!-- a comment -->', '', '`<span>code</span>`', '', '```html', '<p>fenced</p>', '```', '',
    '{{< rawhtml >}}', '<iframe src="/v/"></iframe>', '{{< /rawhtml >}}', '',
  ].join('\n');
  async function omitted(config: string, frontmatter = ''): Promise<string[]> {
    const post = text.replace('title: A\n', `title: A\n${frontmatter}`);
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': config, 'content/posts/a.md': post }) });
    await service.openWorkspace(['/site']);
    return service.checkText('/site/content/posts/a.md', post).filter((finding) => finding.code === 'omitted-html').map((finding) => `${finding.range.start.line}:${post.split('\n')[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character)}`);
  }

  it('reports each run of lines holding HTML tags once, not comments, code or a shortcode\'s inner text', async () => {
    assert.deepEqual(await omitted('baseURL = "https://example.org/"\n'), ['3:<b', '5:<div']);
  });

  // hugo 0.111.3 omits `<details>` as it omits `<img>`; a nested pair's inner text is its shortcode's as well.
  it('reports HTML in a post with no image or link, and none inside nested shortcode pairs', async () => {
    const post = '---\ntitle: B\n---\n<details><summary>More</summary>\n\nText.\n\n</details>\n\n{{< tabs >}}\n{{< tab name="a" >}}\n<kbd>A</kbd>\n{{< /tab >}}\n<kbd>B</kbd>\n{{< /tabs >}}\n';
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/posts/b.md': post }) });
    await service.openWorkspace(['/site']);
    const lines = service.checkText('/site/content/posts/b.md', post).filter((finding) => finding.code === 'omitted-html').map((finding) => finding.range.start.line);
    assert.deepEqual(lines, [3]);
  });

  // szymonmiks.pl writes `{{<mermaid>}}`: Hugo's lexer takes the name after optional space (hugo 0.111.3 writes the shortcode's <div>).
  it('reads a shortcode tag written without spaces as the call it is, not as HTML', async () => {
    const post = '---\ntitle: C\n---\n{{<mermaid>}}\nsequenceDiagram\n    A->>+B: hi\n{{</mermaid>}}\n\n<mermaid>\n';
    const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': 'baseURL = "https://example.org/"\n', 'content/posts/c.md': post }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual(service.checkText('/site/content/posts/c.md', post).filter((finding) => finding.code === 'omitted-html').map((finding) => finding.range.start.line), [8]);
  });

  it('says nothing where markup.goldmark.renderer.unsafe renders it, nor in a page whose front matter picks another markup', async () => {
    assert.deepEqual(await omitted('baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n'), []);
    assert.deepEqual(await omitted('baseURL = "https://example.org/"\n', 'markup: html\n'), []);
    assert.deepEqual(await omitted('baseURL = "https://example.org/"\n', 'markup: md\n'), ['4:<b', '6:<div']);
  });
});

// tomy0000000/blog (Congo, images on Cloudflare R2): its render-image hook and single.html fall back to partials/tomy-picture.html,
// which writes `<img src="{{ site.Params.services.img }}/…">`. hugo 0.111.3 writes `<img src="https://img.example.net/blog/a/statue.jpg">`
// for `![Statue](statue.jpg)` with no such file in the checkout.
describe('Hugo images the site serves from another host', () => {
  const site = (params: string) => ({
    'hugo.toml': `baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n[params]\n${params}`,
    'layouts/_default/_markup/render-image.html': '{{- with .Page.Resources.GetMatch .Destination -}}<img src="{{ .RelPermalink }}" alt="{{ $.Text }}">\n{{- else -}}{{ partial "remote-picture.html" (dict "path" (printf "%s/%s" $.Page.File.ContentBaseName $.Destination)) }}{{- end -}}',
    'layouts/partials/remote-picture.html': '{{ $src := printf "%s/%s" site.Params.services.img .path }}<picture><img src="{{ $src }}"></picture>',
    'layouts/_default/single.html': '{{ with .Params.feature }}{{ partial "remote-picture.html" (dict "path" .) }}{{ end }}{{ .Content }}',
    'layouts/shortcodes/figure.html': '{{ with .Page.Resources.Get (.Get "src") }}<img src="{{ .RelPermalink }}">{{ else }}{{ partial "remote-picture.html" (dict "path" (.Get "src")) }}{{ end }}',
  });
  const post = '---\ntitle: A\nfeature: cover.jpg\n---\n![Statue](statue.jpg)\n\n<img src="raw.jpg" alt="Raw">\n\n{{< figure src="gallery.jpg" alt="G" >}}\n';

  it('leaves a Markdown, frontmatter or shortcode image alone that the hook, layouts or shortcode write from another host, not raw HTML', async () => {
    const found = await check(site('[params.services]\nimg = "https://img.example.net/blog"\n'), 'content/posts/a/index.md', post);
    assert.deepEqual(found.map((finding) => [finding.code, finding.line]), [['broken-image', 6]]);
  });

  it('reports them where the param is an address of the site itself', async () => {
    const found = await check(site('[params.services]\nimg = "https://example.org/img"\n'), 'content/posts/a/index.md', post);
    assert.deepEqual(found.map((finding) => [finding.code, finding.line]), [['broken-image', 2], ['broken-image', 4], ['broken-image', 6], ['broken-image', 8]]);
  });

  it('reads any param name a config holds without taking it for a pattern', () => {
    const params = remoteAddressParams({ 'img(src)': 'https://cdn.example.net/', 'a+b': { c: 'https://cdn.example.net/x' }, own: 'https://example.org/img' }, 'example.org');
    assert.deepEqual(params, ['img(src)', 'a+b.c']);
    const writer = { name: '_partials/pic.html', code: '{{ $s := printf "%s/%s" site.Params.a+b.c . }}<img src="{{ $s }}">' };
    assert.deepEqual(remoteImageTemplates([writer, { name: '_default/_markup/render-image.html', code: '{{ partial "pic.html" . }}' }], params).markdown, true);
  });

  // falco.org's baseof.html writes `<img src="{{ .Site.Params.tacking_pixels.blog_url }}">`: an address of its own, no image of a page.
  it('does not take a remote address written as it is for a host of page images', async () => {
    const files = { 'hugo.toml': 'baseURL = "https://example.org/"\n[params.pixels]\nblog = "https://stats.example.net/p.gif"\n', 'layouts/_default/baseof.html': '<img src="{{ .Site.Params.pixels.blog }}" alt="">{{ block "main" . }}{{ end }}' };
    assert.deepEqual((await check(files, 'content/posts/a/index.md', '---\ntitle: A\nimage: cover.jpg\n---\n![Statue](statue.jpg)\n')).map((finding) => [finding.code, finding.line]), [['broken-image', 2], ['broken-image', 4]]);
  });
});

// holgerschurig.github.io (ox-hugo) links to its code lines (`[16](#org-coderef--f87743-16)`). hugo 0.111.3 gives the lines
// of the two posts below the IDs hl-0-1, hl-0-2, sc-1 (B) and code-1, code-2, hl-1-1 (A), and no others.
describe('Hugo code line anchors', () => {
  const b = '---\ntitle: B\n---\nSee [2](#hl-0-2), [1](#sc-1), [3](#hl-0-3) and [x](#hl-1-1).\n\n```go\na := 1\nb := 2\n```\n\n{{< highlight go "linenos=table,anchorlinenos=true,lineanchors=sc" >}}\nx := 1\n{{< /highlight >}}\n';
  const a = '---\ntitle: A\n---\nSee [2](#code-2), [1](#hl-1-1), [3](#code-3) and [0](#hl-0-1).\n\n```sh { linenos=true, anchorlinenos=true, lineanchors=code }\necho one\necho two\n```\n\n```sh { linenos=table, anchorlinenos=true }\necho three\n```\n';
  const fragments = (found: { code: string; message: string }[]) => found.filter((finding) => finding.code === 'broken-anchor').map((finding) => /"#([^"]+)"/.exec(finding.message)?.[1]);

  it('gives each line of a fenced block or highlight shortcode its ID where line numbers are anchors', async () => {
    const site = { 'hugo.toml': 'baseURL = "https://example.org/"\n[markup.highlight]\nlineNos = true\nanchorLineNos = true\n' };
    assert.deepEqual(fragments(await check(site, 'content/posts/b.md', b)), ['hl-0-3', 'hl-1-1']);
  });

  it("reads a block's own options, and gives no IDs where line numbers are not anchors", async () => {
    assert.deepEqual(fragments(await check({ 'hugo.toml': 'baseURL = "https://example.org/"\n' }, 'content/posts/a.md', a)), ['code-3', 'hl-0-1']);
    assert.deepEqual(fragments(await check({ 'hugo.toml': 'baseURL = "https://example.org/"\n[markup.highlight]\nlineNos = true\n' }, 'content/posts/b.md', b)), ['hl-0-2', 'hl-0-3', 'hl-1-1']);
  });
});
