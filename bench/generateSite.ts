// Generates a realistic Hugo blog for benchmarks: 3–8 KB posts, 2–5 images each, 40% page bundles,
// an authors section, ~2k distinct tags with a long tail, and planted tag typos and broken images.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GeneratedSite {
  readonly root: string;
  readonly posts: number;
  /** What a perfect checker reports: planted faults by file (relative), for recall. */
  readonly planted: { readonly typos: number; readonly brokenImages: number };
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const words = 'kubernetes operator database backup replica cluster storage network cloud native postgres mysql mongodb redis kafka stream query index shard latency throughput metrics tracing logging security policy release upgrade migration schema container image registry helm chart deploy rollout canary observability'.split(' ');

export function generateSite(root: string, posts: number, seed = 42): GeneratedSite {
  const stamp = join(root, '.generated');
  const planted = { typos: 0, brokenImages: 0 };
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  // Tags: a few very common, a long tail; Zipf-like usage.
  const tags = Array.from({ length: 2000 }, (_, i) => (i < words.length ? words[i]! : `${pick(words)}-${pick(words)}-${i}`));
  const zipfTag = () => tags[Math.min(tags.length - 1, Math.floor(Math.pow(rand(), 3) * tags.length))]!;
  const typoOf = (tag: string) => tag.slice(0, 2) + tag[3] + tag[2] + tag.slice(4); // swap two letters
  const files = new Map<string, string | Uint8Array>();
  files.set('hugo.toml', 'baseURL = "https://bench.example.org/"\ntitle = "Bench"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n');
  const authors = Array.from({ length: 30 }, (_, i) => `author-${i}`);
  for (const author of authors) files.set(`content/authors/${author}/_index.md`, `---\ntitle: "Author ${author}"\n---\n`);
  const image = new Uint8Array(64);
  const paragraph = () => Array.from({ length: 40 + Math.floor(rand() * 40) }, () => pick(words)).join(' ') + '.\n\n';
  for (let i = 0; i < posts; i++) {
    const year = 2015 + (i % 10);
    const bundle = rand() < 0.4;
    const slug = `post-${i}`;
    const postPath = bundle ? `content/blog/${year}/${slug}/index.md` : `content/blog/${year}/${slug}.md`;
    const postTags = new Set<string>();
    while (postTags.size < 2 + Math.floor(rand() * 4)) postTags.add(zipfTag());
    if (i % 100 === 7) {
      postTags.add(typoOf('kubernetes'));
      planted.typos++;
    }
    const imageCount = 2 + Math.floor(rand() * 4);
    const references: string[] = [];
    for (let j = 0; j < imageCount; j++) {
      const name = `img-${i}-${j}.png`;
      if (bundle) {
        files.set(`content/blog/${year}/${slug}/${name}`, image);
        references.push(name);
      } else {
        files.set(`assets/blog/${year}/${name}`, image);
        references.push(`blog/${year}/${name}`);
      }
    }
    if (i % 100 === 13) {
      references.push(`blog/${year}/missing-${i}.png`);
      planted.brokenImages++;
    }
    let body = '';
    const target = 3000 + Math.floor(rand() * 5000);
    let k = 0;
    while (body.length < target) {
      body += paragraph();
      if (k < references.length) body += `![Figure ${k}](${references[k++]})\n\n`;
    }
    while (k < references.length) body += `![Figure ${k}](${references[k++]})\n\n`;
    const frontmatter = `---\ntitle: "Post ${i}"\ndate: ${year}-0${1 + (i % 9)}-1${i % 9}\ndraft: false\ntags: [${[...postTags].map((tag) => JSON.stringify(tag)).join(', ')}]\nauthors:\n  - ${pick(authors)}\n---\n\n`;
    files.set(postPath, frontmatter + body);
  }
  if (!existsSync(stamp)) {
    rmSync(root, { recursive: true, force: true });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    writeFileSync(stamp, String(posts));
  }
  return { root, posts, planted };
}
