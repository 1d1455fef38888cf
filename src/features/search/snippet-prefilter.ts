import { foldForSearch, type SearchQuery } from '../../platform/persian/search-key.js';

// Half of a results page's items match only in their title or tags, and finding that their text has
// no match meant folding every word of it (a fifth of a millisecond per item). This filter reads the
// unfolded text with one regular expression built from the query's keys: for every spelling that
// folds to a key, the expression matches; when it does not match, nothing in the text can, and the
// word-by-word reading is skipped. When it matches, the reading decides, as before.
//
// Each key letter becomes the class of characters that fold to it (Arabic and Persian letter variants,
// presentation forms), and between letters any run of characters that fold to nothing in a key
// (spaces, punctuation, ZWNJ, harakat, tatweel, invisible marks) or that folding may drop beside the
// next letter. Only keys of Persian letters are filtered: a query with digits or Latin reads the text.

// The letters a filtered key may hold: what folding leaves of Arabic-script letters.
const persianLetters = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
// Where every character folding to a Persian letter lives: the Arabic blocks, and presentation
// forms, whose every use sends a text to the word-by-word reading (they are rare in news text, and
// in the classes they tripled the size of each query's expression, which V8 compiles per query).
// Astral characters (Arabic mathematical symbols) do too.
const letterBlocks: readonly [number, number] = [0x0600, 0x08ff];
const presentationForms: readonly [number, number][] = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];
// Folding drops a yeh hamza seat before vav (سئوال → سوال) and reads it as alef in مسئله/هیئت/جرئت.
const YEH_SEAT = 'ئ';
const VAV = 'و';

interface FoldClasses {
  /** Per Persian letter, a class of the characters that fold to exactly it. */
  letter: Map<string, string>;
  /** Characters that may fold to nothing between two letters of a key. */
  gap: string;
  /** Characters the classes leave out: presentation forms, those folding to two letters or more, surrogates. */
  unfiltered: RegExp;
}

function hex(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A regular expression class (without the `u` flag) of these code units, as ranges. */
function classOf(codes: readonly number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  let ranges = '';
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    while (i + 1 < sorted.length && sorted[i + 1] === (sorted[i] as number) + 1) i++;
    const end = sorted[i] as number;
    ranges += start === end ? hex(start) : `${hex(start)}-${hex(end)}`;
  }
  return ranges;
}

let classes: FoldClasses | undefined;

/** Built from foldForSearch itself on first use (768 characters), so the two never disagree. */
function foldClasses(): FoldClasses {
  if (classes) return classes;
  const sources = new Map<string, number[]>();
  const add = (key: string, code: number) => sources.set(key, [...(sources.get(key) ?? []), code]);
  const unfiltered: number[] = [];
  const seatBases: number[] = [];
  const keyOf = (text: string) => foldForSearch(text).replace(/[\s\u200c]/g, '');
  for (const [first, last] of presentationForms) {
    for (let code = first; code <= last; code++) unfiltered.push(code);
  }
  const [first, last] = letterBlocks;
  for (let code = first; code <= last; code++) {
    const c = String.fromCharCode(code);
    const key = keyOf(c);
    if (key.length > 1) unfiltered.push(code);
    if (key.length !== 1) continue;
    if (persianLetters.includes(key)) add(key, code);
    // A letter followed by a mark composes into this one (ي + ٔ → ئ): the letter may stand for it.
    const [base] = c.normalize('NFD');
    if (base === undefined || base === c) continue;
    if (persianLetters.includes(key)) add(key, base.charCodeAt(0));
    if (c === YEH_SEAT) seatBases.push(base.charCodeAt(0));
  }
  const seatCodes = [YEH_SEAT.charCodeAt(0), ...seatBases];
  for (const code of seatCodes) add('ا', code);
  const letter = new Map([...sources].map(([key, codes]) => [key, classOf(codes)]));
  // The gap: everything but the characters that fold to a Persian letter, and the yeh seats. A
  // character folding to something else (a digit, a letter of another script) in a gap is more
  // than the folded text holds there, never less.
  const gap = `^${classOf([...sources.values()].flat().filter((code) => !seatCodes.includes(code)))}`;
  classes = { letter, gap, unfiltered: new RegExp(`[${classOf(unfiltered)}\\ud800-\\udfff]`) };
  return classes;
}

/** The expression for one key, or undefined when it has a character the filter does not know. */
function keyPattern(key: string, { letter, gap }: FoldClasses): string | undefined {
  const parts: string[] = [];
  for (const c of key.replace(/\u0640/g, '')) {
    const sources = letter.get(c);
    if (!sources) return undefined;
    // Doubled vavs fold to one (داوود → داود), also across a dropped mark.
    parts.push(c === VAV ? `[${sources}](?:[${gap}]*[${sources}])*` : `[${sources}]`);
  }
  return parts.length ? parts.join(`[${gap}]*`) : undefined;
}

const filters = new WeakMap<SearchQuery, RegExp | null>();

/** The filter of a query: one expression for all its glued keys, or null when some key cannot be filtered. */
function filterOf(query: SearchQuery): RegExp | null {
  let filter = filters.get(query);
  if (filter === undefined) {
    const fold = foldClasses();
    const keys = new Set(query.groups.flatMap((group) => group.map(({ phrase }) => phrase.join(''))));
    const patterns = [...keys].map((key) => keyPattern(key, fold));
    filter = patterns.every((p) => p !== undefined) ? new RegExp(patterns.join('|')) : null;
    filters.set(query, filter);
  }
  return filter;
}

// What a word is made of, as the snippet reads it: a match starts at the start of one.
const UNIT_CHARACTER = /[\p{L}\p{N}\p{M}\u0640]/u;

/**
 * Where in the text the first match of the query may start: the start of the word where the filter
 * first matched (no match starts before it), 0 when the text or a key is beyond the filter,
 * undefined when no run of the text's words can fold to a key of the query.
 */
export function firstPossibleMatch(text: string, query: SearchQuery): number | undefined {
  const filter = filterOf(query);
  if (!filter || foldClasses().unfiltered.test(text)) return 0;
  const found = filter.exec(text);
  if (!found) return undefined;
  let start = found.index;
  while (start > 0 && UNIT_CHARACTER.test(text[start - 1] ?? '')) start--;
  return start;
}
