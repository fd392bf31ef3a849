import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPostcraftService } from '../../../src/core/index';
import { inMemorySite } from '../../../src/core/host/inMemoryFileSystem';
import { entryId, githubSlug, parseCollections, schemaFields } from '../../../src/core/site/generators/astro';
import { tagClusters } from '../../../src/core/features/tagClusters';
import { withoutComments } from '../../../src/core/site/generators/jsConfig';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

async function open(files: Record<string, string | Uint8Array>) {
  const service = createPostcraftService({ fs: inMemorySite({ 'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n", ...files }) });
  const [site] = await service.openWorkspace(['/site']);
  assert.equal(site?.profile.id, 'astro');
  const check = (post: string, text: string) => service.checkText(`/site/${post}`, text, { severities: { 'missing-alt': 'off' } }).map((finding) => ({ code: finding.code, line: finding.range.start.line, message: finding.message }));
  return { site: site!, check };
}

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

const contentConfig = `
import { defineCollection, reference, z } from 'astro:content';
import { file, glob } from 'astro/loaders';
const posts = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './src/data/posts' }),
  schema: ({ image }) => z.object({ title: z.string(), author: reference('people'), cover: image().optional() }),
});
const people = defineCollection({ loader: glob({ pattern: '*.{json,yaml,md}', base: './src/data/people' }) });
const places = defineCollection({ loader: file('src/data/places.json') });
// const drafts = defineCollection({ loader: glob({ pattern: '*.md', base: './drafts' }) });
export const collections = { blog: posts, people, places };
`;

describe('Astro rules', () => {
  it('reads collection names, glob() bases, file() paths and reference() fields from the content config, not from comments', () => {
    const collections = parseCollections(withoutComments(contentConfig), '/site', '/site/src');
    assert.deepEqual(
      collections.map((collection) => [collection.name, collection.source, collection.references]),
      [
        ['blog', { kind: 'glob', dir: '/site/src/data/posts', patterns: ['**/*.md'] }, [{ field: 'author', collection: 'people' }]],
        ['people', { kind: 'glob', dir: '/site/src/data/people', patterns: ['*.{json,yaml,md}'] }, []],
        ['places', { kind: 'file', file: '/site/src/data/places.json' }, []],
      ],
    );
  });

  it('indexes entries under a glob() base folder as well as src/content and src/pages', async () => {
    const { site } = await open({ 'src/content.config.ts': contentConfig });
    assert.deepEqual(['src/data/posts/a.md', 'src/content/blog/b.md', 'src/pages/about.md'].filter((path) => !site.isPost(`/site/${path}`)), []);
    assert.deepEqual(['dist/a.md', 'drafts/a.md', 'src/data/places.md'].filter((path) => site.isPost(`/site/${path}`)), []);
  });

  it('treats the collection that reference() points at as the author registry, with ids slugified from file names', async () => {
    const { site, check } = await open({
      'src/content.config.ts': contentConfig,
      'src/data/people/Kai-Nakamura.json': '{"name": "Kai Nakamura"}',
      'src/data/people/ana.yaml': 'name: Ana Lima\n',
      'src/data/people/ben.md': '---\nname: Ben\nslug: benjamin\n---\n',
      'src/data/places.json': '[{"id": "lisbon"}]',
    });
    assert.deepEqual([...site.authors.keys()].sort(), ['ana', 'benjamin', 'kai-nakamura']);
    assert.deepEqual(await check('src/data/posts/a.md', '---\ntitle: A\nauthor: kai-nakamura\n---\n'), []);
    const findings = await check('src/data/posts/a.md', '---\ntitle: A\nauthor: Kai-Nakamura\n---\n');
    assert.deepEqual(codes(findings), ['unknown-author']);
    assert.match(findings[0]!.message, /Did you mean "kai-nakamura"/);
  });

  it('reads file() loader entries by their id field, and uses the referencing field as the author key', async () => {
    const config = "const team = defineCollection({ loader: file('src/team.json') });\nconst blog = defineCollection({ schema: z.object({ writers: z.array(reference('team')) }) });\nexport const collections = { team, blog };";
    const { site, check } = await open({ 'src/content.config.ts': config, 'src/team.json': '[{"id": "ann", "name": "Ann"}, {"id": "bo", "name": "Bo"}]' });
    assert.deepEqual([...site.authors.keys()], ['ann', 'bo']);
    assert.deepEqual(site.config.authorKeys, ['writers']);
    assert.deepEqual(codes(await check('src/content/blog/a.md', '---\ntitle: A\nwriters: [ann, bob]\n---\n')), ['unknown-author']);
  });

  it('reads legacy collections from src/content/config.ts, where data entries keep their file names as ids', async () => {
    const config = "const blog = defineCollection({ type: 'content', schema: z.object({ authors: z.array(reference('authors')) }) });\nconst authors = defineCollection({ type: 'data', schema: z.object({ name: z.string() }) });\nexport const collections = { blog, authors };";
    const { site } = await open({ 'src/content/config.ts': config, 'src/content/authors/Grace_Hopper.json': '{"name": "Grace Hopper"}' });
    assert.deepEqual([...site.authors.keys()], ['Grace_Hopper']);
  });

  it('leaves authors as free text when no schema references an authors collection', async () => {
    const config = "const blog = defineCollection({ schema: z.object({ author: z.string() }) });\nconst authors = defineCollection({ loader: glob({ pattern: '*.json', base: 'src/authors' }) });\nexport const collections = { blog, authors };";
    const { site, check } = await open({ 'src/content.config.ts': config, 'src/authors/ann.json': '{}' });
    assert.equal(site.authors.size, 0);
    assert.deepEqual(await check('src/content/blog/a.md', '---\ntitle: A\nauthor: Anyone At All\n---\n'), []);
  });

  it('resolves /paths in public/ after base, tsconfig aliases, and other paths relative to the entry', async () => {
    const { check } = await open({
      'astro.config.mjs': "export default defineConfig({ base: '/docs', publicDir: './static', srcDir: './app' });",
      'tsconfig.json': '{\n  // aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@img/*": ["app/images/*"], } },\n}',
      'static/logo.png': png,
      'app/images/a.png': png,
      'app/assets/b.png': png,
      'app/content/blog/post/c.png': png,
    });
    const body = '![](/logo.png) ![](/docs/logo.png) ![](@img/a.png) ![](~/assets/b.png) ![](./c.png) ![](c.png)';
    assert.deepEqual(await check('app/content/blog/post/index.md', `---\ntitle: A\nheroImage: ./c.png\n---\n${body}\n`), []);
    assert.deepEqual(codes(await check('app/content/blog/post/index.md', '---\ntitle: A\n---\n![](@img/missing.png)\n')), ['broken-image']);
  });

  it("derives ids the way Astro's glob() loader does", () => {
    assert.equal(githubSlug('Hello World!'), 'hello-world');
    assert.equal(githubSlug('Grace_Hopper'), 'grace_hopper');
    assert.equal(entryId('glob', 'Team/Kai Nakamura.json', {}), 'team/kai-nakamura');
    assert.equal(entryId('glob', 'guides/index.md', {}), 'guides');
    assert.equal(entryId('glob', 'a.md', { slug: 'custom/slug' }), 'custom/slug');
    assert.equal(entryId('folder', 'Grace_Hopper.yaml', {}), 'Grace_Hopper');
  });

  it('never builds _ pages and legacy _ entries; a glob() collection takes exactly what its pattern matches', async () => {
    const legacy = await open({});
    const isLegacyPost = (path: string) => legacy.site.isPost(`/site/${path}`);
    assert.deepEqual(['src/pages/_draft.md', 'src/pages/_wip/a.md', 'src/content/blog/_template.md', 'src/content/blog/_drafts/a.mdx'].filter(isLegacyPost), []);
    assert.deepEqual(['src/pages/about.md', 'src/pages/blog/my_post.md', 'src/content/blog/a.md'].filter((path) => !isLegacyPost(path)), []);

    const config = `import { glob } from 'astro/loaders';
const BLOG = 'src/content/posts';
export const collections = {
  posts: defineCollection({ loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './src/content/posts' }) }),
  notes: defineCollection({ loader: glob({ pattern: ['**/*.md', '!**/skip.md'], base: 'src/notes' }) }),
  wiki: defineCollection({ loader: glob({ pattern: 'wiki/**/*.md' }) }),
};`;
    const { site } = await open({ 'src/content.config.ts': config });
    const isPost = (path: string) => site.isPost(`/site/${path}`);
    // As Astro 5 builds it: `[^_]` keeps out `_x.md`, not the files of a `_drafts/` folder.
    assert.deepEqual(['src/content/posts/a.md', 'src/content/posts/zh/b.mdx', 'src/content/posts/_drafts/c.md', 'src/notes/_kept.md', 'src/notes/x/y.md', 'wiki/page.md', 'src/pages/about.md'].filter((path) => !isPost(path)), []);
    assert.deepEqual(['src/content/posts/_hidden.md', 'src/content/posts/x/_y.md', 'src/notes/a.mdx', 'src/notes/x/skip.md', 'README.md', 'docs/a.md'].filter(isPost), []);
  });

  // frandieguez.com's posts write <img src="./x.png"> beside their Markdown: astro 5.14.1 keeps src="./x.png" in
  // /posts/<id>/ and copies no x.png (remark-collect-images takes Markdown images only).
  it('takes a relative HTML image from the page\'s URL, where the route is known, and a Markdown image from the entry', async () => {
    const files = {
      'src/content.config.ts': "import { glob } from 'astro/loaders';\nexport const collections = { post: defineCollection({ loader: glob({ base: './src/content/post', pattern: '**/*.md' }) }) };",
      'src/pages/posts/[...slug].astro': "---\nexport async function getStaticPaths() {\n  const posts = await getCollection('post');\n  return posts.map((post) => ({ params: { slug: post.id } }));\n}\n---\n",
      'src/content/post/p/x.png': png,
      'public/posts/p/served.png': png,
    };
    const { check } = await open(files);
    const body = '![Beside](./x.png)\n\n<img src="./x.png" alt="Beside">\n\n<img src="served.png" alt="Public">\n';
    assert.deepEqual((await check('src/content/post/p/index.md', `---\ntitle: P\n---\n${body}`)).map((finding) => [finding.code, finding.line]), [['broken-image', 5]]);
  });

  // gigio1023/astro-blog, moved off Jekyll, kept [x]({{site.url}}{{site.baseurl}}/blog-building/…): astro build 5.16.4
  // writes href="%7B%7Bsite.url%7D%7D%7B%7Bsite.baseurl%7D%7D/…", a relative URL to nothing. MDX is left alone.
  it('reads a Liquid expression in a Markdown link as text of the URL, as Astro writes it', async () => {
    const files = {
      'src/content.config.ts': "import { glob } from 'astro/loaders';\nexport const collections = { post: defineCollection({ loader: glob({ base: './src/content/post', pattern: '**/*.{md,mdx}' }) }) };",
      'src/pages/posts/[...slug].astro': "---\nexport async function getStaticPaths() {\n  const posts = await getCollection('post');\n  return posts.map((post) => ({ params: { slug: post.id } }));\n}\n---\n",
      'src/content/post/b.md': '---\ntitle: B\n---\nB.\n',
    };
    const { check } = await open(files);
    const body = '---\ntitle: P\n---\nSee [the setup]({{site.url}}{{site.baseurl}}/posts/b/) and [b](/posts/b/).\n';
    assert.deepEqual((await check('src/content/post/a.md', body)).map((finding) => [finding.code, finding.message.split(' (')[0]]), [['broken-link', 'No page or file at "{{site.url}}{{site.baseurl}}/posts/b/"']]);
    assert.deepEqual(await check('src/content/post/c.mdx', body), []);
  });

  it('finds images that endpoints build (og.png.ts, [...slug]/index.png.ts), and nothing they do not build', async () => {
    const endpoint = 'export async function GET() { return new Response(null); }';
    const { check } = await open({ 'src/pages/og.png.ts': endpoint, 'src/pages/posts/[...slug]/index.png.ts': endpoint, 'src/pages/cards/[id].jpg.js': endpoint });
    const body = '![](/og.png) ![](/posts/2024/first-light/index.png) ![](/cards/moon.jpg)';
    assert.deepEqual(await check('src/content/blog/a.md', `---\ntitle: A\nogImage: /posts/a/index.png\n---\n${body}\n`), []);
    assert.deepEqual(codes(await check('src/content/blog/a.md', '---\ntitle: A\n---\n![](/posts/a/cover.png) ![](/cards/a/b.jpg)\n')), ['broken-image', 'broken-image']);
  });

  it("resolves a field the schema declares with image() from the entry, and leaves a z.string() field's relative value to the site's code", async () => {
    const config = `import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
const projects = defineCollection({
  loader: glob({ base: './src/content/projects', pattern: '**/*.md' }),
  schema: ({ image }) => z.object({ title: z.string(), images: z.array(z.string()), cover_image: z.string().optional(), poster: image(), shots: z.array(image()).optional() }),
});
export const collections = { projects };`;
    const { check } = await open({ 'src/content.config.ts': config, 'public/projects/demo/shot.png': png, 'src/content/projects/other/shot.png': png });
    // The site prints `/projects/${id}/${image}` from public/: Astro never resolves these from the entry.
    assert.deepEqual(await check('src/content/projects/demo/index.md', '---\ntitle: Demo\nimages: ["./shot.png"]\ncover_image: ./shot.png\n---\n'), []);
    // image() fields are Astro's images: a missing one fails the build.
    const findings = await check('src/content/projects/demo/index.md', '---\ntitle: Demo\nposter: ./poster.png\nshots: [./a.png]\n---\n');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.line]), [['broken-image', 2], ['broken-image', 3]]);
    assert.doesNotMatch(findings[0]!.message, /guesses/);
    // A root path in a text field is still taken for an image in public/, as a guess.
    const guessed = await check('src/content/projects/demo/index.md', '---\ntitle: Demo\nimages: [/projects/demo/gone.png]\n---\n');
    assert.deepEqual(codes(guessed), ['broken-image']);
    assert.match(guessed[0]!.message, /guesses/);
  });

  it("keeps the site's image fields for a collection whose schema it cannot read", async () => {
    const config = "import { mySchema } from './schemas';\nconst blog = defineCollection({ loader: glob({ base: './src/content/blog', pattern: '**/*.md' }), schema: mySchema });\nexport const collections = { blog };";
    const { check } = await open({ 'src/content.config.ts': config });
    assert.deepEqual(codes(await check('src/content/blog/a/index.md', '---\ntitle: A\nimages: [./gone.png]\n---\n')), ['broken-image']);
  });

  it('compares the tags of each collection apart, unless one tag page reads both collections', async () => {
    const config = "const schema = z.object({ title: z.string(), tags: z.array(z.string()) });\nconst blog = defineCollection({ loader: glob({ base: './src/content/blog', pattern: '*.md' }), schema });\nconst projects = defineCollection({ loader: glob({ base: './src/content/projects', pattern: '*.md' }), schema });\nexport const collections = { blog, projects };";
    const blogTagPage = "---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() {\n  const tags = new Set((await getCollection('blog')).flatMap((p) => p.data.tags));\n  return [...tags].map((tag) => ({ params: { tag }, props: { tag } }));\n}\n---\n";
    const posts = {
      'src/content.config.ts': config,
      'src/content/blog/one.md': '---\ntitle: One\ntags: [rust, web]\n---\n',
      'src/content/blog/two.md': '---\ntitle: Two\ntags: [rust, web]\n---\n',
      'src/content/blog/three.md': '---\ntitle: Three\ntags: [rust, Web]\n---\n',
      'src/content/projects/clawdio.md': '---\ntitle: Clawdio\ntags: [Rust]\n---\n',
    };
    const apart = await open({ ...posts, 'src/pages/blog/tagged/[tag].astro': blogTagPage });
    assert.deepEqual(codes(await apart.check('src/content/projects/clawdio.md', posts['src/content/projects/clawdio.md'])), []);
    // Within one collection, two spellings are still two tags.
    assert.deepEqual(codes(await apart.check('src/content/blog/three.md', posts['src/content/blog/three.md'])), ['tag-variant']);
    const clusters = (site: typeof apart.site) => tagClusters(site).map((cluster) => [cluster.canonical.tag, ...cluster.variants.map((variant) => variant.tag)]);
    assert.deepEqual(clusters(apart.site), [['web', 'Web']]);
    const together = await open({ ...posts, 'src/pages/tags/[tag].astro': blogTagPage.replace("(await getCollection('blog'))", "[...(await getCollection('blog')), ...(await getCollection('projects'))]") });
    assert.deepEqual(codes(await together.check('src/content/projects/clawdio.md', posts['src/content/projects/clawdio.md'])), ['tag-variant']);
    assert.deepEqual(clusters(together.site), [['rust', 'Rust'], ['web', 'Web']]);
  });

  // astro-erudite's authors and projects collections have a `name`, not a `title`: Astro builds them (only its schema asks for anything).
  it('wants a title only where the collection\'s schema declares one, when Postcraft can read it', async () => {
    const config = "import { defineCollection, z } from 'astro:content';\nimport { glob } from 'astro/loaders';\nconst authors = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/authors' }), schema: z.object({ name: z.string() }) });\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }), schema: z.object({ title: z.string() }) });\nexport const collections = { authors, blog };\n";
    const { check } = await open({ 'src/content.config.ts': config });
    assert.deepEqual(check('src/content/authors/ann.md', '---\nname: Ann\n---\nBio.\n').filter((finding) => finding.code === 'schema'), []);
    assert.deepEqual(check('src/content/blog/a.md', '---\ndescription: A\n---\nText.\n').filter((finding) => finding.code === 'schema').map((finding) => finding.message), ['Missing "title".']);
  });

  // keif.github.io: `opImage: ../../assets//gatsby.png`, a slip of the schema's `ogImage`; zod drops it, and astro 5.18.2
  // builds the page with no such image anywhere.
  it('guesses no image in a key the collection\'s schema drops, and still in one it passes through', async () => {
    const config = (passthrough: string) => `import { defineCollection, z } from 'astro:content';\nimport { glob } from 'astro/loaders';\nconst blog = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/blog' }), schema: z.object({ title: z.string(), ogImage: z.string().optional() })${passthrough} });\nexport const collections = { blog };\n`;
    const post = '---\ntitle: A\nopImage: ../../assets/gatsby.png\n---\nText.\n';
    const guessed = async (passthrough: string) => (await open({ 'src/content.config.ts': config(passthrough) })).check('src/content/blog/a.md', post).filter((finding) => finding.code === 'broken-image').map((finding) => finding.line);
    assert.deepEqual(await guessed(''), []);
    assert.deepEqual(await guessed('.passthrough()'), [2]);
  });

  it('reads which fields a schema declares with image() and as strings, and no schema it cannot read whole', () => {
    const fields = (schema: string, source = '') => schemaFields(schema, source);
    assert.deepEqual(fields("({ image }) => z.object({ a: image(), b: z.array(image()).optional(), c: z.string().url().optional(), 'd': z.array(z.string()), cover: z.object({ src: image().refine((i) => i.width > 9), alt: z.string() }), e: z.union([image(), z.string()]), f: z.string().transform((s) => s), g: z.number() }).strict()"), {
      images: ['a', 'b', 'cover.src'],
      strings: ['c', 'd', 'cover.alt'],
      keys: ['a', 'b', 'c', 'd', 'cover', 'e', 'f', 'g'],
      keepsUndeclared: false,
    });
    assert.deepEqual(fields('schema', "const schema = z.object({ images: z.array(z.string()) });\nconst other = z.object({ x: image() });"), { images: [], strings: ['images'], keys: ['images'], keepsUndeclared: false });
    assert.deepEqual(fields('(context: SchemaContext) => { return z.object({ hero: context.image() }) }'), { images: [], strings: [], keys: ['hero'], keepsUndeclared: false });
    assert.equal(fields('z.object({ hero: image() }).passthrough()')?.keepsUndeclared, true);
    assert.equal(fields('baseSchema.extend({ hero: image() })'), undefined);
    assert.equal(fields('z.object({ hero: image() }).extend({ hero: z.string() })'), undefined);
    assert.equal(fields('mySchema'), undefined);
  });

  it('reads a glob() base written with a string constant of the content config', async () => {
    const config = "import { glob } from 'astro/loaders';\nexport const BLOG_PATH = 'src/data/blog';\nconst blog = defineCollection({ loader: glob({ pattern: '**/[^_]*.md', base: `./${BLOG_PATH}` }) });\nexport const collections = { blog };";
    const { site } = await open({ 'src/content.config.ts': config });
    assert.deepEqual([site.isPost('/site/src/data/blog/a.md'), site.isPost('/site/src/data/blog/_b.md')], [true, false]);
  });
});

// candostdagdeviren/candost.blog-astro: collections made by a function of the config, and routes that read them through a helper
// taking the collection's name beside helpers that take the entries. astro 7.4.8 builds /b/ with `id="leaderless-replication"` and no /bb/.
describe('Astro collections made by a function, read through helpers', () => {
  const files = {
    'src/content.config.ts': 'import { defineCollection, z } from "astro:content";\nimport { glob } from "astro/loaders";\nconst contentCollection = (\n  name: string,\n  extraFields: z.ZodRawShape = {},\n) =>\n  defineCollection({\n    loader: glob({ pattern: "**/*.md", base: `./src/content/${name}` }),\n    schema: z.object({ title: z.string(), ...extraFields }),\n  });\nconst posts = contentCollection("posts", { zettelId: z.string() });\nexport const collections = { posts };\n',
    'src/utils/getCollectionByName.ts': 'import { getCollection } from "astro:content";\nexport const getCollectionByName = async (name) => (await getCollection(name)).filter((e) => !e.data.draft);\n',
    'src/utils/sortPostsByDate.ts': 'export const sortPostsByDate = (posts) => [...posts];\n',
    'src/pages/[...slug].astro': '---\nimport { render } from "astro:content";\nimport { getCollectionByName } from "../utils/getCollectionByName";\nimport { sortPostsByDate } from "../utils/sortPostsByDate";\nexport async function getStaticPaths() {\n  const entries = await getCollectionByName("posts");\n  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst sorted = sortPostsByDate(await getCollectionByName("posts"));\n---\n<article></article>\n',
    'src/content/posts/b.md': '---\ntitle: B\n---\n## Leaderless-Replication\n',
  };

  it('maps the entries of a collection a function makes, through a helper given its name', async () => {
    const { check } = await open(files);
    const findings = check('src/content/posts/a.md', '---\ntitle: A\n---\n[one](/b/#Leaderless-Replication) [two](/bb/) [three](/b/#leaderless-replication)\n');
    assert.deepEqual(findings.map((finding) => [finding.code, /"([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', '#Leaderless-Replication'], ['broken-link', '/bb/']]);
  });

  it('reads each call of the function as a collection of its own', () => {
    const collections = parseCollections(files['src/content.config.ts'], '/site', '/site/src');
    assert.deepEqual(collections.map((collection) => [collection.name, collection.source]), [['posts', { kind: 'glob', dir: '/site/src/content/posts', patterns: ['**/*.md'] }]]);
  });
});

// tauri-docs: plugin/file-system.mdx imports `@components/PluginPermissions.astro` (a tsconfig alias), which renders a Markdown file
// with `## Default Permission`: astro 4.16.19 writes `<h2 id="default-permission">` into the page.
describe('Astro MDX pages importing components through an alias', () => {
  it('leaves the anchors of a page importing its own component by a tsconfig alias unknown', async () => {
    const { check } = await open({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@components/*": ["src/components/*"] } } }',
      'src/content.config.ts': 'import { defineCollection } from "astro:content";\nimport { glob } from "astro/loaders";\nconst blog = defineCollection({ loader: glob({ pattern: "**/*.{md,mdx}", base: "./src/content/blog" }) });\nexport const collections = { blog };\n',
      'src/pages/blog/[...slug].astro': '---\nimport { getCollection } from "astro:content";\nexport async function getStaticPaths() {\n  return (await getCollection("blog")).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\n---\n',
      'src/components/Perms.astro': "---\nimport { createMarkdownProcessor } from '@astrojs/markdown-remark';\nconst { code } = await (await createMarkdownProcessor()).render('## Default Permission');\n---\n<Fragment set:html={code} />\n",
      'src/content/blog/fs.mdx': "---\ntitle: File System\n---\nimport Perms from '@components/Perms.astro';\n\n## Setup\n\n<Perms />\n",
      'src/content/blog/plain.mdx': "---\ntitle: Plain\n---\nimport { Aside } from '@astrojs/starlight/components';\n\n## Setup\n",
    });
    const findings = check('src/content/blog/a.md', '---\ntitle: A\n---\n[fs](/blog/fs/#default-permission) [plain](/blog/plain/#default-permission)\n');
    assert.deepEqual(findings.map((finding) => [finding.code, /in "([^"]+)"/.exec(finding.message)?.[1]]), [['broken-anchor', 'Plain']]);
  });
});
