import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { postPaths, postsByAuthor } from '../../src/core/site/siteOverview';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

describe('what the status bar and the Posts view count', () => {
  it('counts posts without list and author pages, and each author once by registry entry', async () => {
    const fs = inMemorySite({
      'hugo.toml': 'baseURL = "https://example.org/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n',
      'content/posts/_index.md': '---\ntitle: Posts\n---\n',
      'content/posts/_index.es.md': '---\ntitle: Entradas\n---\n',
      'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\n',
      'content/authors/sam/_index.md': '---\ntitle: Sam\n---\n',
      'content/posts/a.md': '---\ntitle: A\nauthors: [Jane Doe]\n---\n',
      'content/posts/b.md': '---\ntitle: B\nauthors: [jane-doe, Unlisted Person]\n---\n',
    });
    const [site] = await createPostcraftService({ fs }).openWorkspace(['/site']);
    assert.deepEqual(postPaths(site!).sort(), ['/site/content/posts/a.md', '/site/content/posts/b.md']);
    const authors = postsByAuthor(site!);
    assert.deepEqual([...authors.keys()].sort(), ['Unlisted Person', 'jane-doe', 'sam']);
    assert.deepEqual(authors.get('jane-doe')?.sort(), ['/site/content/posts/a.md', '/site/content/posts/b.md']);
    assert.deepEqual(authors.get('sam'), []);
  });
});
