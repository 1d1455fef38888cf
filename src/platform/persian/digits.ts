const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

const persianNumberFormat = new Intl.NumberFormat('fa-IR');

/**
 * Replaces ASCII (0-9) and Arabic-Indic (٠-٩) digits with Persian digits (۰-۹), leaving every other
 * character alone. Numbers are rendered with `String()` first, so there is no digit grouping.
 */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const n = code >= ARABIC_INDIC_ZERO ? code - ARABIC_INDIC_ZERO : code - 0x30;
    return String.fromCharCode(PERSIAN_ZERO + n);
  });
}

/**
 * Replaces Persian (۰-۹) and Arabic-Indic (٠-٩) digits with ASCII digits, e.g. before parsing user
 * input with `Number()`; every other character is left alone.
 */
export function toAsciiDigits(value: string): string {
  return value.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * Formats a number the way `Intl.NumberFormat('fa-IR')` does: Persian digits, «٬» between thousands
 * groups and «٫» as the decimal separator (at most three fraction digits), e.g. 12345 → «۱۲٬۳۴۵».
 */
export function formatPersianNumber(n: number): string {
  return persianNumberFormat.format(n);
}
