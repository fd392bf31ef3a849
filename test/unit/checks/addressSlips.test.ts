import fc from 'fast-check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { isMistypedWebScheme, mayHoldHostAndPort } from '../../../src/core/checks/addressSlips';

async function schemeFindings(body: string) {
  const text = `---\ntitle: T\n---\n${body}`;
  const service = createPostcraftService({ fs: inMemorySite({ '_config.yml': 'title: x\n', '_posts/2024-01-01-a.md': text }) });
  await service.openWorkspace(['/site']);
  return service
    .checkText('/site/_posts/2024-01-01-a.md', text)
    .filter((finding) => finding.code === 'broken-link')
    .map((finding) => ({ line: finding.range.start.line, written: text.split('\n')[finding.range.start.line]!.slice(finding.range.start.character, finding.range.end.character), fix: finding.fixes[0]?.edits[0]?.newText }));
}

describe('address slips', () => {
  it('takes a scheme one edit from http or https for a slip, and no real scheme', () => {
    assert.deepEqual(['hhttps', 'htps', 'htpp', 'HTTTP', 'ttps', 'httsp'].filter((scheme) => !isMistypedWebScheme(scheme)), []);
    assert.deepEqual(['http', 'https', 'HTTPS', 'ftp', 'ftps', 'ws', 'wss', 'git+https', 'hxxp', 'hxxps', 'mailto', 'sftp', 'file'].filter(isMistypedWebScheme), []);
  });

  // kubevirt.io's _posts/2018-05-08-KubeVirt-objects.markdown links hhttps://kubevirt.io/user-guide/…: Jekyll 4.3 writes it as is, and a browser finds nothing.
  it('reports a destination with a mistyped scheme, in a link, a definition, an autolink and an href, with the scheme meant', async () => {
    const body = ['See [the guide](hhttps://kubevirt.io/user-guide/) and <htps://example.com/>.', '', '<a href="htpp://example.com/">x</a>', '', '[ref]: htttps://example.com/', ''].join('\n');
    assert.deepEqual(await schemeFindings(body), [
      { line: 3, written: 'hhttps', fix: 'https' },
      { line: 3, written: 'htps', fix: 'https' },
      { line: 5, written: 'htpp', fix: 'http' },
      { line: 7, written: 'htttps', fix: 'https' },
    ]);
  });

  // pivotal/blog's headless-ui post links [localhost:8080](localhost:8080): a browser reads `localhost:` as a scheme and opens nothing.
  it('reports a host and port written without http://, and leaves real schemes, link texts, code and paths alone', async () => {
    const body = [
      '[localhost:8080](localhost:8080), [docs](example.com:8443/docs) and <a href="LOCALHOST:3000">x</a>', '',
      '[tel](tel:5551234) [mail](mailto:a@b.co) [ok](http://localhost:8080) [path](/posts/a:1) `[c](localhost:1)`', '',
      '```', '[d](localhost:9000)', '```', '',
    ].join('\n');
    assert.deepEqual(await schemeFindings(body), [
      { line: 3, written: 'localhost:8080', fix: 'http://localhost:8080' },
      { line: 3, written: 'example.com:8443', fix: 'http://example.com:8443' },
      { line: 3, written: 'LOCALHOST:3000', fix: 'http://LOCALHOST:3000' },
    ]);
  });

  // pothix.github.com's now.md links http//www.meetup.com/…: hugo 0.111.3 writes href="http//www.meetup.com/…", a path below the page.
  it('reports an address without the colon of its scheme once, with the colon put back', async () => {
    const body = ['[meetup](http//www.meetup.com/x/) and <a href="https//example.com/">y</a>', ''].join('\n');
    assert.deepEqual(await schemeFindings(body), [
      { line: 3, written: 'http//', fix: 'http://' },
      { line: 3, written: 'https//', fix: 'https://' },
    ]);
  });

  // bobmonsour.com's node-cli-of-my-dreams.md links mailt:bob.monsour@gmail.com.
  it('reports a slip of mailto, and leaves mailto and other schemes before an address alone', async () => {
    const body = ['[mail](mailt:me@example.com) [ok](mailto:me@example.com) [x](xmpp:me@example.com) <a href="maillto:me@example.com">y</a>', ''].join('\n');
    assert.deepEqual(await schemeFindings(body), [
      { line: 3, written: 'mailt', fix: 'mailto' },
      { line: 3, written: 'maillto', fix: 'mailto' },
    ]);
  });

  // TheCandidStartup.github.io: `[my recipe](({% link _posts/…md %}))` and `[both]((https://…))`, which jekyll 4.3.1 writes as
  // href="(/2020/01/02/b.html)" and href="(https://…)"; text.baldanders.info's `((http://… "title"))` in hugo 0.111.3 likewise.
  it('reports an address wrapped in parentheses, a template tag inside included, with the parentheses dropped', async () => {
    const body = ['See [my recipe](({% link _posts/2024-01-01-a.md %})) and [both]((https://example.com/x/)).', '', '[t]((http://example.com/a "Title")) <a href="(/b/)">b</a>', '', '[fine](https://en.wikipedia.org/wiki/Foo_(bar)) (see [docs](https://x.org)) `[c]((https://x.org))`', '', '[dall-e]: (https://openai.com/blog/dall-e/)', '', '[the theme](<(https://github.com/5t3ph/x)>)', ''].join('\n');
    assert.deepEqual(await schemeFindings(body), [
      { line: 3, written: '({% link _posts/2024-01-01-a.md %})', fix: '{% link _posts/2024-01-01-a.md %}' },
      { line: 3, written: '(https://example.com/x/)', fix: 'https://example.com/x/' },
      { line: 5, written: '(http://example.com/a', fix: 'http://example.com/a' },
      { line: 5, written: '(/b/)', fix: '/b/' },
      { line: 9, written: '(https://openai.com/blog/dall-e/)', fix: 'https://openai.com/blog/dall-e/' },
      { line: 11, written: '(https://github.com/5t3ph/x)', fix: 'https://github.com/5t3ph/x' },
    ]);
  });

  // tomy0000000/blog: `[a]({{< relref "…" >}})，[b](({{< relref "…" >}}))` on one line; a tag ends at its first `}}` or `%}`,
  // so the first link's tag does not run on into the second's wrapping.
  it('reports a wrapped address after a template link on the same line', async () => {
    const body = 'See [a]({% link _posts/2024-01-01-a.md %}), then [b](({% link _posts/2024-01-01-a.md %})).\n';
    assert.deepEqual(await schemeFindings(body), [{ line: 3, written: '({% link _posts/2024-01-01-a.md %})', fix: '{% link _posts/2024-01-01-a.md %}' }]);
  });

  // TheCandidStartup.github.io's `[…](/https://blog.logrocket.com/…)`: jekyll 4.3.1 writes href="/https://blog.logrocket.com/…", a page of the site.
  it('reports a slash before a scheme, and no missing page for it', async () => {
    // An image so written is a missing image (broken-image says so): caraya's `![…](/https://res.cloudinary.com/…)`.
    const body = ['[post](/https://blog.logrocket.com/x/) and <a href="/HTTP://example.com/">y</a>, but [ok](/posts/https-guide/) ![i](/https://x.org/a.png) <img src="/https://x.org/b.png" alt="b"> ![j]((https://x.org/c.png))', ''].join('\n');
    assert.deepEqual(await schemeFindings(body), [
      { line: 3, written: '/https://', fix: 'https://' },
      { line: 3, written: '/HTTP://', fix: 'HTTP://' },
    ]);
  });

  it('leaves the same text alone in code and in prose, and real schemes anywhere', async () => {
    const body = ['`[a](hhttps://x.org/)` and `[f](http//x.org/)`', '', '    [b](htps://x.org/)', '', 'Type hhttps://x.org/ or http//x.org to see. [c](ftp://x.org/) [d](https://x.org/) [e](hxxps://x.org/) [g](https://x.org/http//b)', ''].join('\n');
    assert.deepEqual(await schemeFindings(body), []);
  });

  it('looks for a host and port exactly where the pattern it stands for does (property)', () => {
    const piece = fc.constantFrom(':', '1', 'x', '.', '.io', '.com', 'localhost', 'LocalHost', 'ocalhost', 'abcdefghijklmnopqrstuvwxy', '.abcdefghijklmnopqrstuvwx', '.abcdefghijklmnopqrstuvwxy', ':1', 'é', 'ſ', 'K', '/', ' ', '\n', '-', '0');
    fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join('')), fc.string()), (text) => {
      assert.equal(mayHoldHostAndPort(text), /(?:localhost|\.[A-Za-z]{2,24}):\d/i.test(text), JSON.stringify(text));
    }), { numRuns: 20_000 });
  });
});
