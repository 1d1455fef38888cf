import { toAsciiDigits } from './digits.js';

// Arabic keyboards and wire copy use these code points; Persian readers see the same letters, so a
// title typed either way must yield the same slug.
const ARABIC_TO_PERSIAN_LETTERS: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u0643': '\u06a9', // ك → ک
  '\u0629': '\u0647', // ة → ه
};
const ARABIC_LETTER_VARIANTS = /[\u064a\u0649\u0643\u0629]/g;

// Harakat, superscript alef and tatweel only change how a word looks, not which word it is.
const ARABIC_DIACRITICS_AND_TATWEEL = /[\u064b-\u065f\u0670\u0640]/g;

// ZWNJ joins the parts of one Persian word visually, but a URL reads better with them split.
const WORD_SEPARATORS = /[\s\u200c_\u2010-\u2015\u2212-]+/g;

const KEPT_CHARACTER = /^(?:[a-z0-9-]|(?=\p{Script=Arabic})\p{L})$/u;

function foldLatinAccents(text: string): string {
  return text.replace(/\p{Script=Latin}/gu, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, ''));
}

function cutAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const lastDash = slug.lastIndexOf('-', maxLength);
  // A single word longer than the limit has no boundary to cut at.
  return lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, maxLength);
}

/**
 * Turns a Persian or English title into a URL slug: Arabic letter variants become Persian, diacritics
 * and tatweel vanish, digits become ASCII, Latin letters are lowercased without accents, whitespace and
 * ZWNJ become '-', other punctuation and scripts are dropped, and the result is cut to `maxLength` at a
 * '-' where possible. Returns '' when nothing usable is left, so callers choose their own fallback.
 */
export function slugify(text: string, maxLength = 80): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  // NFKC maps Arabic presentation forms and full-width Latin from legacy sources to ordinary letters.
  const normalized = toAsciiDigits(
    foldLatinAccents(text.normalize('NFKC'))
      .toLowerCase()
      .replace(ARABIC_LETTER_VARIANTS, (letter) => ARABIC_TO_PERSIAN_LETTERS[letter] ?? letter)
      .replace(ARABIC_DIACRITICS_AND_TATWEEL, ''),
  ).replace(WORD_SEPARATORS, '-');
  const slug = Array.from(normalized)
    .filter((character) => KEPT_CHARACTER.test(character))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return cutAtWordBoundary(slug, maxLength);
}
