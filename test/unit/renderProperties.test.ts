import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createPostcraftService, type PostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { renderPreview } from '../../src/core/render/index';

// Posts assembled from pieces of Markdown, raw HTML, template syntax and known attacks, in any order:
// whatever comes out must be inert.

const pieces = [
  'Text', ' ', '\n', '\n\n', '# ', '- ', '> ', '`', '```\n', '*', '_', '[', ']', '(', ')', '!', '"', "'", '<', '>', '=', '/',
  '<script>alert(1)</script>', '<SCRIPT SRC=//x.example/a.js>', '<img src=x onerror=alert(1)>', '<img src="/ok.png">', '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<iframe src=https://x.example></iframe>', '<a href="javascript:alert(1)">a</a>', '<a href="vbscript:x">v</a>', '<a href=" jav&#x09;ascript:alert(1)">t</a>',
  '[l](javascript:alert(1))', '![i](https://x.example/t.png)', '![i](../../../../etc/x.png)', '<p style="background:url(https://x.example/p.png);color:red">s</p>',
  '<style>*{background:url(https://x.example/s.png)}</style>', '<details><summary>s</summary>', '</details>', '<div>', '</div>', '<object data=x>', '<embed src=x>',
  '<form action=https://x.example><input name=q>', '<a href="data:text/html,<script>alert(1)</script>">d</a>', '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '{{< figure src="javascript:alert(1)" caption="<script>alert(1)</script>" >}}', '{{< youtube x >}}', '{{% notice %}}', '{% raw %}', '{% endraw %}', '{{ page.title }}', '{{</* x */>}}',
  '<base href=https://x.example/>', '<meta http-equiv=refresh content="0;url=https://x.example">', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
];

const post = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const frontmatter = fc.constantFrom('', '---\ntitle: "<script>alert(1)</script>"\ntags: ["<img src=x onerror=alert(1)>"]\nimage: "javascript:alert(1)"\n---\n', '---\ntitle: T\n---\n');

const allowedAttributes = new Set(['class', 'id', 'title', 'lang', 'dir', 'style', 'data-line', 'data-kind', 'data-path', 'href', 'name', 'src', 'alt', 'width', 'height', 'loading', 'start', 'type', 'reversed', 'value', 'colspan', 'rowspan', 'align', 'scope', 'open', 'datetime', 'aria-hidden']);
const activeTags = /^(script|style|iframe|frame|object|embed|svg|math|form|input|button|textarea|base|meta|link)$/i;

/** Every element's tag name and attributes (text is escaped, so each `<` starts a real tag). */
function elements(html: string): { tag: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
    tag: match[1]!,
    attributes: [...match[2]!.matchAll(/\s+([^\s=/>]+)(?:="([^"]*)")?/g)].map((attribute) => [attribute[1]!, attribute[2] ?? ''] as [string, string]),
  }));
}

describe('the preview renderer on any mix of Markdown, HTML and attacks', () => {
  let service: PostcraftService;
  before(async () => {
    service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': '', 'content/a.md': '', 'static/ok.png': new Uint8Array([1]) }) });
    await service.openWorkspace(['/site']);
  });

  it('never throws, and leaves no active element, no event handler, no unsafe URL and no CSS url()', () => {
    fc.assert(
      fc.property(frontmatter, post, (head, body) => {
        const html = renderPreview(service, '/site/content/a.md', head + body, { toResourceUri: (path) => `https://file+.vscode-resource.vscode-cdn.net${path}` })?.html;
        assert.ok(html !== undefined);
        assert.doesNotMatch(html, /<!--|<!\[CDATA\[/, 'no comments or CDATA that could hide markup');
        for (const { tag, attributes } of elements(html)) {
          assert.doesNotMatch(tag, activeTags, `<${tag}> in ${html}`);
          for (const [name, value] of attributes) {
            assert.ok(allowedAttributes.has(name.toLowerCase()), `attribute ${name} on <${tag}> in ${html}`);
            const decoded = value.replace(/&#x?[0-9a-f]+;?|&[a-z]+;/gi, '').replace(/[\s\u0000-\u001f]/g, '');
            if (name === 'href') assert.match(decoded, /^(https?:|mailto:|#|[^:]*$)/i, `href ${value}`);
            if (name === 'src') assert.match(decoded, /^(https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/site\/|data:image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,])/i, `src ${value}`);
            if (name === 'style') assert.doesNotMatch(decoded, /url|expression|\\|@import/i, `style ${value}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
