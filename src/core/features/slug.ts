/**
 * One file name from a generator's slug (see each profile's `newPost.slug`): the writer's letters stay
 * (`straße-in-köln`, `привет-мир`), but what would make folders or cannot be a file name on Windows
 * (`/ \ : * ? " < > |`), a leading dot and control characters become hyphens or go; 80 characters at
 * most; `post` when nothing is left.
 */
export function fileNameSlug(slug: string): string {
  const safe = slug
    .replace(/[-\\/:*?"<>|\p{Cc}]*[\\/:*?"<>|\p{Cc}][-\\/:*?"<>|\p{Cc}]*/gu, '-') // with the hyphens around it: `a / b` → Hugo's `a-/-b` → `a-b`
    .replace(/^[-.\s]+|[-.\s]+$/g, '');
  return [...safe].slice(0, 80).join('').replace(/[-.\s]+$/, '') || 'post';
}
