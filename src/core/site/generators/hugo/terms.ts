/** How Hugo turns a taxonomy term (a tag, an author's name) into the key of its one term page. */
export interface TermKeyOptions {
  /** Hugo's `removePathAccents`: `Inés` becomes `ines`. */
  readonly removePathAccents?: boolean | undefined;
}

/**
 * The key of a term's page, as Hugo 0.111 computes it: `getTaxonomyKey` (hugolib/site.go) sanitizes the
 * term with `PathSpec.MakePath` → `UnicodeSanitize` (helpers/path.go), and the page tree stores it
 * lower-cased by `cleanTreeKey` (hugolib/content_map.go) even under `disablePathToLower`: `JavaScript`
 * and `javascript`, `data access` and `data-access` are one page (checked with hugo 0.111.3).
 */
export function hugoTermKey(term: string, options: TermKeyOptions = {}): string {
  return unicodeSanitize(options.removePathAccents ? removeAccents(term) : term).toLowerCase();
}

/** Hugo's `text.RemoveAccentsString`: decomposes, drops combining marks, recomposes. */
export function removeAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

const keptPunctuation = new Set(['.', '/', '\\', '_', '#', '+', '~', '-', '@']);
const goSpace = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const letterDigitOrMark = /[\p{L}\p{Nd}\p{M}]/u;
const hexDigit = /[0-9a-f]/i;
/** Only characters kept as they are: ASCII letters and digits, and the kept punctuation but `%`. */
const allKeptAscii = /^[A-Za-z0-9./\\_#+~@-]*$/;

/**
 * Hugo's `UnicodeSanitize` (helpers/path.go): keeps letters, digits, marks, `./\_#+~-@` and `%` before two
 * hex digits; drops everything else; a run of spaces between kept characters becomes one hyphen, unless
 * a hyphen is already there (`C++ & Go!` → `C++-Go`).
 */
export function unicodeSanitize(text: string): string {
  // Nearly every URL path and term is plain ASCII that is all kept: returned as it is, without the test of
  // each character against Unicode classes (every page's URL goes through here). test/unit/hugoTerms.test.ts holds the two equal.
  if (allKeptAscii.test(text)) return text;
  const source = [...text];
  let target = '';
  let pendingHyphen = false;
  let wasHyphen = false;
  source.forEach((char, index) => {
    const kept =
      keptPunctuation.has(char) ||
      letterDigitOrMark.test(char) ||
      (char === '%' && hexDigit.test(source[index + 1] ?? '') && hexDigit.test(source[index + 2] ?? ''));
    if (kept) {
      wasHyphen = char === '-';
      if (pendingHyphen && !wasHyphen) target += '-';
      pendingHyphen = false;
      target += char;
    } else if (target !== '' && !wasHyphen && goSpace.test(char)) pendingHyphen = true;
  });
  return target;
}

/**
 * Hugo's `MakePathSanitized` (helpers/path.go): a URL path sanitized as `UnicodeSanitize` does (after
 * `removePathAccents`), lower-cased unless `disablePathToLower`.
 */
export function makePathSanitized(path: string, options: { readonly removePathAccents?: boolean | undefined; readonly disablePathToLower?: boolean | undefined }): string {
  const sanitized = unicodeSanitize(options.removePathAccents ? removeAccents(path) : path);
  return options.disablePathToLower ? sanitized : sanitized.toLowerCase();
}
