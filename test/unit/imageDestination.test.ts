import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../src/core/index';
import { configuredImageDestination } from '../../src/core/features/imageDestination';
import { planImageInsertion } from '../../src/core/features/imagePlacement';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const date = new Date(Date.UTC(2024, 4, 9, 8, 30, 0));

describe('postcraft.images.destination (read as markdown.copyFiles.destination is)', () => {
  const post = '/ws/site/content/posts/hello.md';

  it('takes the first glob that matches, at any depth unless anchored with /', () => {
    const rules = { '/docs/**': 'never/', '*.md': 'img/${documentBaseName}/', '**': 'other/' };
    assert.equal(configuredImageDestination(rules, post, '/ws', 'a.png', date), '/ws/site/content/posts/img/hello/a.png');
  });

  it('fills in the variables; a destination starting with / is a full path', () => {
    const rules = { '**/*.md': '${documentWorkspaceFolder}/site/static/${documentRelativeDirName}/${documentBaseName}-${fileName}' };
    assert.equal(configuredImageDestination(rules, post, '/ws', 'a.png', date), '/ws/site/static/site/content/posts/hello-a.png');
    assert.equal(configuredImageDestination({ '*.md': '../shots/${unixTime}.${fileExtName}' }, post, '/ws', 'a.png', date), `/ws/site/content/shots/${date.getTime()}.png`);
  });

  it('leaves unknown variables as written and ignores empty or non-text values', () => {
    assert.equal(configuredImageDestination({ '*.md': '${nope}/${fileName}' }, post, '/ws', 'a.png', date), '/ws/site/content/posts/${nope}/a.png');
    assert.equal(configuredImageDestination({ '*.md': '', '*.mdx': 'x/' }, post, '/ws', 'a.png', date), undefined);
    assert.equal(configuredImageDestination({ '*.md': 42 }, post, '/ws', 'a.png', date), undefined);
  });

  it('matches nothing for a post outside the workspace folder', () => {
    assert.equal(configuredImageDestination({ '**': 'x/' }, post, '/elsewhere', 'a.png', date), undefined);
  });

  it('overrides where the site puts images, with the link the generator resolves or a relative one', async () => {
    const fs = inMemorySite({ 'hugo.toml': '', 'content/posts/a.md': '', 'static/images/old.png': png });
    const [site] = await createPostcraftService({ fs }).openWorkspace(['/site']);
    const toStatic = (name: string) => configuredImageDestination({ '*.md': '/site/static/shots/' }, '/site/content/posts/a.md', '/site', name, date);
    assert.deepEqual(planImageInsertion(site!, '/site/content/posts/a.md', { name: 'x.png' }, new Set(), date, toStatic), { reference: '/shots/x.png', copyTo: '/site/static/shots/x.png' });
    const beside = (name: string) => configuredImageDestination({ '*.md': 'media/' }, '/site/content/posts/a.md', '/site', name, date);
    assert.deepEqual(planImageInsertion(site!, '/site/content/posts/a.md', { name: 'x.png' }, new Set(), date, beside), { reference: 'media/x.png', copyTo: '/site/content/posts/media/x.png' });
  });

  it('is ignored when it points out of the site, and never overwrites a file', async () => {
    const fs = inMemorySite({ 'hugo.toml': '', 'content/posts/a.md': '', 'static/shots/x.png': png });
    const [site] = await createPostcraftService({ fs }).openWorkspace(['/site']);
    const outside = () => '/tmp/x.png';
    assert.deepEqual(planImageInsertion(site!, '/site/content/posts/a.md', { name: 'x.png' }, new Set(), date, outside), { reference: '/images/x.png', copyTo: '/site/static/images/x.png' });
    const toStatic = (name: string) => `/site/static/shots/${name}`;
    assert.deepEqual(planImageInsertion(site!, '/site/content/posts/a.md', { name: 'x.png' }, new Set(), date, toStatic), { reference: '/shots/x-1.png', copyTo: '/site/static/shots/x-1.png' });
  });
});
