import { AppError } from '../../platform/errors.js';
import { toPersianDigits } from '../../platform/persian/digits.js';
import { fixTypography, type TypographyResult } from '../../platform/persian/typography.js';

/** The most text one request may ask about: a long feature is about 60,000 characters. */
export const maxTypographyChars = 200_000;

export class TextTooLongError extends AppError {
  constructor(length: number) {
    super(
      413,
      'text_too_long',
      `متن ${toPersianDigits(length)} نویسه است و ویرایش نگارشی تا ${toPersianDigits(maxTypographyChars)} نویسه را در یک درخواست می‌پذیرد؛ آن را در چند بخش بفرستید.`,
    );
  }
}

function checkLength(length: number): void {
  if (length > maxTypographyChars) throw new TextTooLongError(length);
}

/** Typographic suggestions for one text; see `fixTypography` for the rules and the offsets. */
export function suggestTypography(text: string): TypographyResult {
  checkLength(text.length);
  return fixTypography(text);
}

/**
 * Suggestions for each of several texts (an article's title, lead and paragraphs), each with offsets
 * into its own text. The texts together are bounded, so one request cannot keep a process busy long.
 */
export function suggestTypographyForEach(texts: readonly string[]): TypographyResult[] {
  checkLength(texts.reduce((sum, text) => sum + text.length, 0));
  return texts.map((text) => fixTypography(text));
}
