import type { Lexicon } from './typography-lexicon.js';

// The rules that need to know Persian words: Arabic letter forms, and the zero-width non-joiner
// (ZWNJ, U+200C) between a word and its prefix or suffix. They look at words only through the
// lexicon, and when it cannot tell, they leave the text as the author wrote it.

export const ZWNJ = '\u200c';

/** One change a rule wants, on offsets of the original text, and the span a writer sees it on. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
  rule: string;
  unitStart: number;
  unitEnd: number;
}

/** A run of Persian letters (and the marks and ZWNJs inside it) in the original text. */
export interface PersianWord {
  start: number;
  end: number;
  /** The word with Arabic yeh and kaf read as Persian ones: what the lexicon is asked. */
  key: string;
  /** Whether the author typed diacritics or tatweel in it; such words are never split. */
  marked: boolean;
}

// Arabic-script letters, including the Persian ones (پ چ ژ گ ک ی), without digits, marks or tatweel.
export const PERSIAN_LETTER =
  /[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]/;
const WORD =
  /[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff][\u0621-\u065f\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0670\u200c]*/g;
const MARKS_AND_TATWEEL = /[\u0640\u064b-\u065f\u0670]/g;
// These letters never join the letter after them, so a ZWNJ after them changes nothing a reader
// sees; the Academy's rules and newsroom style write «کارها», «مردها», «بازوها» without one.
const NON_JOINING_LETTERS = new Set(['ا', 'آ', 'أ', 'إ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و', 'ؤ', 'ء', 'ة']);
const ARABIC_TO_PERSIAN: Readonly<Record<string, string>> = { '\u064a': 'ی', '\u0643': 'ک' };

const PREFIXES = ['نمی', 'می'];
// Longest first, so «همکاریهای» is «همکاری» + «های» and not «همکاریها» + «ی».
const PLURAL_SUFFIXES = ['هایی', 'های', 'ها'];
const COMPARATIVE_SUFFIXES = ['ترین', 'تر'];
// Stems shorter than this are too often the start of another word: «تن» + «ها» is «تنها», «به» + «تر»
// is «بهتر», «دف» + «تر» is «دفتر».
const MIN_SUFFIX_STEM = 3;
// Comparatives the language writes as one word although their stem is a word: «بیشتر», «بیشترین».
const ONE_WORD_COMPARATIVES = new Set(['بیش']);

/** Finds every Persian word in the text. */
export function persianWords(text: string): PersianWord[] {
  const words: PersianWord[] = [];
  for (const match of text.matchAll(WORD)) {
    // A ZWNJ at the end of a word joins nothing; it is not part of the word.
    const raw = match[0].replace(/\u200c+$/, '');
    const start = match.index;
    const key = raw.replace(/[\u064a\u0643]/g, (c) => ARABIC_TO_PERSIAN[c] ?? c);
    MARKS_AND_TATWEEL.lastIndex = 0;
    words.push({ start, end: start + raw.length, key, marked: MARKS_AND_TATWEEL.test(raw) });
  }
  return words;
}

function lookupKey(word: PersianWord): string {
  return word.marked ? word.key.replace(MARKS_AND_TATWEEL, '') : word.key;
}

/** ي and ك are Arabic letters; Persian text uses ی and ک, which sort, search and render as Persian. */
export function arabicLetterEdits(text: string, word: PersianWord): Edit[] {
  const edits: Edit[] = [];
  for (let i = word.start; i < word.end; i++) {
    const replacement = ARABIC_TO_PERSIAN[text[i] ?? ''];
    if (replacement) {
      edits.push({
        start: i,
        end: i + 1,
        replacement,
        rule: 'arabic-letters',
        unitStart: word.start,
        unitEnd: word.end,
      });
    }
  }
  return edits;
}

/**
 * Whether a word after «می»/«نمی» is a verb form: the lexicon must know it and its negative
 * («کنند» and «نکنند», «آید» and «نیاید», «افتد» and «نیفتد»). Nouns rarely have a negative, so «می»
 * the month («ماه می») or the wine does not glue to the noun after it.
 */
function isVerbForm(stem: string, lexicon: Lexicon): boolean {
  if (stem.length < 2 || !lexicon.has(stem)) return false;
  const negative = stem.startsWith('آ')
    ? `نیا${stem.slice(1)}`
    : stem.startsWith('ا')
      ? `نی${stem.slice(1)}`
      : `ن${stem}`;
  return lexicon.has(negative);
}

function isComparable(stem: string, lexicon: Lexicon): boolean {
  return !ONE_WORD_COMPARATIVES.has(stem) && lexicon.has(`${stem}ترین`);
}

function joinsForward(stem: string): boolean {
  const last = stem.replace(MARKS_AND_TATWEEL, '').at(-1) ?? '';
  return !NON_JOINING_LETTERS.has(last);
}

/**
 * «می کنند», «نمی شود»: a verb prefix written as a word of its own is joined to its verb with a ZWNJ.
 * Only when the next word is a verb form (see `isVerbForm`) and «می» is not the month («ماه می»).
 */
export function spacedPrefixEdit(
  text: string,
  previous: PersianWord | undefined,
  word: PersianWord,
  next: PersianWord,
  lexicon: Lexicon,
): Edit | undefined {
  if (!PREFIXES.includes(word.key)) return undefined;
  if (word.key === 'می' && previous?.key === 'ماه' && isSpaceBetween(text, previous, word)) return undefined;
  if (!isSpaceBetween(text, word, next) || !isVerbForm(lookupKey(next), lexicon)) return undefined;
  return {
    start: word.end,
    end: next.start,
    replacement: ZWNJ,
    rule: 'zwnj',
    unitStart: word.start,
    unitEnd: next.end,
  };
}

/**
 * «کتاب ها», «مهم ترین»: a plural or comparative suffix written as a word of its own is joined to the
 * word before it, with a ZWNJ after a letter that joins forward and directly after one that does not
 * («کار ها» → «کارها»). «تر» alone is also the adjective "wet", so «تر» and «ترین» join only a word the
 * lexicon knows a superlative of.
 */
export function spacedSuffixEdit(
  text: string,
  word: PersianWord,
  next: PersianWord,
  lexicon: Lexicon,
): Edit | undefined {
  const isPlural = PLURAL_SUFFIXES.includes(next.key);
  const isComparative = COMPARATIVE_SUFFIXES.includes(next.key);
  if (!isPlural && !isComparative) return undefined;
  if (word.key.length < 2 || PREFIXES.includes(word.key) || PLURAL_SUFFIXES.includes(word.key))
    return undefined;
  if (!isSpaceBetween(text, word, next)) return undefined;
  if (isComparative && !isComparable(lookupKey(word), lexicon)) return undefined;
  const replacement = joinsForward(word.key) ? ZWNJ : '';
  return {
    start: word.end,
    end: next.start,
    replacement,
    rule: 'zwnj',
    unitStart: word.start,
    unitEnd: next.end,
  };
}

/**
 * «میکنند», «همکاریهای», «بزرگترین»: a prefix or suffix glued to its word gets a ZWNJ, but only where
 * the lexicon says the glued form is two pieces:
 *
 * - a prefix «می»/«نمی» is split off when the rest is a verb form (it and its negative are known
 *   words, «کنند» and «نکنند») and the glued word itself is not a known word. So «میان», «میل»,
 *   «میلیون», «میدان» and «میز» stay whole: the lexicon knows each of them. The lexicon (built from
 *   Hunspell affix rules) also knows some glued verbs as inflected nouns, «میگوید» as «میگو» + «ید»;
 *   those stay as written, since the lexicon cannot tell which was meant.
 * - a suffix «ها»/«های»/«هایی» is split off when the stem has at least three letters and ends in a
 *   letter that joins forward, and the lexicon knows both the stem and the glued word («همکاری» and
 *   «همکاریهای»); «تر»/«ترین» only when the stem also has a known superlative («بزرگترین»), which keeps
 *   «فیلتر» (no «فیلترین») whole. Three letters keep «تنها», «بهتر», «کمتر», «دفتر» whole; «بیشتر» is
 *   written as one word by convention and is kept by name.
 *
 * Words with ZWNJ already, or with diacritics or tatweel, are left alone.
 */
export function gluedAffixEdit(word: PersianWord, lexicon: Lexicon): Edit | undefined {
  if (word.marked || word.key.includes(ZWNJ)) return undefined;
  const insertAt = (offset: number): Edit => ({
    start: word.start + offset,
    end: word.start + offset,
    replacement: ZWNJ,
    rule: 'zwnj',
    unitStart: word.start,
    unitEnd: word.end,
  });
  const prefix = PREFIXES.find((p) => word.key.startsWith(p));
  if (prefix && !lexicon.has(word.key) && isVerbForm(word.key.slice(prefix.length), lexicon)) {
    return insertAt(prefix.length);
  }
  const suffix = [...PLURAL_SUFFIXES, ...COMPARATIVE_SUFFIXES].find((s) => word.key.endsWith(s));
  if (!suffix) return undefined;
  const stem = word.key.slice(0, -suffix.length);
  const splits =
    stem.length >= MIN_SUFFIX_STEM &&
    joinsForward(stem) &&
    lexicon.has(stem) &&
    lexicon.has(word.key) &&
    (!COMPARATIVE_SUFFIXES.includes(suffix) || isComparable(stem, lexicon));
  return splits ? insertAt(stem.length) : undefined;
}

/** Whether only spaces or tabs (not a line break, not punctuation) stand between two words. */
function isSpaceBetween(text: string, left: PersianWord, right: PersianWord): boolean {
  return right.start > left.end && /^[ \t\u00a0]+$/.test(text.slice(left.end, right.start));
}
