import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { linkHookOf } from '../../../src/core/site/generators/hugo/linkRenderHook';

/** A hook as hugoDocs writes one: a glossary shorthand, then `.Page.GetPage` on the path, as written and without its trailing slash. */
const gettingHook = `{{- /* Resolves pages; "g" is a glossary term. */ -}}
{{- $u := urls.Parse .Destination -}}
{{- $href := $u.String -}}
{{- if eq $u.String "g" -}}{{- $href = "/glossary/" -}}
{{- else if not $u.IsAbs -}}
  {{- with $u.Path -}}{{- with $p := or ($.Page.GetPage .) ($.Page.GetPage (strings.TrimRight "/" .)) -}}{{- $href = .RelPermalink -}}{{- end -}}{{- end -}}
{{- end -}}
<a href="{{ $href }}">{{ .Text }}</a>
`;

const pages = {
  'content/methods/Title.md': '---\ntitle: Title\n---\nx\n',
  'content/methods/date.md': '---\ntitle: Date\n---\n## Returns\n',
};

/** hugo 0.111.3 builds this post, with `gettingHook`, to /methods/title/ (a, b), /methods/date/#returns (c), methods/missing/ as written (d) and /glossary/ (e). */
const post = '---\ntitle: Intro\n---\n[a](methods/title/) [b](/methods/Title/) [c](../methods/date.md#returns) [d](methods/missing/) [e](g) [f](/methods/date/#gone)\n';

describe('Hugo link render hooks', () => {
  it('reads what a hook does: whether it looks pages up, and the destinations it compares with a literal', () => {
    assert.deepEqual(linkHookOf(gettingHook), { getsPages: true, ownDestinations: ['g'] });
    assert.deepEqual(linkHookOf('<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>'), { getsPages: false, ownDestinations: [] });
    // opentelemetry.io's: relative paths left as written, root paths looked up.
    assert.deepEqual(linkHookOf('{{ if not (hasPrefix .Destination "/") }}{{ else }}{{ with .PageInner.GetPage $path }}{{ end }}{{ end }}'), { getsPages: true, ownDestinations: [], looksUp: 'root paths' });
    assert.deepEqual(linkHookOf('{{ if hasPrefix .Destination "/" }}{{ $resolve = true }}{{ end }}{{ with .PageInner.GetPage $path }}{{ end }}'), { getsPages: true, ownDestinations: [], looksUp: 'root paths' });
    // linkerd.io's: the other way round, relative paths looked up (hugo 0.111.3 writes ../tasks/x/ as /2-edge/tasks/x/), root paths left as written.
    const linkerd = '{{- $u := urls.Parse .Destination }}{{- $href := or $u.String }}{{- if strings.HasPrefix $href "#" }}{{ $href = "x" }}{{- else if and $href (not $u.IsAbs) (not (strings.HasPrefix $href "/")) }}{{- with or ($.PageInner.GetPage $path) (resources.Get $path) }}{{- $href = .RelPermalink }}{{- with $u.Fragment }}{{ $href = "y" }}{{ end }}{{- end }}{{- end }}<a href="{{ $href }}">';
    assert.deepEqual(linkHookOf(linkerd), { getsPages: true, ownDestinations: [], looksUp: 'relative paths' });
    // A comparison of something other than the destination names no destination; a commented-out lookup is no lookup.
    assert.deepEqual(linkHookOf('{{ $level := "x" }}{{ if eq $level "warning" }}{{ end }}{{/* .Page.GetPage */}}<a href="{{ .Destination }}">'), { getsPages: false, ownDestinations: [] });
  });

  it('follows a project hook that looks pages up, as hugo 0.111.3 renders the links, and leaves the glossary shorthand to it', async () => {
    const codes = async (files: Record<string, string>) => {
      const service = createPostcraftService({ fs: inMemorySite({ ...pages, 'content/templates/intro.md': post, ...files }) });
      await service.openWorkspace(['/site']);
      return service.checkText('/site/content/templates/intro.md', post, { severities: { 'missing-alt': 'off' } }).map((finding) => [finding.code, post.split('\n')[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character)]);
    };
    const config = { 'hugo.toml': 'baseURL = "https://example.org/"\n' };
    assert.deepEqual(await codes({ ...config, 'layouts/_default/_markup/render-link.html': gettingHook }), [['broken-link', 'methods/missing/'], ['broken-anchor', 'gone']]);
    // GetPage finds no page by its name alone, as `ref` does: hugo 0.111.3 writes `date.md` as it is.
    const byName = '---\ntitle: N\n---\n[n](date.md) [r]({{< ref "date.md" >}})\n';
    const service = createPostcraftService({ fs: inMemorySite({ ...pages, 'content/templates/named.md': byName, ...config, 'layouts/_default/_markup/render-link.html': gettingHook }) });
    await service.openWorkspace(['/site']);
    assert.deepEqual(service.checkText('/site/content/templates/named.md', byName).map((finding) => finding.code), ['broken-link']);
    // A full address is absolute: the hook passes it through (`$u.IsAbs`), so `https://example.org/methods/title` is that URL, not a page lookup.
    const absolute = '---\ntitle: A\n---\n[t](https://example.org/methods/Title/)\n';
    const withHook = createPostcraftService({ fs: inMemorySite({ ...pages, 'content/templates/absolute.md': absolute, ...config, 'layouts/_default/_markup/render-link.html': gettingHook }) });
    await withHook.openWorkspace(['/site']);
    assert.deepEqual(withHook.checkText('/site/content/templates/absolute.md', absolute), []); // a URL the site does not build: maybe served by something else
    // Hugo ≥ 0.146's place for it, and a theme's, count the same.
    assert.deepEqual((await codes({ ...config, 'layouts/_markup/render-link.html': gettingHook })).length, 2);
    assert.deepEqual((await codes({ 'hugo.toml': 'baseURL = "https://example.org/"\ntheme = "t"\n', 'themes/t/layouts/_default/_markup/render-link.html': gettingHook })).length, 2);
    // A partial that calls itself many times is read once (the hook, which looks nothing up, leaves every link as written, as without a hook).
    const looping = '{{ partial "loop.html" . }}'.repeat(2000);
    assert.deepEqual((await codes({ ...config, 'layouts/_markup/render-link.html': looping, 'layouts/partials/loop.html': looping })).length, 6);
    // yewentao256's DoIt hook finds only the page's resources, and hugo-graphite's writes the destination: hugo 0.111.3 writes
    // `../methods/date.md#returns` as it is with either. One that names `.md` may rewrite such a link by its text: left to it.
    const resourcesOnly = '{{- $destination := .Destination -}}{{- with .Page.Resources.GetMatch $destination -}}{{- $destination = .RelPermalink -}}{{- end -}}<a href="{{ $destination }}">';
    assert.deepEqual((await codes({ ...config, 'layouts/_markup/render-link.html': resourcesOnly })).map(([code, text]) => `${code} ${text}`).filter((line) => line.includes('date.md')), ['broken-link ../methods/date.md#returns']);
    const stripsMd = '{{- $d := strings.TrimSuffix ".md" .Destination -}}<a href="{{ $d }}">';
    assert.deepEqual((await codes({ ...config, 'layouts/_markup/render-link.html': stripsMd })).map(([, text]) => text).includes('../methods/date.md#returns'), false);
    // A hook that hands its work to a partial (opentelemetry.io's `partial "hooks/render-link.html"`) does what the partial does.
    assert.deepEqual((await codes({ ...config, 'layouts/_markup/render-link.html': '{{- partial "hooks/render-link.html" (dict "ctx" .) -}}', 'layouts/_partials/hooks/render-link.html': gettingHook })).length, 2);
    // Without a hook, hugo 0.111.3 writes each link as it is (`../methods/date.md` too) and the browser takes it so.
    assert.deepEqual((await codes(config)).map(([code, text]) => `${code} ${text}`), ['broken-link methods/title/', 'broken-link /methods/Title/', 'broken-link ../methods/date.md#returns', 'broken-link methods/missing/', 'broken-link g', 'broken-anchor gone']);
    // A theme Postcraft does not see (a module, an empty submodule) may have a hook: a file link is then taken to reach its page.
    for (const unseen of ['theme = "github.com/x/theme"\n', '[module]\n[[module.imports]]\npath = "github.com/x/theme"\n']) {
      assert.deepEqual((await codes({ 'hugo.toml': `baseURL = "https://example.org/"\n${unseen}` })).map(([, text]) => text).includes('../methods/date.md#returns'), false, unseen);
    }
  });

  it('follows the embedded hook where the config turns it on, or a multilingual single-host site has it by default', async () => {
    const count = async (config: string, more: Record<string, string> = {}) => {
      const service = createPostcraftService({ fs: inMemorySite({ ...pages, ...more, 'content/templates/intro.md': post, 'hugo.toml': config }) });
      await service.openWorkspace(['/site']);
      return service.checkText('/site/content/templates/intro.md', post).filter((finding) => finding.code === 'broken-link').length;
    };
    const base = 'baseURL = "https://example.org/"\n';
    assert.equal(await count(`${base}[markup.goldmark.renderHooks.link]\nenableDefault = true\n`), 2); // d, and e: the embedded hook knows no glossary
    assert.equal(await count(`${base}[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n`), 2);
    const multilingual = `${base}defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n`;
    assert.equal(await count(multilingual), 2);
    assert.equal(await count(`${multilingual}[markup.goldmark.renderHooks.link]\nuseEmbedded = "never"\n`), 5); // `../methods/date.md` stays as written
    // vitess.io builds with `npx hugo` from hugo-extended ^0.96.0, before Hugo 0.123 had an embedded link hook.
    assert.equal(await count(multilingual, { 'package.json': '{ "devDependencies": { "hugo-extended": "^0.96.0" } }' }), 5);
    // Netlify serves any letter case: `/methods/Title/` reaches its page there.
    assert.equal(await count(multilingual, { 'netlify.toml': '[build.environment]\nHUGO_VERSION = "0.118.2"\n' }), 4);
    assert.equal(await count(multilingual, { 'netlify.toml': '[build.environment]\nHUGO_VERSION = "0.147.0"\n' }), 2);
    assert.equal(await count(multilingual, { '.hugo-version': '0.110.0\n' }), 5);
    const workflow = (version: string) => ({ '.github/workflows/pages.yml': `jobs:\n  build:\n    steps:\n      - uses: peaceiris/actions-hugo@v3\n        with:\n          hugo-version: ${version}\n` });
    assert.equal(await count(multilingual, workflow("'0.102.3'")), 5);
    assert.equal(await count(multilingual, workflow('0.145.0')), 2);
  });

  // akitaonrails.github.io vendors Hextra (`hugo mod vendor`), whose link hook rewrites only `/` links: hugo writes
  // href="2019/03/20/x/" below the post's URL, where the embedded hook (multilingual, no hook of the site's) would find the page.
  it('reads the hooks of a module import on disk, in _vendor/ or themes/, over the embedded one', async () => {
    const hook = '{{- $dest := .Destination -}}{{- if hasPrefix $dest "/" -}}{{- with .PageInner.GetPage $dest -}}{{- $dest = .RelPermalink -}}{{- end -}}{{- end -}}<a href="{{ $dest | safeURL }}">{{ .Text }}</a>';
    const site = (importPath: string, hookFolder: string) => ({
      'hugo.toml': `baseURL = "https://example.org/"\ndefaultContentLanguage = "pt-br"\n[languages.pt-br]\nweight = 1\n[languages.en]\nweight = 2\n[module]\n[[module.imports]]\npath = "${importPath}"\n`,
      [`${hookFolder}/layouts/_markup/render-link.html`]: hook,
      'content/2019/03/20/x/index.md': '---\ntitle: X\n---\n',
      'content/2025/09/14/y/index.md': '---\ntitle: Y\n---\n[rel](2019/03/20/x/)\n',
    });
    const codes = async (files: Record<string, string>) => {
      const service = createPostcraftService({ fs: inMemorySite(files) });
      await service.openWorkspace(['/site']);
      return (await service.checkFile('/site/content/2025/09/14/y/index.md')).map((finding) => finding.code);
    };
    assert.deepEqual(await codes(site('github.com/imfing/hextra', '_vendor/github.com/imfing/hextra')), ['broken-link']);
    assert.deepEqual(await codes(site('hextra', 'themes/hextra')), ['broken-link']);
    // Not on disk, the module may bring any hook: the embedded one is not assumed either way, and the link stays unreported.
    assert.deepEqual(await codes(site('github.com/imfing/hextra', 'elsewhere')), []);
  });
});
