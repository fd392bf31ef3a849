// Types for the unit tests of tagRecall.mjs (scripts/ is plain JavaScript, outside the type-checked tree).
export interface TagRecall {
  readonly injected: number;
  readonly caught: number;
  readonly notPosts: number;
  readonly missed: readonly { readonly file: string; readonly tag: string; readonly swapped: string }[];
}
export function measureTagRecall(cli: string, siteRoot: string, generator: string): TagRecall | undefined;
export function swapMiddleLetters(tag: string): string | undefined;
export function replaceTagOnce(text: string, tag: string, swapped: string): string;
export function tagsOfFrontmatter(text: string, generator: string): { readonly tags: readonly string[]; readonly toml?: boolean };
