import type { renderPreview } from '../../core/render/index';

/**
 * The preview renderer (markdown-it's HTML output, sanitize-html, postcss: a third of the extension's
 * code) is a bundle of its own, loaded when a preview first renders: each host says how (`require` on
 * the desktop, a fetch in the web worker), so that activation parses none of it.
 */
export interface PreviewRenderer {
  readonly renderPreview: typeof renderPreview;
}

export type RendererLoader = () => Promise<PreviewRenderer>;

/** `load`, run once: later calls share its promise; a failed load is tried again next time. */
export function loadOnce(load: RendererLoader): RendererLoader {
  let loading: Promise<PreviewRenderer> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
