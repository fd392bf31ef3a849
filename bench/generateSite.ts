// Generates a realistic Hugo blog for benchmarks: 3–8 KB posts, 2–5 images each, 40% page bundles,
// an authors section, ~2k distinct tags with a long tail, section headings, 3 links to other posts
// each (a URL, a `ref` shortcode, a URL with a heading fragment), and planted tag typos, broken images,
// broken links and broken fragments. `links: false` writes the same site without links, for the cost of
// checking them.
// Deterministic (seeded); the files are written once and reused while the stamp matches.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A fault the generator planted on purpose: what a perfect checker reports, and nothing else. */
export interface PlantedFault {
  readonly kind: 'broken-image' | 'tag-typo' | 'broken-link' | 'broken-anchor';
  /** Relative to the site root, with `/`. */
  readonly file: string;
  /** 1-based line of the reference or the tags list. */
  readonly line: number;
  /** The image path or link as written, or the misspelled tag. */
  readonly subject: string;
  /** Another text a finding may point at for the same fault (a broken fragment's `#` part alone). */
  readonly alsoSubject?: string;
}

export interface GeneratedSite {
  readonly root: string;
  readonly posts: number;
  readonly faults: readonly PlantedFault[];
}

// Bump when the generated files change, so cached sites are regenerated.
const generatorVersion = 3;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const words = 'kubernetes operator database backup replica cluster storage network cloud native postgres mysql mongodb redis kafka stream query index shard latency throughput metrics tracing logging security policy release upgrade migration schema container image registry helm chart deploy rollout canary observability'.split(' ');
const lineCount = (text: string) => text.split('\n').length - 1;

export function generateSite(root: string, posts: number, { seed = 42, links = true }: { seed?: number; links?: boolean } = {}): GeneratedSite {
  const stamp = join(root, '.generated');
  const stampText = `${posts} posts, seed ${seed}, ${links ? 'with' : 'without'} links, generator v${generatorVersion}`;
  const faults: PlantedFault[] = [];
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
  const yearOf = (i: number) => 2015 + (i % 10);
  for (let i = 0; i < posts; i++) {
    const year = yearOf(i);
    const bundle = rand() < 0.4;
    const slug = `post-${i}`;
    const postPath = bundle ? `content/blog/${year}/${slug}/index.md` : `content/blog/${year}/${slug}.md`;
    const postTags = new Set<string>();
    while (postTags.size < 2 + Math.floor(rand() * 4)) postTags.add(zipfTag());
    const typo = i % 100 === 7 ? typoOf('kubernetes') : undefined;
    if (typo) postTags.add(typo);
    const imageCount = 2 + Math.floor(rand() * 4);
    const references: string[] = [];
    for (let j = 0; j < imageCount; j++) {
      const name = `img-${i}-${j}.png`;
      if (bundle) {
        files.set(`content/blog/${year}/${slug}/${name}`, image);
        references.push(name);
      } else {
        // Hugo finds these in assets/ (global resources); a plain Markdown tool looks next to the post.
        files.set(`assets/blog/${year}/${name}`, image);
        references.push(`blog/${year}/${name}`);
      }
    }
    const missing = i % 100 === 13 ? `blog/${year}/missing-${i}.png` : undefined;
    if (missing) references.push(missing);
    let body = '';
    let missingBodyLine = 0;
    const addReference = (k: number) => {
      if (references[k] === missing) missingBodyLine = lineCount(body);
      body += `![Figure ${k}](${references[k]})\n\n`;
    };
    const target = 3000 + Math.floor(rand() * 5000);
    let k = 0;
    let section = 0;
    while (body.length < target) {
      body += paragraph();
      if (k < references.length) addReference(k++);
      if (body.length > (section + 1) * 1500) body += `## Section ${++section}\n\n`;
    }
    while (k < references.length) addReference(k++);
    // Links to earlier posts (whose sections 1 and 2 exist: every post is over 3 KB), as Hugo writers write them.
    const linkFaults: { kind: PlantedFault['kind']; line: number; subject: string; alsoSubject?: string }[] = [];
    if (links && i > 0) {
      const other = () => Math.floor(rand() * i);
      const j = other();
      const brokenUrl = i % 100 === 29 ? `/blog/${yearOf(j)}/post-${j}-draft/` : undefined;
      const url = brokenUrl ?? `/blog/${yearOf(j)}/post-${j}/`;
      if (brokenUrl) linkFaults.push({ kind: 'broken-link', line: lineCount(body), subject: brokenUrl });
      body += `Read [post ${j}](${url}) first.\n\n`;
      const r = other();
      body += `See also {{< ref "blog/${yearOf(r)}/post-${r}" >}}.\n\n`;
      const a = other();
      const fragment = i % 100 === 31 ? 'section-9-setup' : 'section-2';
      if (fragment !== 'section-2') linkFaults.push({ kind: 'broken-anchor', line: lineCount(body), subject: `/blog/${yearOf(a)}/post-${a}/#${fragment}`, alsoSubject: fragment });
      body += `The [second section](/blog/${yearOf(a)}/post-${a}/#${fragment}) explains it.\n`;
    }
    const frontmatter = `---\ntitle: "Post ${i}"\ndate: ${year}-0${1 + (i % 9)}-1${i % 9}\ndraft: false\ntags: [${[...postTags].map((tag) => JSON.stringify(tag)).join(', ')}]\nauthors:\n  - ${pick(authors)}\n---\n\n`;
    files.set(postPath, frontmatter + body);
    if (typo) faults.push({ kind: 'tag-typo', file: postPath, line: 5, subject: typo });
    if (missing) faults.push({ kind: 'broken-image', file: postPath, line: lineCount(frontmatter) + missingBodyLine + 1, subject: missing });
    for (const fault of linkFaults) faults.push({ ...fault, file: postPath, line: lineCount(frontmatter) + fault.line + 1 });
  }
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== stampText) {
    rmSync(root, { recursive: true, force: true });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    writeFileSync(stamp, stampText);
  }
  return { root, posts, faults };
}
