import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { hugoReadsDate, jekyllReadsDate } from '../../../src/core/schema/dates';

// Every expectation below was read from the generators themselves: `hugo list all` (Hugo 0.111.3) on a
// site with one post per value, `jekyll build` (Jekyll 4.3.1) and Ruby 3.1's Time.parse for Jekyll.

describe('Dates as Jekyll reads them (Time.parse)', () => {
  it('accepts what Jekyll builds', () => {
    const built = ['2015-08-27 5:00', '2015-08-27 05:00:00 +0200', '2013-11-22 5:00:00 +0000', '2015-8-7', '2015/08/27', '27 Aug 2015', 'Aug 27, 2015', 'Tuesday, August 27th 2015 at 5pm', '27.08.2015', '27/08/2015', '2015-02-30', '2024-06-05T09:30', '2015-08-27 24:00', 'June 2015'];
    assert.deepEqual(built.filter((value) => !jekyllReadsDate(value)), []);
  });

  it('turns down what stops the build with "Invalid date"', () => {
    const refused = ['', 'TBD', 'yesterday', 'Monday', '2015', '2015-08', '2015-13-45', '2015-00-10', '2015-08-00', '2015-12-32', '2015-08-27 23:60', '2015-08-27T05:00:00+25:00', '08/27/2015', '1/13/2015', 'summer 2015'];
    assert.deepEqual(refused.filter(jekyllReadsDate), []);
  });
});

describe('Dates as Hugo 0.111 reads them (cast.StringToDateInDefaultLocation)', () => {
  it('accepts the layouts Hugo reads', () => {
    const read = ['2015-08-27', '2015-08-27T05:00:00Z', '2015-08-27T05:00:00.123+02:00', '2015-08-27T05:00:00', '2015-08-27T05:00:00-0700', '2015-08-27 05:00:00', '2015-08-27 5:00:00', '2015-08-27 05:00:00Z', '2015-08-27 05:00:00+02:00', '2015-08-27 05:00:00 +0200', '2015-08-27 05:00:00.5 +0200 CEST', '2016-02-29', '02 Jan 2006', '02 jan 2006', 'Mon, 02 Jan 2006 15:04:05 -0700', '02 Jan 06 15:04 MST', 'Monday, 02-Jan-06 15:04:05 MST', 'Mon Jan  2 15:04:05 2006', 'Mon Jan 02 15:04:05 -0700 2006'];
    assert.deepEqual(read.filter((value) => !hugoReadsDate(value)), []);
  });

  it('turns down what Hugo silently makes 0001-01-01', () => {
    const zero = ['2015-08-27 5:00', '2015-08-27T05:00', '2015-8-7', '2015/08/27', '2 Jan 2006', 'Aug 27, 2015', '2015-02-29', '2015-02-30', '2015-08-27T24:00:00Z', '2015-08-27t05:00:00z', '2015-08-27 05:00:00 Z', '2015-08-27T05:00:00 +02:00', '2015-08-27T05:00:00+02', '02 Jan 2006 15:04', 'xyz, 02 Jan 2006 15:04:05 GMT'];
    assert.deepEqual(zero.filter(hugoReadsDate), []);
  });
});

async function schemaFindings(config: Record<string, string>, post: string, frontmatter: string) {
  const service = createPostcraftService({ fs: inMemorySite(config) });
  await service.openWorkspace(['/site']);
  return service.checkText(`/site/${post}`, `---\ntitle: T\n${frontmatter}\n---\nText\n`).filter((finding) => finding.code === 'schema').map((finding) => finding.message);
}

describe('Frontmatter values as each generator reads them', () => {
  const jekyll = { '_config.yml': 'title: x\n' };
  const hugo = { 'hugo.toml': 'title = "x"\n' };

  it('takes Jekyll post dates that Time.parse reads and reports those it does not', async () => {
    assert.deepEqual(await schemaFindings(jekyll, '_posts/2015-08-27-a.md', 'date: 2015-08-27 5:00'), []);
    assert.equal((await schemaFindings(jekyll, '_posts/2015-08-27-a.md', 'date: 08/27/2015')).length, 1);
  });

  it('takes YAML 1.1 booleans as Psych reads them in published:, in any letter case', async () => {
    for (const value of ['yes', 'no', 'On', 'OFF', 'nO', 'true']) assert.deepEqual(await schemaFindings(jekyll, '_posts/2015-08-27-a.md', `published: ${value}`), [], value);
    // Psych keeps `n` a string, and a string publishes the post.
    assert.equal((await schemaFindings(jekyll, '_posts/2015-08-27-a.md', 'published: n')).length, 1);
  });

  it('takes yaml.v2 booleans and numbers in a Hugo draft:, as hugo list all shows them', async () => {
    for (const value of ['yes', 'Y', 'off', 'ON', '1', '0', '"t"']) assert.deepEqual(await schemaFindings(hugo, 'content/posts/a.md', `draft: ${value}`), [], value);
    assert.equal((await schemaFindings(hugo, 'content/posts/a.md', 'draft: yEs')).length, 1);
  });

  it('reads Hugo dates by Hugo layouts: a time without seconds is an error, Go layouts are fine', async () => {
    for (const value of ['2015-08-27 5:00:00', '02 Jan 2006']) assert.deepEqual(await schemaFindings(hugo, 'content/posts/a.md', `date: ${value}`), [], value);
    for (const value of ['2015-08-27T05:00', '2015-08-27 5:00']) assert.equal((await schemaFindings(hugo, 'content/posts/a.md', `date: ${value}`)).length, 1, value);
  });

  it('checks the date keys Hugo reads in any letter case and under its aliases, and leaves published: true alone', async () => {
    for (const key of ['Date', 'publishdate', 'pubdate', 'expirydate', 'modified']) assert.equal((await schemaFindings(hugo, 'content/posts/a.md', `${key}: 2015-08-27 5:00`)).length, 1, key);
    assert.deepEqual(await schemaFindings(hugo, 'content/posts/a.md', 'pubdate: 2016-01-02\npublished: true'), []);
  });

  it('reads Astro and Docusaurus dates as JavaScript does: astro 7.4.8 builds `pubDate: "11 Oct 2023"` with z.coerce.date() and fails on TBD', async () => {
    const astro = { 'astro.config.mjs': 'export default {};\n' };
    const docusaurus = { 'docusaurus.config.js': 'module.exports = {};\n' };
    for (const [config, post, key] of [[astro, 'src/content/blog/a.md', 'pubDate'], [astro, 'src/content/blog/a.md', 'updatedDate'], [docusaurus, 'blog/a.md', 'date']] as const) {
      // electronjs.org's `2023-2-07T00:00:00.000Z`: js-yaml makes it a date (Docusaurus 3.10.2 dates the post 2023-02-07) where V8 refuses the string.
      for (const value of ['"11 Oct 2023"', '6 December 2024', '2023/10/11', '2024-06-05T09:30', '2023-2-07T00:00:00.000Z']) assert.deepEqual(await schemaFindings(config, post, `${key}: ${value}`), [], `${key}: ${value}`);
      assert.equal((await schemaFindings(config, post, `${key}: TBD`)).length, 1, `${key}: TBD`);
    }
  });

  it('does not underline a tags list while a new item is being typed, nor an empty tags:', async () => {
    for (const [config, post] of [[jekyll, '_posts/2015-08-27-a.md'], [hugo, 'content/posts/a.md']] as const) {
      assert.deepEqual(await schemaFindings(config, post, 'tags:\n  - foo\n  - '), []);
      assert.deepEqual(await schemaFindings(config, post, 'tags:\ncategories:\n  -'), []);
      assert.equal((await schemaFindings(config, post, 'tags:\n  - foo\n  - {a: 1}')).length, 1);
    }
  });
});
