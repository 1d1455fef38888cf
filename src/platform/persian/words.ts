import { toPersianDigits } from './digits.js';

// A token counts as a word only if it holds a letter or a digit, so stray punctuation («،», «—») does not.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Counts the words of plain text. Words are split on whitespace only; JavaScript's `\s` does not
 * include the zero-width non-joiner (U+200C), so «می‌شود» and «کتاب‌ها» stay one word each, as Persian
 * readers count them.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (WORD_CHARACTER.test(token)) count += 1;
  }
  return count;
}

/** The word count as shown under the editor, e.g. «۲۳۴ واژه». */
export function wordCountText(count: number): string {
  return `${toPersianDigits(count)} واژه`;
}
