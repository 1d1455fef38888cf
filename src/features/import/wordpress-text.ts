import { decodeEntities } from '../../platform/html-entities.js';

// Text from WordPress arrives with HTML entities (titles, excerpts, comments) and, in Persian
// sites typed on Arabic keyboards, with Arabic ي and ك where Persian ی and ک belong.

/** Arabic yeh and kaf (and alef maksura) become the Persian letters readers expect and search finds. */
export function foldArabicLetters(text: string): string {
  return text.replace(/[يىك]/g, (letter) => (letter === 'ك' ? 'ک' : 'ی'));
}

/** Markup-free, entity-free, folded text on one line with single spaces. */
export function plainText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return foldArabicLetters(decodeEntities(text))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Cuts text to at most `max` characters at a word boundary, with "…" when anything was cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
