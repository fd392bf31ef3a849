// The preview renderer's public surface. Plain Node: no vscode, no DOM.
export { renderPost, type RenderOptions, type RenderedPost } from './renderPost';
export type { PostMetadata, PostAuthor, PostDate, PostTag } from './postMetadata';
export type { ImageSource, ImageProblem } from './imageSources';
