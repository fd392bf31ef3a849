// The preview renderer's public surface. Plain Node: no vscode, no DOM. Kept out of the service, so
// that the CLI's bundle carries no renderer (half its size, parsed at every start).
import type { ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { renderPost, type RenderedPost, type RenderOptions } from './renderPost';

export { renderPost, type RenderOptions, type RenderedPost };

/** What the renderer needs of the service (PostcraftService has it): the post parsed in its site. */
export interface PostParser {
  parse(path: string, text: string): { readonly site: Site; readonly post: ParsedPost } | undefined;
}

/** The post's current text as its site will show it, for the live preview; `undefined` outside a site's posts. */
export function renderPreview(service: PostParser, path: string, text: string, options: RenderOptions): RenderedPost | undefined {
  const parsed = service.parse(path, text);
  return parsed ? renderPost(parsed.site, parsed.post, options) : undefined;
}
export type { PostMetadata, PostAuthor, PostDate, PostTag } from './postMetadata';
export type { ImageSource, ImageProblem } from './imageSources';
