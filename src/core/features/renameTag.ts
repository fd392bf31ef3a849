import { throwIfCancelled, type CancellationToken } from '../host/cancellation';
import type { SiteFileSystem } from '../host/fileSystem';
import { decodePostBytes } from '../post/decodeText';
import { parsePost, type ParsedPost } from '../post/parsedPost';
import type { Site } from '../site/site';
import { tagValues } from '../site/tagValues';
import type { TextEdit } from '../checks/finding';
import { replaceScalar } from './frontmatterEdits';

/** Open editors' texts win over the disk: a rename must edit what the writer sees. */
export type OpenText = (path: string) => string | undefined;

/**
 * Every edit that renames tag `from` to `to` across the site: only the tag values change, in every
 * taxonomy key of every post that uses it; a post that already has `to` loses its `from` entry's
 * text only (the value becomes `to`, the duplicate is left for the writer to see).
 */
export async function planTagRename(fs: SiteFileSystem, site: Site, from: string, to: string, openText: OpenText, token: CancellationToken): Promise<TextEdit[]> {
  const edits: TextEdit[] = [];
  for (const path of [...(site.tags.get(from)?.posts ?? [])].sort()) {
    const post = await readPost(fs, site, path, openText);
    throwIfCancelled(token);
    if (!post) continue;
    for (const node of tagValues(post, site.config)) {
      if (String(node.value) !== from) continue;
      const edit = replaceScalar(post, node, to);
      edits.push({ file: path, range: post.lines.rangeOf(edit.range.start, edit.range.end), newText: edit.newText });
    }
  }
  return edits;
}

async function readPost(fs: SiteFileSystem, site: Site, path: string, openText: OpenText): Promise<ParsedPost | undefined> {
  const open = openText(path);
  if (open !== undefined) return parsePost(path, open, site.frontmatterSyntax);
  const bytes = await fs.readFile(path);
  if (!bytes) return undefined;
  const decoded = decodePostBytes(bytes);
  return 'text' in decoded ? parsePost(path, decoded.text, site.frontmatterSyntax) : undefined;
}
