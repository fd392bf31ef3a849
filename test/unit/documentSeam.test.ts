// The service's document seam: editor documents by URI and version (EditorDocument, the shape of
// vscode-markdown-languageservice's ITextDocument), mapped to site paths by core/text/uris.ts, their parse
// kept per (uri, version) so that an unchanged document's text is not read again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService, type EditorDocument, type PostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

/** A document that counts how often its text is read. */
class CountingDocument implements EditorDocument {
  reads = 0;
  constructor(
    readonly uri: string,
    public version: number,
    private text: string,
  ) {}
  getText(): string {
    this.reads++;
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
  }
}

async function serviceAt(root: string): Promise<PostcraftService> {
  const fs = inMemorySite(
    {
      'hugo.toml': 'title = "Blog"\n',
      'content/blog/a.md': '---\ntitle: A\ntags: [kubernetes]\n---\n\n## Setup\n',
      'content/blog/b.md': '---\ntitle: B\ntags: [kubernetes]\n---\n',
      'static/img/cover.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    },
    root,
  );
  const service = createPostcraftService({ fs });
  await service.openWorkspace([root]);
  return service;
}

const typo = '---\ntitle: N\ntags: [kubernets]\n---\n\n![x](missing.png)\n';
const fixed = '---\ntitle: N\ntags: [kubernetes]\n---\n\n![x](/img/cover.png)\n';

describe('documents by URI', () => {
  // A GitHub repository in vscode.dev, a local folder with a Windows drive spelled as VS Code does, an in-memory file system.
  const places = [
    { root: '/vscode-vfs:github/owner/blog', uri: 'vscode-vfs://github/owner/blog/content/blog/new.md' },
    { root: '/c:/Users/writer/blog', uri: 'file:///C%3A/Users/writer/blog/content/blog/new.md' },
    { root: '/memfs:/blog', uri: 'memfs:/blog/content/blog/new.md' },
  ];
  for (const { root, uri } of places) {
    it(`checks a post at ${uri} as the path-based methods do`, async () => {
      const service = await serviceAt(root);
      const path = `${root}/content/blog/new.md`;
      const document = new CountingDocument(uri, 1, typo);
      assert.equal(service.documentPath(document), path);
      assert.deepEqual(service.checkDocument(document).map((finding) => finding.code), ['tag-variant', 'broken-image']);
      assert.deepEqual(service.checkDocument(document), service.checkText(path, typo));
    });
  }

  it('serves completion, hover, links and definition from the document', async () => {
    const root = '/vscode-vfs:github/owner/blog';
    const service = await serviceAt(root);
    const path = `${root}/content/blog/new.md`;
    const text = '---\ntitle: N\ntags: [kub]\n---\n\nSee [A](../a/#setup) and ![c](/img/cover.png).\n';
    const document = new CountingDocument('vscode-vfs://github/owner/blog/content/blog/new.md', 1, text);
    const inTags = text.indexOf('kub') + 3;
    assert.deepEqual(service.completionsInDocument(document, inTags), service.completions(path, text, inTags));
    assert.ok(service.completionsInDocument(document, inTags).some((entry) => entry.label === 'kubernetes'));
    const onImage = text.indexOf('cover.png');
    assert.deepEqual(service.hoverInDocument(document, onImage), service.hover(path, text, onImage));
    assert.deepEqual(service.linksInDocument(document), service.documentLinks(path, text));
    const onLink = text.indexOf('../a/');
    const target = await service.definitionInDocument(document, onLink);
    assert.deepEqual(target, await service.definition(path, text, onLink));
    assert.equal(target?.path, `${root}/content/blog/a.md`);
  });

  it('parses a document once per version: its text is read again only after an edit', async () => {
    const service = await serviceAt('/site');
    const document = new CountingDocument('file:///site/content/blog/new.md', 7, typo);
    service.checkDocument(document);
    service.completionsInDocument(document, 5);
    service.hoverInDocument(document, 5);
    service.linksInDocument(document);
    assert.equal(document.reads, 1);

    document.edit(fixed);
    assert.deepEqual(service.checkDocument(document), []);
    assert.equal(document.reads, 2);
    service.checkDocument(document);
    assert.equal(document.reads, 2);
  });

  it('parses again when the path-based methods parsed another text of the post meanwhile', async () => {
    const service = await serviceAt('/site');
    const document = new CountingDocument('file:///site/content/blog/new.md', 1, typo);
    assert.equal(service.checkDocument(document).length, 2);
    service.checkText('/site/content/blog/new.md', fixed);
    assert.equal(service.checkDocument(document).length, 2, 'the version stands, but the parse kept is of another text');
    assert.equal(document.reads, 2);
  });

  it('answers nothing, without reading the text, for documents that are no file of a site', async () => {
    const service = await serviceAt('/site');
    for (const uri of ['untitled:Untitled-1', 'git:/site/content/blog/a.md?ref=HEAD', 'file:///elsewhere/post.md', 'file://server/share/site/content/blog/a.md']) {
      const document = new CountingDocument(uri, 1, typo);
      assert.deepEqual(service.checkDocument(document), [], uri);
      assert.deepEqual(service.completionsInDocument(document, 5), [], uri);
      assert.equal(service.hoverInDocument(document, 5), undefined, uri);
      assert.equal(document.reads, 0, uri);
    }
  });
});
