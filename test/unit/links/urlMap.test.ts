import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UrlMap, urlKey } from '../../../src/core/links/urlMap';
import { relativeUrl } from '../../../src/core/site/resolveLink';
import { relativeFilePath } from '../../../src/core/site/linkText';
import type { PostSummary } from '../../../src/core/site/postSummary';

function page(path: string, url: string | undefined, aliases: string[] = []): [string, PostSummary] {
  return [path, { path, title: undefined, tags: [], authors: [], draft: false, language: undefined, route: url === undefined ? undefined : { url, aliases }, anchors: undefined }];
}

describe('the URL map', () => {
  const map = new UrlMap(
    new Map([
      page('/s/content/blog/a.md', '/blog/2024/05/a/', ['/old/a/']),
      page('/s/content/blog/b.md', '/blog/2023/b/'),
      page('/s/content/about.md', '/about.html'),
      page('/s/content/home.md', '/', ['/blog/2023/b/']),
      page('/s/content/headless.md', undefined),
    ]),
  );

  it('finds a page by its URL as a web server reaches it: with or without the slash, index.html or .html', () => {
    for (const url of ['/blog/2024/05/a/', '/blog/2024/05/a', '/blog/2024/05/a/index.html']) assert.deepEqual(map.pageAt(url), { path: '/s/content/blog/a.md', viaAlias: false });
    assert.equal(map.pageAt('/about')?.path, '/s/content/about.md');
    assert.equal(map.pageAt('/about/')?.path, '/s/content/about.md');
    assert.equal(map.pageAt('/index.html')?.path, '/s/content/home.md');
  });

  it('finds a page by an alias, and a page wins over another page’s alias at its URL', () => {
    assert.deepEqual(map.pageAt('/old/a/'), { path: '/s/content/blog/a.md', viaAlias: true });
    assert.deepEqual(map.pageAt('/blog/2023/b/'), { path: '/s/content/blog/b.md', viaAlias: false });
    assert.equal(map.pageAt('/nowhere/'), undefined);
  });

  it('tells letter-case variants, slugs under other folders and the folders pages live in', () => {
    assert.equal(map.caseVariant('/Blog/2023/B/'), '/blog/2023/b');
    assert.equal(map.caseVariant('/blog/2023/b/'), undefined);
    assert.deepEqual(map.withSlug('/blog/2020/a/'), ['/s/content/blog/a.md']);
    assert.equal(map.inSectionOfPages('/blog/1999/gone/'), true);
    assert.equal(map.inSectionOfPages('/contact/'), false);
    assert.equal(map.inSectionOfPages('/old/x/'), false, 'an alias makes no folder of pages');
  });

  it('keys URLs without the endings a server adds', () => {
    assert.equal(urlKey('/'), '/');
    assert.equal(urlKey('/index.html'), '/');
    assert.equal(urlKey('/a/b.html'), '/a/b');
    assert.equal(urlKey('/a/b//'), '/a/b');
  });
});

describe('relative links', () => {
  it('resolves a relative URL from the page’s folder, as a browser does', () => {
    assert.equal(relativeUrl('/blog/a/', '../b/'), '/blog/b/');
    assert.equal(relativeUrl('/blog/a/', 'img/x.png'), '/blog/a/img/x.png');
    assert.equal(relativeUrl('/blog/a.html', 'b.html'), '/blog/b.html');
    assert.equal(relativeUrl('/blog/a.html', '../../../x/'), '/x/');
  });

  it('writes a relative file path between two files', () => {
    assert.equal(relativeFilePath('/s/docs/a', '/s/docs/b/c.md'), '../b/c.md');
    assert.equal(relativeFilePath('/s/docs', '/s/docs/c.md'), 'c.md');
    assert.equal(relativeFilePath('/s/docs', '/s/docs/.hidden.md'), './.hidden.md');
    assert.equal(relativeFilePath('/s/docs/a/b', '/s/x.md'), '../../../x.md');
  });
});
