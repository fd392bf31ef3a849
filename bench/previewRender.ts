// `node --import tsx bench/previewRender.ts`: the preview's re-render of a 50 KB post in the core,
// as on each keystroke (target: one frame, 16 ms). Prints the median of 200 renders, min and max.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPostcraftService } from '../src/core/index';
import { inMemorySite } from '../src/core/host/inMemoryFileSystem';
import { stats } from './stats';

async function main(): Promise<void> {
  const seed = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'sites', 'hugo-blog', 'content', 'blog', '2023', '2023-06-01-dok-meetup.md'), 'utf8');
  const [frontmatter, body] = [seed.slice(0, seed.indexOf('\n---\n') + 5), seed.slice(seed.indexOf('\n---\n') + 5)];
  let text = frontmatter;
  while (text.length < 50 * 1024) text += `${body}\n<div class="note">Raw <b>HTML</b> block</div>\n\n{{< figure src="blog/2023/06/dok-intro.jpg" >}}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n`;
  const service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': '', 'assets/blog/2023/06/dok-intro.jpg': new Uint8Array(4) }) });
  await service.openWorkspace(['/site']);
  const path = '/site/content/blog/post.md';
  const options = { toResourceUri: (file: string) => `https://file+.vscode-resource.vscode-cdn.net${file}` };
  for (let i = 0; i < 20; i++) service.renderPreview(path, `${text}${i}`, options); // warm up
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const edited = `${text}${'x'.repeat(i % 7)}`; // a new text each time, as typing makes
    const start = performance.now();
    service.renderPreview(path, edited, options);
    samples.push(performance.now() - start);
  }
  const result = stats(samples);
  console.log(`Preview re-render of a ${(text.length / 1024).toFixed(0)} KB post: median ${result.median.toFixed(2)} ms (min ${result.min.toFixed(2)}, max ${result.max.toFixed(2)}), target 16 ms`);
}

void main();
