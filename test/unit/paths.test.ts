import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childPath, isInside, joinPath, normalizePath } from '../../src/core/text/paths';

describe('paths', () => {
  it('tells a path inside a folder from one that only starts with its name', () => {
    assert.equal(isInside('/site/static', '/site/static'), true);
    assert.equal(isInside('/site/static', '/site/static/a.png'), true);
    assert.equal(isInside('/site/static', '/site/static2/a.png'), false);
    assert.equal(isInside('/site/static', '/site/stat'), false);
    assert.equal(isInside('/', '/a'), true);
    assert.equal(isInside('/site/', '/site/a'), true);
  });

  it('joins and normalises, leaving out empty parts', () => {
    assert.equal(joinPath('/site/content', 'post/../img/a.png'), '/site/content/img/a.png');
    assert.equal(joinPath('/site', ''), '/site');
    assert.equal(joinPath('', 'a/./b'), 'a/b');
    assert.equal(joinPath('/site', 'a', '', 'b'), '/site/a/b');
    assert.equal(joinPath('/site', '/abs.png'), '/site/abs.png');
    assert.equal(joinPath('/site', '../../etc'), '/etc');
  });

  it('normalises dot segments, doubled and trailing slashes, and leaves names with dots alone', () => {
    const cases: [string, string][] = [
      ['/a/./b', '/a/b'], ['/a/../b', '/b'], ['./a', 'a'], ['../a', 'a'], ['.', ''], ['..', ''], ['/a//b', '/a/b'], ['/a/b/', '/a/b'], ['/a/..', '/'],
      ['/', '/'], ['', ''], ['/a/.hidden/b', '/a/.hidden/b'], ['/a/..b/c', '/a/..b/c'], ['/a/b.', '/a/b.'], ['/.sites/x.png', '/.sites/x.png'], ['a/...', 'a/...'],
    ];
    for (const [path, expected] of cases) assert.equal(normalizePath(path), expected, path);
  });

  // The fast paths (the pre-check before the regex, a part with a leading slash appended as it is) are
  // held equal to the plain definitions: split on slashes, drop `.` and empty segments, pop on `..`.
  const plainNormalize = (path: string): string => {
    if (!/(?:^|\/)\.\.?(?:\/|$)|\/\/|.\/$/.test(path)) return path;
    const out: string[] = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') out.pop();
      else out.push(segment);
    }
    return (path.startsWith('/') ? '/' : '') + out.join('/');
  };
  const pathLike = fc.array(fc.constantFrom('/', '.', '..', 'a', 'b.c', '.d', '\n', '\r', '\u2028', ' ', 'é', '//', '/.', './'), { maxLength: 8 }).map((pieces) => pieces.join(''));

  it('normalises as the plain definition does (property)', () => {
    fc.assert(fc.property(fc.oneof(pathLike, fc.string()), (path) => normalizePath(path) === plainNormalize(path)), { numRuns: 20_000 });
  });

  it('joins as the plain definition does (property)', () => {
    fc.assert(fc.property(fc.oneof(pathLike, fc.string()), fc.oneof(pathLike, fc.string()), (base, part) => joinPath(base, part) === plainNormalize([base, part].filter(Boolean).join('/'))), { numRuns: 20_000 });
  });

  it('joins a listed name to a normal folder as joinPath does (property)', () => {
    const folder = fc.oneof(pathLike, fc.string()).map(normalizePath);
    const name = fc.oneof(fc.constantFrom('', '.', '..', 'a', '.d', '..e', 'f.', 'a/b', '\n', ' '), fc.string());
    fc.assert(fc.property(folder, name, (base, entry) => childPath(base, entry) === joinPath(base, entry)), { numRuns: 20_000 });
  });
});
