// The CLI checks each post while indexing it and finishes the tag checks at the end; the editor checks
// a post's text at once. Both must give the same findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSites } from '../../src/cli/checkSite';
import { CancelledError, createPostcraftService, type CheckOptions } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function site() {
  const files: Record<string, string | Uint8Array> = {
    'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n',
    'postcraft.config.json': JSON.stringify({ checks: { 'tag-typo': 'error', 'image-case': 'off' } }),
    'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n',
    'assets/images/hero.png': png,
    'assets/images/Logo.png': png,
    // A tag typo in a long frontmatter (CRLF lines), a broken image, a case mistake, an unknown author, a bad date.
    'content/posts/typo.md': '---\r\ntitle: "A post whose title is long enough to be kept as a slice"\r\ndate: 2024-02-30\r\ntags: [kuberentes, go]\r\nauthors: [Jane Do]\r\nimages: [images/missing.png]\r\n---\r\n![x](images/logo.png) ![y](images/hero.png)\r\n',
    'content/posts/broken.md': '---\ntitle: [unclosed\n---\nbody\n',
  };
  for (let i = 0; i < 4; i++) files[`content/posts/p${i}.md`] = `---\ntitle: P${i}\ntags:\n  - kubernetes\n  - go\n---\n![h](images/hero.png)\n`;
  return files;
}

/** The site on a file system that records the path of every file read. */
function siteCountingReads() {
  const fs = inMemorySite(site());
  const reads: string[] = [];
  const readFile = fs.readFile.bind(fs);
  fs.readFile = async (path: string) => {
    reads.push(path);
    return readFile(path);
  };
  return { fs, reads };
}

describe('a whole site checked in two passes', () => {
  for (const options of [{}, { severities: { schema: 'info', 'tag-typo': 'warning', 'image-case': 'error' } }] as CheckOptions[]) {
    it(`finds exactly what the editor finds post by post (${JSON.stringify(options)})`, async () => {
      const files = site();
      const report = await checkSites(inMemorySite(files), '/site', options);
      const editor = createPostcraftService({ fs: inMemorySite(files) });
      await editor.openWorkspace(['/site']);
      const expected = Object.entries(files)
        .filter(([path]) => path.startsWith('content/posts/'))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .flatMap(([path, text]) => editor.checkText(`/site/${path}`, text as string, options));
      assert.deepEqual(report.findings, expected);
      const codes = new Set(report.findings.map((finding) => finding.code));
      for (const code of ['tag-typo', 'broken-image', 'unknown-author', 'schema', 'yaml-syntax']) assert.ok(codes.has(code as never), `${code} found`);
      assert.equal(codes.has('image-case'), 'severities' in options, 'image-case is off in the site file, on from the caller');
    });
  }

  it('drops what a change on disk made stale: a post edited, an image added', async () => {
    const fs = inMemorySite(site());
    const service = createPostcraftService({ fs, checksAfterOpening: () => true });
    await service.openWorkspace(['/site']);
    const codes = async (path: string) => (await service.checkFile(`/site/${path}`)).map((finding) => finding.code);
    // Edited after indexing: its findings come from the new text, not from while it was indexed.
    fs.write('content/posts/p0.md', '---\ntitle: P0\ndate: nope\n---\n');
    await service.fileChanged('/site/content/posts/p0.md', 'changed');
    assert.deepEqual(await codes('content/posts/p0.md'), ['schema']);
    // A new image can mend any post's reference: every finding from indexing is dropped.
    fs.write('assets/images/missing.png', png);
    assert.equal(await service.fileChanged('/site/assets/images/missing.png', 'created'), 'site');
    assert.ok(!(await codes('content/posts/typo.md')).includes('broken-image'));
  });

  for (const checksAfterOpening of [true, false]) {
    it(`reads each post ${checksAfterOpening ? 'once when every post is checked after opening' : 'again at its check otherwise'}`, async () => {
      const { fs, reads } = siteCountingReads();
      const service = createPostcraftService({ fs, checksAfterOpening: () => checksAfterOpening });
      await service.openWorkspace(['/site']);
      reads.length = 0;
      const findings = await service.checkFile('/site/content/posts/typo.md');
      assert.ok(findings.some((finding) => finding.code === 'tag-typo'));
      assert.deepEqual(reads, checksAfterOpening ? [] : ['/site/content/posts/typo.md']);
    });
  }

  it('keeps nothing from a re-index that was cancelled: the next check reads the post', async () => {
    const { fs, reads } = siteCountingReads();
    const service = createPostcraftService({ fs, checksAfterOpening: () => true });
    await service.openWorkspace(['/site']);
    // The second run is cancelled once it has read a few posts.
    const token = { get isCancellationRequested() { return reads.filter((path) => path.includes('/posts/')).length > 9; } };
    await assert.rejects(service.openWorkspace(['/site'], token), CancelledError);
    reads.length = 0;
    await service.checkFile('/site/content/posts/typo.md');
    assert.deepEqual(reads, ['/site/content/posts/typo.md']);
  });
});
