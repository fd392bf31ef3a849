import type { ImageSources } from './imageSources';
import type { TemplateDialect } from '../post/templateSyntax';
import type { Translate } from '../l10n/message';

/** The post being rendered, as the Markdown plugins need it. */
export interface RenderContext {
  /** The body's first line in the whole file, frontmatter included: added to every `data-line`. */
  readonly lineOffset: number;
  readonly dialect: TemplateDialect;
  readonly postPath: string;
  readonly images: ImageSources;
  /** The language of the text the preview adds (placeholder labels). */
  readonly translate: Translate;
}

/** markdown-it's per-render `env`: the context, and what plugins keep there. */
export interface RenderEnv extends RenderContext {
  [key: string | symbol]: unknown;
  /**
   * True when the body holds no raw HTML: the output then skips the sanitiser, so images are resolved
   * as they render. Otherwise they are left as written, for the sanitiser to resolve with the rest.
   */
  resolveImagesNow: boolean;
}

export function renderEnvOf(env: unknown): RenderEnv {
  return env as RenderEnv;
}
