import { slugify as jekyllSlugify } from '../routes/jekyll';

/**
 * The replacements of @sindresorhus/transliterate 4 (the `slugify` filter of Eleventy 3) that Postcraft
 * carries: German and Nordic letters and Russian Cyrillic, as its table has them (`ö` → `oe`, `х` → `kh`).
 * The table holds about 1,900 more; a title with a letter outside these keeps its own letters instead.
 */
const replacements: ReadonlyMap<string, string> = new Map([
  ...pairs('ß ss ä ae Ä Ae ö oe Ö Oe ü ue Ü Ue æ ae Æ AE ø o Ø O þ th Þ TH ð d đ d Đ D ł l Ł L œ oe Œ OE'),
  ...cyrillic('абвгдеёжзийклмнопрстуфхцчшщъыьэюя', 'a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh sch - y - e yu ya'),
]);

function pairs(list: string): [string, string][] {
  const words = list.split(' ');
  return words.flatMap((word, index) => (index % 2 === 0 ? [[word, words[index + 1]!] as [string, string]] : []));
}

/** Lower- and upper-case Cyrillic letters with their Latin (`-`: dropped), the capital one capitalized (`Ё` → `Yo`). */
function cyrillic(letters: string, latin: string): [string, string][] {
  const targets = latin.split(' ').map((target) => (target === '-' ? '' : target));
  return [...letters].flatMap((letter, index) => {
    const target = targets[index]!;
    return [[letter, target], [letter.toUpperCase(), target.charAt(0).toUpperCase() + target.slice(1)]] as [string, string][];
  });
}

/**
 * Eleventy's `slugify` filter (@sindresorhus/slugify 2 with `decamelize: false`): transliterates
 * (`Straße in Köln` → `strasse-in-koeln`, `Привет мир` → `privet-mir`), `&` becomes `and`, anything not
 * `a-z0-9` a single hyphen. Where the title has letters Postcraft cannot transliterate as it does
 * (Japanese, which the filter would drop to an empty slug; Greek…), the title keeps its own letters.
 */
export function eleventySlug(title: string): string {
  let text = title.normalize();
  for (const [from, to] of [...replacements, ['&', ' and ']] as const) text = text.replaceAll(from, to);
  text = text.normalize('NFD').replace(/\p{Diacritic}/gu, '').normalize();
  if (/[^\x00-\x7f]/.test(text.replace(/[^\p{L}\p{Nd}]/gu, ''))) return jekyllSlugify(title);
  return text
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, '$1$2$3') // contractions: `don't` → `dont`
    .replace(/[^a-z\d]+/g, '-')
    .replace(/\\/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
