import { toPersianDigits } from './digits.js';
import { type Lexicon, persianLexicon } from './typography-lexicon.js';
import {
  arabicLetterEdits,
  type Edit,
  gluedAffixEdit,
  PERSIAN_LETTER,
  type PersianWord,
  persianWords,
  spacedPrefixEdit,
  spacedSuffixEdit,
} from './typography-words.js';

/**
 * One proposed change. `start` and `end` are offsets into the ORIGINAL text handed to
 * `fixTypography`, counted in UTF-16 code units (JavaScript string indices; every Persian letter is
 * one unit), `end` exclusive: replacing `text.slice(start, end)` with `replacement` applies it.
 * Suggestions never overlap and come in text order. `rule` names what it fixes; a suggestion that
 * fixes several things in one word names each, joined by «+» (e.g. `arabic-letters+zwnj`).
 */
export interface TypographySuggestion {
  start: number;
  end: number;
  replacement: string;
  rule: string;
}

export interface TypographyResult {
  /** The original text with every suggestion applied. */
  text: string;
  suggestions: TypographySuggestion[];
}

/** The rule names a suggestion's `rule` is made of. */
export const typographyRules = ['arabic-letters', 'digits', 'zwnj', 'punctuation', 'quotes'] as const;

// Text the assistant never changes: web addresses, e-mail addresses and `code`.
const PROTECTED = [
  /\b(?:[a-z][a-z0-9+.-]{0,30}:\/\/|www\.)[^\s<>"«»]+/gi,
  /(?<![^\s<>"«»()،,;:])[^\s@<>"«»()،,;:]+@[^\s@<>"«»()،,;:]+\.[^\s@<>"«»()،,;:]+/g,
  /`[^`\n]*`/g,
];
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const NUMBER = /[0-9\u0660-\u0669]+(?:[.,:/\u066b\u066c-][0-9\u0660-\u0669]+)*/g;
// A token with these is code, a formula or markup, not prose; its digits stay as typed.
const CODE_LIKE = /[_=#@\\{}[\]<>|~^$&*+]/;
const SPACES = /[ \t\u00a0]/;

type Range = [start: number, end: number];

/**
 * Whether a span touches a web address, an e-mail address or code: one pass marks those characters,
 * and a running count answers each question in constant time.
 */
function protectedSpans(text: string): (start: number, end: number) => boolean {
  const marked = new Uint32Array(text.length + 1);
  for (const pattern of PROTECTED) {
    for (const match of text.matchAll(pattern)) {
      for (let i = match.index; i < match.index + match[0].length; i++) marked[i + 1] = 1;
    }
  }
  for (let i = 1; i <= text.length; i++) marked[i] = (marked[i] ?? 0) + (marked[i - 1] ?? 0);
  // A zero-length span (an insertion) is still "at" its position, so it counts as one character.
  return (start, end) => (marked[Math.max(end, start + 1)] ?? 0) - (marked[start] ?? 0) > 0;
}

// A whitespace-delimited token longer than this is not prose (a hash, a data blob): its digits stay,
// and scanning for its ends stops here, so a pathological text costs linear time.
const MAX_TOKEN = 80;
// How many tokens without letters (numbers, dashes) the search for a neighbouring word crosses.
const NEIGHBOUR_REACH = 3;

/** The whitespace-delimited token around a span, or undefined when it is longer than MAX_TOKEN. */
function tokenAround(text: string, start: number, end: number): Range | undefined {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1] ?? '')) {
    if (end - --from > MAX_TOKEN) return undefined;
  }
  let to = end;
  while (to < text.length && !/\s/.test(text[to] ?? '')) {
    if (++to - from > MAX_TOKEN) return undefined;
  }
  return [from, to];
}

/** The nearest token with a letter in it before (step -1) or after (step 1) a token, on the same line. */
function neighbourWithLetters(text: string, [from, to]: Range, step: 1 | -1): string | undefined {
  let i = step === 1 ? to : from - 1;
  for (let crossed = 0; crossed < NEIGHBOUR_REACH && i >= 0 && i < text.length; ) {
    const c = text[i] ?? '';
    if (c === '\n') return undefined;
    if (/\s/.test(c)) {
      i += step;
      continue;
    }
    const range = tokenAround(text, i, i + 1);
    if (!range) return undefined;
    const token = text.slice(...range);
    if (PERSIAN_LETTER.test(token) || LATIN_LETTER.test(token)) return token;
    i = step === 1 ? range[1] : range[0] - 1;
    crossed++;
  }
  return undefined;
}

/**
 * Digits in Persian prose become Persian digits («سال 1402» → «سال ۱۴۰۲»). A number stays as typed
 * when its token has a Latin letter or code-like characters («COVID-19», «v2», «a_1»), looks like a
 * version («2.3.1»), or the word next to it is Latin («iPhone 15», «Windows 11 منتشر شد»). Latin
 * digits need a Persian word in their token or beside them; Arabic-Indic digits (٤٥٦) are always
 * meant as Eastern digits.
 */
function digitEdits(text: string, isProtected: (s: number, e: number) => boolean): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isProtected(start, end)) continue;
    const tokenRange = tokenAround(text, start, end);
    if (!tokenRange) continue;
    const token = text.slice(...tokenRange);
    if (LATIN_LETTER.test(token) || CODE_LIKE.test(token) || (match[0].match(/\./g)?.length ?? 0) > 1)
      continue;
    const before = neighbourWithLetters(text, tokenRange, -1);
    const after = neighbourWithLetters(text, tokenRange, 1);
    if ((before && LATIN_LETTER.test(before)) || (after && LATIN_LETTER.test(after))) continue;
    const inPersian = PERSIAN_LETTER.test(token) || before !== undefined || after !== undefined;
    if (!inPersian && !/[\u0660-\u0669]/.test(match[0])) continue;
    edits.push({
      start,
      end,
      replacement: toPersianDigits(match[0]),
      rule: 'digits',
      unitStart: start,
      unitEnd: end,
    });
  }
  return edits.filter((edit) => edit.replacement !== text.slice(edit.start, edit.end));
}

function previousNonSpace(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && SPACES.test(text[i] ?? '')) i--;
  return text[i] ?? '';
}

function nextNonSpace(text: string, at: number): string {
  let i = at + 1;
  while (i < text.length && SPACES.test(text[i] ?? '')) i++;
  return text[i] ?? '';
}

const PERSIAN_PUNCTUATION: Readonly<Record<string, string>> = { ',': '،', ';': '؛', '?': '؟' };

/**
 * «,» and «;» between two Persian words become «،» and «؛»; «?» after a Persian word becomes «؟»
 * unless a Latin letter or digit follows it. Between digits («1,200») or beside Latin nothing changes.
 */
function punctuationEdits(text: string, isProtected: (s: number, e: number) => boolean): Edit[] {
  const edits: Edit[] = [];
  for (const match of text.matchAll(/[,;?]/g)) {
    const at = match.index;
    const c = match[0];
    if (isProtected(at, at + 1) || !PERSIAN_LETTER.test(previousNonSpace(text, at))) continue;
    const next = c === '?' ? (text[at + 1] ?? '') : nextNonSpace(text, at);
    const fits = c === '?' ? !/[A-Za-z0-9=&]/.test(next) : PERSIAN_LETTER.test(next);
    if (fits) {
      edits.push({
        start: at,
        end: at + 1,
        replacement: PERSIAN_PUNCTUATION[c] ?? c,
        rule: 'punctuation',
        unitStart: at,
        unitEnd: at + 1,
      });
    }
  }
  return edits;
}

const MAX_QUOTED = 400;

/**
 * Straight double quotes around a Persian phrase become guillemets: «"تورم" کاهش یافت» → ««تورم» کاهش
 * یافت». Only on a line with an even number of «"», only where the quoted text starts and ends with a
 * Persian letter or digit and has no Latin letter, and only where the quotes stand at word edges.
 * Both quotes are one suggestion, so a writer can never apply half a pair.
 */
function quoteEdits(text: string, isProtected: (s: number, e: number) => boolean): Edit[] {
  const edits: Edit[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if ((line.match(/"/g)?.length ?? 0) % 2 === 0) {
      for (const match of line.matchAll(/"([^"]+)"/g)) {
        const open = lineStart + match.index;
        const close = open + match[0].length - 1;
        const inner = match[1] ?? '';
        const edgeLetter = /[\u0621-\u064a\u066e-\u06d3\u06f0-\u06f9]/;
        const fits =
          inner.length <= MAX_QUOTED &&
          edgeLetter.test(inner[0] ?? '') &&
          edgeLetter.test(inner.at(-1) ?? '') &&
          !LATIN_LETTER.test(inner) &&
          /^$|[\s(«[—–-]/.test(text[open - 1] ?? '') &&
          !/[\p{L}\p{N}]/u.test(text[close + 1] ?? '') &&
          !isProtected(open, close + 1);
        if (fits) {
          const unit = { rule: 'quotes', unitStart: open, unitEnd: close + 1 };
          edits.push({ start: open, end: open + 1, replacement: '«', ...unit });
          edits.push({ start: close, end: close + 1, replacement: '»', ...unit });
        }
      }
    }
    lineStart += line.length + 1;
  }
  return edits;
}

function wordEdits(text: string, lexicon: Lexicon, isProtected: (s: number, e: number) => boolean): Edit[] {
  const words = persianWords(text).filter((w) => !isProtected(w.start, w.end));
  const edits: Edit[] = [];
  words.forEach((word, i) => {
    edits.push(...arabicLetterEdits(text, word));
    const glued = gluedAffixEdit(word, lexicon);
    if (glued) edits.push(glued);
    const next: PersianWord | undefined = words[i + 1];
    if (!next) return;
    const junction =
      spacedPrefixEdit(text, words[i - 1], word, next, lexicon) ??
      spacedSuffixEdit(text, word, next, lexicon);
    if (junction) edits.push(junction);
  });
  return edits;
}

/** Groups edits whose units overlap into one suggestion each, in text order. */
function toSuggestions(text: string, edits: Edit[]): TypographySuggestion[] {
  const byUnit = [...edits].sort((a, b) => a.unitStart - b.unitStart || a.unitEnd - b.unitEnd);
  const groups: Edit[][] = [];
  let groupEnd = -1;
  for (const edit of byUnit) {
    const current = groups.at(-1);
    if (current && edit.unitStart < groupEnd) {
      current.push(edit);
      groupEnd = Math.max(groupEnd, edit.unitEnd);
    } else {
      groups.push([edit]);
      groupEnd = edit.unitEnd;
    }
  }
  return groups.map((group) => {
    const start = Math.min(...group.map((e) => e.unitStart));
    const end = Math.max(...group.map((e) => e.unitEnd));
    const rules = [...new Set(group.map((e) => e.rule))].join('+');
    return { start, end, replacement: applyEdits(text.slice(start, end), group, start), rule: rules };
  });
}

// Edits never overlap (each rule changes its own kind of character); an insertion sorts before a
// replacement that starts at the same offset.
function applyEdits(
  source: string,
  edits: readonly { start: number; end: number; replacement: string }[],
  base = 0,
): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = base;
  for (const edit of ordered) {
    result += source.slice(at - base, edit.start - base) + edit.replacement;
    at = edit.end;
  }
  return result + source.slice(at - base);
}

/**
 * Proposes typographic fixes for Persian text and applies them all: Arabic ي/ك → ی/ک, Persian digits
 * in Persian prose, ZWNJ in detached and (where the lexicon says so) glued prefixes and suffixes, and
 * Persian punctuation and quotes where they are unambiguous. Web addresses, e-mail addresses, `code`,
 * Latin words and the author's diacritics are never changed.
 *
 * It is conservative (when in doubt it proposes nothing) and idempotent: its output, fed back to it,
 * gets no suggestions. Offsets in the suggestions refer to the text passed in (see
 * `TypographySuggestion`). The lexicon is loaded on the first call unless one is passed.
 */
export function fixTypography(text: string, lexicon: Lexicon = persianLexicon()): TypographyResult {
  const isProtected = protectedSpans(text);
  const edits = [
    ...wordEdits(text, lexicon, isProtected),
    ...digitEdits(text, isProtected),
    ...punctuationEdits(text, isProtected),
    ...quoteEdits(text, isProtected),
  ];
  const suggestions = toSuggestions(text, edits);
  return { text: applyEdits(text, suggestions), suggestions };
}

/** Applies some of the suggestions of one `fixTypography` result to the text it was given. */
export function applySuggestions(text: string, suggestions: readonly TypographySuggestion[]): string {
  return applyEdits(text, suggestions);
}
