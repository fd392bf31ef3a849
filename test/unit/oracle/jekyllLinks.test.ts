// Jekyll's own post_url and link tags as the oracle of Postcraft's lookups (routes/jekyll.ts): the fixture
// site jekyll-links is built with the real `jekyll` (4.3). Every tag Jekyll refuses stops the build; the
// post holding it is left out and the site built again (jekyllBuild.ts), and Postcraft must call that tag
// missing, in Jekyll's words. Every tag Jekyll renders must resolve to the page or file at the URL it wrote.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import type { LinkForm, LinkReference } from '../../../src/core/links/model';
import { jekyllRoutes } from '../../../src/core/site/routes/jekyll';
import type { Site } from '../../../src/core/site/site';
import { fixturesRoot } from '../support/fixtureSites';
import { buildWithJekyll, jekyllAvailable } from './support/jekyllBuild';
import { postcraftModel } from './support/postcraftModel';

const root = join(fixturesRoot, 'jekyll-links');
const skip = jekyllAvailable() ? false : 'jekyll is not installed (npm test installs it: node scripts/generators.mjs)';

interface Tag {
  readonly file: string;
  readonly link: LinkReference;
}

/** The post_url and link tags of a file, in order. */
function tagsIn(file: string, text: string): Tag[] {
  return [...text.matchAll(/\{%-?\s*(post_url|link)\s+(.*?)\s*-?%\}/g)].map((match) => {
    const form: LinkForm = match[1] === 'post_url' ? 'jekyll-post_url' : 'jekyll-link';
    const start = match.index + match[0].indexOf(match[2]!, match[1]!.length + 3);
    return { file, link: { form, raw: match[2]!, path: match[2]!, range: { start, end: start + match[2]!.length } } };
  });
}

/** The argument Jekyll names in its error: `Could not find post "X"`, `Could not find document 'X'`. */
function refusedArgument(message: string): string | undefined {
  return /Could not (?:find|parse name of) post "([^"]*)"|Could not find document '([^']*)'/.exec(message)?.slice(1).find((part) => part !== undefined);
}

/** Where the page or file a lookup found is published, below the base path. */
function publishedUrl(site: Site, path: string): string | undefined {
  return site.posts.get(path)?.route?.url ?? (path.startsWith(`${site.root}/`) ? path.slice(site.root.length) : undefined);
}

describe('Jekyll post_url and link tags agree with Postcraft on jekyll-links', () => {
  it('refused tags are missing in Jekyll’s words, rendered ones reach the page Jekyll linked', { skip }, async () => {
    let rendered = new Map<string, string[]>();
    const build = buildWithJekyll(root, { readOutput: (out) => (rendered = renderedPages(out)) });
    assert.equal(build.failure, undefined);
    const { site } = await postcraftModel(root);
    const tags = [...site.posts.keys()].flatMap((path) => tagsIn(path, readFileSync(path, 'utf8')));
    assert.ok(tags.length >= 10, 'the fixture has its tags');

    // Every file Jekyll refused holds a tag Postcraft calls missing, with Jekyll's reason.
    assert.ok(build.rejected.length >= 4, 'the planted faults are refused');
    for (const refused of build.rejected) {
      const argument = refusedArgument(refused.message);
      assert.ok(argument !== undefined, `Jekyll refused ${refused.file} for a tag: ${refused.message}`);
      const tag = tags.find((candidate) => candidate.file === join(site.root, refused.file) && candidate.link.raw === argument);
      assert.ok(tag, `${refused.file} holds the tag with ${argument}`);
      const found = jekyllRoutes.resolveTemplateLink!(site, tag.file, tag.link);
      assert.equal(found.status, 'missing', `${refused.file}: ${argument} should be missing`);
      if (found.status === 'missing') assert.ok(refused.message.includes(found.why), `Jekyll says "${refused.message}", Postcraft "${found.why}"`);
    }

    // Every tag of a built page resolves to the URL Jekyll wrote for it, in the same order.
    const builtPages = build.pages.filter((page) => page.url !== undefined);
    let checked = 0;
    for (const page of builtPages) {
      const path = join(site.root, page.file);
      const pageTags = tags.filter((tag) => tag.file === path);
      if (pageTags.length === 0) continue;
      const hrefs = rendered.get(page.url!) ?? [];
      assert.equal(hrefs.length, pageTags.length, `${page.file}: one link per tag`);
      pageTags.forEach((tag, index) => {
        const found = jekyllRoutes.resolveTemplateLink!(site, tag.file, tag.link);
        assert.equal(found.status, 'found', `${page.file}: ${tag.link.raw}`);
        if (found.status !== 'found') return;
        assert.equal(`${site.config.basePath}${publishedUrl(site, found.path)}`, hrefs[index], `${page.file}: ${tag.link.raw} → ${found.path}`);
        checked++;
      });
    }
    assert.ok(checked >= 10, `the rendered tags were compared (${checked})`);
  });
});

/** Each HTML page Jekyll wrote, by its URL (`/a/` for `a/index.html`), with its links' hrefs in order, decoded. */
function renderedPages(out: string): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const url = `/${relative(out, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
    pages.set(url, [...readFileSync(file, 'utf8').matchAll(/href="([^"]*)"/g)].map((match) => decodeURIComponent(match[1]!)));
  }
  return pages;
}
