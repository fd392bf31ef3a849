// The preview's re-render of a 50 KB post in the core, as on each keystroke (target: one frame,
// 16 ms). Part of `npm run bench`; alone: `npm run bench:preview`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPostcraftService } from '../src/core/index';
import { inMemorySite } from '../src/core/host/inMemoryFileSystem';
import { renderPreview } from '../src/core/render/index';
import { stats, type Stats } from './stats';

export interface PreviewRenderResult {
  readonly postKb: number;
  readonly time: Stats;
}

/** The seed post repeated to 50 KB, with raw HTML, a shortcode and a table; each render gets a new text. */
export async function measurePreviewRender(renders = 200): Promise<PreviewRenderResult> {
  const seed = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'sites', 'hugo-blog', 'content', 'blog', '2023', '2023-06-01-dok-meetup.md'), 'utf8');
  const [frontmatter, body] = [seed.slice(0, seed.indexOf('\n---\n') + 5), seed.slice(seed.indexOf('\n---\n') + 5)];
  let text = frontmatter;
  while (text.length < 50 * 1024) text += `${body}\n<div class="note">Raw <b>HTML</b> block</div>\n\n{{< figure src="blog/2023/06/dok-intro.jpg" >}}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n`;
  const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': '', 'assets/blog/2023/06/dok-intro.jpg': new Uint8Array(4) }) });
  await service.openWorkspace(['/site']);
  const path = '/site/content/blog/post.md';
  const options = { toResourceUri: (file: string) => `https://file+.vscode-resource.vscode-cdn.net${file}` };
  for (let i = 0; i < 20; i++) renderPreview(service, path, `${text}${i}`, options); // warm up
  const samples: number[] = [];
  for (let i = 0; i < renders; i++) {
    const edited = `${text}${'x'.repeat(i % 7)}`; // a new text each time, as typing makes
    const start = performance.now();
    renderPreview(service, path, edited, options);
    samples.push(performance.now() - start);
  }
  return { postKb: text.length / 1024, time: stats(samples) };
}

if (process.argv[1]?.endsWith('previewRender.ts')) {
  void measurePreviewRender().then(({ postKb, time }) => {
    console.log(`Preview re-render of a ${postKb.toFixed(0)} KB post: median ${time.median.toFixed(2)} ms (min ${time.min.toFixed(2)}, max ${time.max.toFixed(2)}), target 16 ms`);
  });
}
