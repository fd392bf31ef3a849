import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameSlug } from '../../src/core/features/slug';
import { astro } from '../../src/core/site/generators/astro';
import { docusaurus } from '../../src/core/site/generators/docusaurus';
import { eleventy } from '../../src/core/site/generators/eleventy';
import { hugo } from '../../src/core/site/generators/hugo';
import { jekyll } from '../../src/core/site/generators/jekyll';
import { plainMarkdown } from '../../src/core/site/generators/markdown';
import type { GeneratorProfile } from '../../src/core/site/generators/profile';
import type { SiteConfig } from '../../src/core/site/model';

const titles = ['Straße in Köln', 'Привет мир', 'C++ & Rust: 2024!', '日本語のタイトル'];
const config = {} as SiteConfig;
const slugs = (profile: GeneratorProfile, site = config) => titles.map((title) => fileNameSlug(profile.newPost.slug(title, site)));

// Expected values are the real generators' output: hugo 0.111 `urlize` (unescaped), Jekyll 4.3
// Utils.slugify, github-slugger's slug(), Eleventy 3.1.8's slugify filter (except Japanese, which it drops).
test('Hugo: urlize keeps Unicode letters and + ; removePathAccents and disablePathToLower apply', () => {
  assert.deepEqual(slugs(hugo), ['straße-in-köln', 'привет-мир', 'c++-rust-2024', '日本語のタイトル']);
  assert.equal(hugo.newPost.slug('Straße in Köln', { ...config, removePathAccents: true }), 'straße-in-koln');
  const routing = { generator: 'hugo', disablePathToLower: true } as unknown as NonNullable<SiteConfig['routing']>;
  assert.equal(hugo.newPost.slug('Straße in Köln', { ...config, routing }), 'Straße-in-Köln');
});

test('Jekyll: Utils.slugify default mode', () => {
  assert.deepEqual(slugs(jekyll), ['straße-in-köln', 'привет-мир', 'c-rust-2024', '日本語のタイトル']);
});

test('Docusaurus and Astro: github-slugger', () => {
  for (const profile of [docusaurus, astro]) assert.deepEqual(slugs(profile), ['straße-in-köln', 'привет-мир', 'c--rust-2024', '日本語のタイトル']);
});

test('Eleventy: the slugify filter transliterates what Postcraft knows, else keeps the letters', () => {
  assert.deepEqual(slugs(eleventy), ['strasse-in-koeln', 'privet-mir', 'c-and-rust-2024', '日本語のタイトル']);
  assert.equal(eleventy.newPost.slug('Ёлка ЩИ', config), 'yolka-schi');
  assert.equal(eleventy.newPost.slug("Don't stop: Crème brûlée, Łódź Ærø", config), 'dont-stop-creme-brulee-lodz-aero');
  assert.equal(eleventy.newPost.slug('Ελληνικά', config), 'ελληνικά'); // the filter gives `ellinika`; Greek is not in Postcraft's table
});

test('Plain Markdown keeps the letters of any language', () => {
  assert.deepEqual(slugs(plainMarkdown), ['straße-in-köln', 'привет-мир', 'c-rust-2024', '日本語のタイトル']);
});

test('fileNameSlug makes one file name: no folders, no Windows-forbidden characters, never empty', () => {
  assert.equal(fileNameSlug(hugo.newPost.slug('a / b', config)), 'a-b');
  assert.equal(fileNameSlug(hugo.newPost.slug('../../etc/passwd', config)), 'etc-passwd');
  assert.equal(fileNameSlug('what?-"yes"'), 'what-yes');
  assert.equal(fileNameSlug(docusaurus.newPost.slug('!!!', config)), 'post');
  assert.equal([...fileNameSlug('ü'.repeat(100))].length, 80);
});
