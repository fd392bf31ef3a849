import type { SiteFileSystem } from '../host/fileSystem';
import { formatMessage, msg, msgOfTranslatable, type Message } from '../l10n/message';

/** Why a file is not read as a post. */
export type UnreadableReason = { readonly kind: 'too-large'; readonly size: number; readonly limit: number } | { readonly kind: 'binary' } | { readonly kind: 'encoding' };

export const defaultMaxPostBytes = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a file's bytes into text the way generators read it (UTF-8, BOM allowed; UTF-16 with a BOM too),
 * or says why it cannot: too large, binary (NUL bytes), or not valid text.
 */
export function decodePostBytes(bytes: Uint8Array, maxBytes = defaultMaxPostBytes): { text: string } | { unreadable: UnreadableReason } {
  if (bytes.byteLength > maxBytes) return { unreadable: { kind: 'too-large', size: bytes.byteLength, limit: maxBytes } };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  if (looksBinary(bytes.subarray(0, 8192))) return { unreadable: { kind: 'binary' } };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { unreadable: { kind: 'encoding' } };
  }
}

/**
 * NUL bytes beyond a stray one per thousand: an image or archive with a `.md` name. A post with a stray
 * NUL pasted into it is still text to the generator (a real blog's post held two), and still checked.
 */
function looksBinary(sniff: Uint8Array): boolean {
  let nuls = 0;
  for (let at = sniff.indexOf(0); at !== -1; at = sniff.indexOf(0, at + 1)) nuls++;
  return nuls * 1000 > sniff.byteLength;
}

/**
 * A post's text from disk, or why it is skipped. A file over the limit is judged by its size and not
 * read: a repository of many huge `.md` files must not fill the memory. `undefined` when missing.
 */
export async function readPostText(fs: SiteFileSystem, path: string, maxBytes = defaultMaxPostBytes): Promise<{ text: string } | { unreadable: UnreadableReason } | undefined> {
  const bytes = await fs.readFile(path, maxBytes);
  if (bytes) return decodePostBytes(bytes, maxBytes);
  const stat = await fs.stat(path); // not read: missing, not a regular file, or too large to read
  return stat?.type === 'file' && stat.size > maxBytes ? { unreadable: { kind: 'too-large', size: stat.size, limit: maxBytes } } : undefined;
}

export function describeUnreadable(reason: UnreadableReason): Message {
  switch (reason.kind) {
    case 'too-large':
      return msg("Skipped: the file is {0} MB, over Postcraft's {1} MB limit for posts.", (reason.size / 1024 / 1024).toFixed(1), (reason.limit / 1024 / 1024).toFixed(0));
    case 'binary':
      return msg('Skipped: the file holds binary data (NUL bytes), not Markdown.');
    case 'encoding':
      return msg('Skipped: the file is not valid UTF-8 text; generators would fail to read it too.');
  }
}

/** A post's text that a fix may be written back into, and how to write it; or why the file is left alone. */
export type RewritableText = { readonly text: string; readonly encode: (text: string) => Uint8Array } | { readonly refused: Message };

const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * The text of a post's bytes for `--fix`, only when writing it back changes no byte but those of the edits:
 * the whole file (`size` from a stat, when known: a read cut short is refused), under the size limit,
 * not binary, UTF-8 with or without a byte-order mark (kept). UTF-16 posts are read and checked, but
 * not rewritten: a fix is not worth re-encoding a file.
 */
export function rewritableText(bytes: Uint8Array, size: number | undefined, maxBytes = defaultMaxPostBytes): RewritableText {
  if (size !== undefined && size !== bytes.byteLength) return { refused: msg('the file was not read whole') };
  const decoded = decodePostBytes(bytes, maxBytes);
  // The finding's words without its "Skipped: " (English only: a file that was checked a moment ago seldom gets here).
  if ('unreadable' in decoded) return { refused: msgOfTranslatable(formatMessage(describeUnreadable(decoded.unreadable)).replace(/^Skipped: /, '')) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { refused: msg('the file is UTF-16, which fixes do not rewrite') };
  const bom = utf8Bom.every((byte, i) => bytes[i] === byte);
  const encode = (text: string) => {
    const body = new TextEncoder().encode(text);
    if (!bom) return body;
    const withBom = new Uint8Array(body.byteLength + 3);
    withBom.set(utf8Bom);
    withBom.set(body, 3);
    return withBom;
  };
  // What the decoder took must come back byte for byte (it always does for valid UTF-8: a safety net).
  const again = encode(decoded.text);
  if (again.byteLength !== bytes.byteLength || again.some((byte, i) => byte !== bytes[i])) return { refused: msg('the file does not read back as it was written') };
  return { text: decoded.text, encode };
}
