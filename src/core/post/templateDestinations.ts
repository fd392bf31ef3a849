import type { MarkdownIt } from 'markdown-it';
import { scanTemplateTag } from './templateSyntax';

/**
 * Lets a link or image destination start with a template, as generators allow because they fill it in
 * before Markdown sees it: `![a]({{ site.baseurl }}/a.png)`, `[b]({{< ref "b.md" >}})`. CommonMark would
 * reject the spaces; the image resolution understands what the template stands for.
 */
export function templateDestinationsPlugin(md: MarkdownIt): void {
  const parseLinkDestination = md.helpers.parseLinkDestination;
  Object.assign(md.helpers, {
    parseLinkDestination(text: string, start: number, max: number): ReturnType<typeof parseLinkDestination> {
      const tag = text.startsWith('{{', start) ? scanTemplateTag(text, start, max, 'shortcodes-and-liquid') : undefined;
      if (!tag || tag.kind === 'escaped-shortcode') return parseLinkDestination(text, start, max);
      let end = tag.end;
      while (end < max && !/[\s()]/.test(text[end]!)) end++; // the path after the template: `/a.png`
      return { ok: true, pos: end, str: text.slice(start, end) };
    },
  });
}
