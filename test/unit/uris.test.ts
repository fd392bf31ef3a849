// URI ⇄ site path (src/core/text/uris.ts): tables of the schemes the fronts meet, and round trips checked
// against vscode-uri (the URI class VS Code and vscode-markdown-languageservice use) as the oracle.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { formatUri, parseUri, sitePathOfUri, uriOfSitePath, uriPartsOfSitePath } from '../../src/core/text/uris';

const runs = Number(process.env['POSTCRAFT_PROPERTY_RUNS'] ?? 1000);

describe('sitePathOfUri', () => {
  const table: [string, string | undefined][] = [
    ['file:///home/a/blog/post.md', '/home/a/blog/post.md'],
    ['file:///home/a/my%20blog/caf%C3%A9.md', '/home/a/my blog/café.md'],
    ['file:///home/a/blog/', '/home/a/blog'],
    ['file:///home/a/./blog/../blog/post.md', '/home/a/blog/post.md'],
    ['file://localhost/home/a/post.md', '/home/a/post.md'],
    ['file:///C:/Users/a/post.md', '/c:/Users/a/post.md'],
    ['file:///c%3A/Users/a/post.md', '/c:/Users/a/post.md'],
    ['file:///C%3a/Users/a/post.md', '/c:/Users/a/post.md'],
    ['file:///d:', '/d:'],
    ['file:///home/a/post.md#frag', '/home/a/post.md'],
    ['FILE:///home/a/post.md', '/home/a/post.md'],
    ['file://server/share/post.md', undefined], // a file share: no path of this machine's form
    ['file:///ab:/post.md', undefined], // would read back as scheme `ab`
    ['file:///home/a/bad%E0%A4%A.md', undefined], // a malformed escape
    ['vscode-vfs://github/owner/repo/content/post.md', '/vscode-vfs:github/owner/repo/content/post.md'],
    ['vscode-vfs://github/owner/repo', '/vscode-vfs:github/owner/repo'],
    ['vscode-vfs://github/owner/repo/', '/vscode-vfs:github/owner/repo'],
    ['vscode-remote://localhost%3A8080/home/coder/blog/post.md', '/vscode-remote:localhost:8080/home/coder/blog/post.md'],
    ['vscode-remote://localhost:8080/home/coder/blog/post.md', '/vscode-remote:localhost:8080/home/coder/blog/post.md'],
    ['memfs:/blog/post.md', '/memfs:/blog/post.md'],
    ['memfs:///blog/post.md', '/memfs:/blog/post.md'],
    ['inmemory://model/1', '/inmemory:model/1'],
    ['untitled:Untitled-1', undefined], // a relative path: no file
    ['not a uri', undefined],
    ['', undefined],
  ];
  for (const [uri, path] of table) it(`${uri || '(empty)'} → ${path}`, () => assert.equal(sitePathOfUri(uri), path));

  it('takes parts as vscode.Uri has them', () => {
    assert.equal(sitePathOfUri(URI.parse('vscode-vfs://github/o/r/a%20b.md')), '/vscode-vfs:github/o/r/a b.md');
    assert.equal(sitePathOfUri(URI.file('/home/a/post.md')), '/home/a/post.md');
  });
});

describe('uriOfSitePath', () => {
  const table: [string, string][] = [
    ['/home/a/blog/post.md', 'file:///home/a/blog/post.md'],
    ['/home/a/my blog/café #1?.md', 'file:///home/a/my%20blog/caf%C3%A9%20%231%3F.md'],
    ['/c:/Users/a/post.md', 'file:///c:/Users/a/post.md'],
    ['/', 'file:///'],
    ['/vscode-vfs:github/owner/repo/content/post.md', 'vscode-vfs://github/owner/repo/content/post.md'],
    ['/vscode-remote:localhost:8080/home/coder/post.md', 'vscode-remote://localhost:8080/home/coder/post.md'],
    ['/memfs:/blog/post.md', 'memfs:/blog/post.md'],
    ['/memfs:', 'memfs:/'],
  ];
  for (const [path, uri] of table) it(`${path} → ${uri}`, () => assert.equal(uriOfSitePath(path), uri));
});

// Site paths as the mapping makes them: normalized, no trailing slash, of any scheme.
const segment = fc.stringMatching(/^[a-zA-Z0-9 é%#?&+:@!$'()=;,~_.\-\u{1F600}]{1,8}$/u).filter((s) => s !== '.' && s !== '..' && !/^[a-zA-Z][\w+.-]*:/.test(s));
const segments = fc.array(segment, { maxLength: 4 });
const scheme = fc.constantFrom('vscode-vfs', 'vscode-remote', 'memfs', 'inmemory', 'vscode-test-web');
const authority = fc.constantFrom('', 'github', 'localhost:8080', 'ssh-remote+my-host', 'user@host');
const sitePath = fc.oneof(
  segments.map((parts) => `/${parts.join('/')}`),
  fc.tuple(fc.constantFrom('a', 'c', 'z'), segments).map(([drive, parts]) => `/${drive}:${parts.length ? '/' : ''}${parts.join('/')}`),
  fc.tuple(scheme, authority, segments).map(([s, a, parts]) => `/${s}:${a}${parts.map((p) => `/${p}`).join('')}`),
);

describe('round trips', () => {
  it('site path → URI → site path', () => {
    fc.assert(fc.property(sitePath, (path) => assert.equal(sitePathOfUri(uriOfSitePath(path)), path)), { numRuns: runs });
  });

  it('vscode-uri reads the URIs it is given as their parts', () => {
    fc.assert(
      fc.property(sitePath, (path) => {
        const parsed = URI.parse(uriOfSitePath(path));
        assert.deepEqual({ scheme: parsed.scheme, authority: parsed.authority, path: parsed.path }, uriPartsOfSitePath(path));
      }),
      { numRuns: runs },
    );
  });

  it("reads vscode-uri's URIs (its own percent-encoding, `%3A` drive colons included) as vscode-uri does", () => {
    fc.assert(
      fc.property(sitePath, (path) => {
        const uri = URI.from(uriPartsOfSitePath(path));
        const parts = parseUri(uri.toString());
        assert.deepEqual(parts, { scheme: uri.scheme, authority: uri.authority, path: uri.path });
        assert.equal(sitePathOfUri(uri.toString()), path);
        assert.equal(sitePathOfUri(uri), path);
      }),
      { numRuns: runs },
    );
  });

  it('formatUri then parseUri gives the parts back', () => {
    fc.assert(
      fc.property(sitePath, (path) => assert.deepEqual(parseUri(formatUri(uriPartsOfSitePath(path))), uriPartsOfSitePath(path))),
      { numRuns: runs },
    );
  });

  it('two different URIs of files never share a site path', () => {
    fc.assert(
      fc.property(sitePath, sitePath, (a, b) => {
        if (a !== b) assert.notEqual(uriOfSitePath(a), uriOfSitePath(b));
      }),
      { numRuns: runs },
    );
  });
});
