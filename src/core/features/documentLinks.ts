import type { ParsedPost } from '../post/parsedPost';
import { resolveImage } from '../site/imageResolution';
import type { Site } from '../site/site';
import type { Range } from '../text/lineIndex';
import { relativePath } from '../text/paths';
import { valuesOf } from '../frontmatter/values';
import { findImageReferences } from '../post/imageReferences';

export interface DocumentLink {
  readonly range: Range;
  readonly target: string;
  readonly tooltip: string;
}

/** Image paths open the image; author ids open where the author is defined. */
export function documentLinks(site: Site, post: ParsedPost): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const reference of findImageReferences(post, site.config)) {
    const resolution = resolveImage(site.profile, site.config, site.files, post.path, reference);
    if (resolution.status !== 'found') continue;
    links.push({ range: post.lines.rangeOf(reference.range.start, reference.range.end), target: resolution.file, tooltip: `Open ${relativePath(site.root, resolution.file)}` });
  }
  for (const { node } of valuesOf(post, site.config.authorKeys)) {
    const author = typeof node.value === 'string' ? site.findAuthor(node.value) : undefined;
    if (!author) continue;
    const start = node.style === 'plain' ? node.range.start : node.range.start + 1;
    const end = node.style === 'plain' ? node.range.end : node.range.end - 1;
    links.push({ range: post.lines.rangeOf(start, end), target: author.definedAt.file, tooltip: `Open ${author.name ?? author.id} (${relativePath(site.root, author.definedAt.file)})` });
  }
  return links;
}
