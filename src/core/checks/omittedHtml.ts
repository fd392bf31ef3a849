import { msg } from '../l10n/message';
import { scanMarkdownBody } from '../post/markdownStructure';
import { hugoShortcodeText, pageMarkdown } from '../post/templateBlocks';
import { withoutHtmlComments } from '../text/htmlComments';
import type { Check } from './context';

/**
 * Raw HTML that never reaches the page: Hugo's Goldmark writes `<!-- raw HTML omitted -->` in its place unless the
 * site turns on `markup.goldmark.renderer.unsafe` (`SiteConfig.omitsRawHtml`), so the writer's images, embeds and
 * sponsor blocks silently go missing (go-gitea's blog lost four). One finding per run of lines holding HTML tags; HTML
 * comments are left out too but were never meant to show, and the inner text of a `{{< shortcode >}}` pair is the
 * shortcode's to write, not Goldmark's.
 */
export const checkOmittedHtml: Check = (context) => {
  const { post, site } = context;
  if (!site.config.omitsRawHtml) return;
  // `markup: html` (or another renderer's name) in the front matter: the content is not Goldmark's to render.
  const markup = post.frontmatter?.data['markup'];
  if (typeof markup === 'string' && !/^(?:md|markdown|goldmark)$/i.test(markup.trim())) return;
  const written = post.text.slice(post.bodyStart);
  if (!written.includes('<')) return;
  const body = pageMarkdown(written, site.config.generator, { mdx: false });
  const shortcodeText = hugoShortcodeText(body);
  const reportedLines = new Set<number>();
  // The whole scan (`needCode`): HTML with no image or link in it is raw HTML all the same.
  for (const part of scanMarkdownBody(body, { mdx: false, needCode: true }).html) {
    const tag = openingTag.exec(withoutHtmlComments(part.text));
    if (!tag) continue;
    const start = part.toBody(tag.index);
    if (shortcodeText.some((span) => start >= span.start && start < span.end)) continue;
    // One finding per run of lines: `<a href="…"><img src="…"></a>` on ten lines in a row is one block left out.
    const line = post.lines.positionAt(post.bodyStart + start).line;
    const continuesRun = reportedLines.has(line) || reportedLines.has(line - 1);
    reportedLines.add(line);
    if (continuesRun) continue;
    context.report({
      code: 'omitted-html',
      severity: 'warning',
      range: { start: post.bodyStart + start, end: post.bodyStart + start + tag[0].length },
      message: msg('Hugo leaves this HTML out of the page (it writes "<!-- raw HTML omitted -->"): the site does not turn on markup.goldmark.renderer.unsafe. Turn it on in the site\'s config, or write this in Markdown or with a shortcode.'),
      fixes: [],
    });
  }
};

const openingTag = /<[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)/;
