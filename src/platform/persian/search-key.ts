import { toAsciiDigits } from './digits.js';

// Persian text in the wild spells one word many ways (ZWNJ or not, Arabic or Persian letters, three
// digit scripts, diacritics, tatweel, hamza seats). Neither SQLite FTS5 nor PostgreSQL's `simple`
// configuration folds any of it, so the text and the query both go through the functions here, and
// the engines only ever see the folded keys.

const ZWNJ = '\u200c';

// Soft hyphen and «¬» are what legacy keyboards and word processors produce where a ZWNJ was meant.
const ZWNJ_VARIANTS = ['\u200c', '\u00ad', '\u00ac'];
// ZWJ, word joiner, bidi marks and isolates, Arabic letter mark, BOM: they change how text is drawn, never which word it is.
const INVISIBLES = /\u200d|[\u200b\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;
// Harakat, hamza above/below, superscript alef, Quranic annotation marks, tatweel.
const MARKS_AND_TATWEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u064a': 'ی', // ي Arabic yeh
  '\u0649': 'ی', // ى alef maksura
  '\u0626': 'ی', // ئ yeh with hamza
  '\u06d0': 'ی', // ې
  '\u06cd': 'ی', // ۍ
  '\u0643': 'ک', // ك Arabic kaf
  '\u06aa': 'ک', // ڪ swash kaf
  '\u06d5': 'ه', // ە ae
  '\u06c0': 'ه', // ۀ heh with yeh above
  '\u0629': 'ه', // ة teh marbuta
  '\u06c1': 'ه', // ہ heh goal
  '\u06be': 'ه', // ھ heh doachashmee
  '\u0623': 'ا', // أ
  '\u0625': 'ا', // إ
  '\u0622': 'ا', // آ
  '\u0671': 'ا', // ٱ alef wasla
  '\u0624': 'و', // ؤ
  '\u0621': '', // ء seat-less hamza: اجزاء/اجزا, سوءاستفاده/سواستفاده are one word each
};

// A hamza seat before vav is heard as the vav itself: مسئول, مسؤول and مسوول; سئوال, سؤال and سوال.
const SEAT_BEFORE_VAV = /[\u0626\u0624]\u0648/g;
// After the folds, a doubled vav is one vav: داوود/داود, طاووس/طاوس, مسوول/مسئول.
const DOUBLE_VAV = /وو+/g;
// The few common words where ئ stands for «أ» (the academy spelling) beside a spelling with ا or أ:
// مسئله/مسأله/مساله, هیئت/هیأت/هیات, جرئت/جرأت/جرات.
const SEAT_AS_ALEF = /(مس|هی|جر)\u0626(ل|ت)/g;

const NOT_WORD = /[^\p{L}\p{N}\u200c]+/gu;

// Everything that maps one character to another (or to nothing), applied in a single pass: indexing
// a hundred thousand articles folds every one of their characters.
const ONE_PASS_MAP = new Map<string, string>(Object.entries(LETTER_FOLDS));
for (const c of ZWNJ_VARIANTS) ONE_PASS_MAP.set(c, ZWNJ);
for (const pattern of [INVISIBLES, MARKS_AND_TATWEEL]) {
  for (let code = 0; code <= 0xffff; code++) {
    const c = String.fromCharCode(code);
    pattern.lastIndex = 0;
    if (pattern.test(c)) ONE_PASS_MAP.set(c, '');
  }
}
const ONE_PASS = new RegExp(
  `[${[...ONE_PASS_MAP.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
  'g',
);

/**
 * Folds text to its search form: NFKC (presentation forms, full-width Latin), invisible characters and
 * marks removed, letter variants folded to one Persian letter, digits to ASCII, Latin lowercased and
 * unaccented, everything but letters and digits turned into single spaces. ZWNJ is kept (as U+200C,
 * only between letters) because the affix rules need to know where it was; `searchKey` and
 * `searchQuery` decide what it becomes.
 */
export function foldForSearch(text: string): string {
  const folded = text
    .normalize('NFKC')
    .replace(SEAT_AS_ALEF, '$1ا$2')
    .replace(SEAT_BEFORE_VAV, 'و')
    .replace(ONE_PASS, (c) => ONE_PASS_MAP.get(c) ?? c)
    .replace(DOUBLE_VAV, 'و')
    .toLowerCase();
  const unaccented = /[\u00c0-\u024f]/.test(folded)
    ? folded.replace(/\p{Script=Latin}/gu, (letter) => letter.normalize('NFD').replace(/\p{M}/gu, ''))
    : folded;
  return toAsciiDigits(unaccented)
    .replace(NOT_WORD, ' ')
    .replace(/\u200c+/g, ZWNJ)
    .replace(/(^| )\u200c|\u200c(?= |$)/g, '$1')
    .trim();
}

// Indexing folds every word of every article, and news repeats its words: each distinct word is
// folded once. Splitting at ASCII spaces and line breaks changes nothing: folding turns them into
// spaces and no rule of it reaches across them (unlike, say, U+FEFF, which \s includes but folding
// deletes, joining its neighbours).
const foldedWords = new Map<string, string>();
const foldedWordsKept = 50_000;
const ASCII_SPACES = /[ \n\r\t]+/;

function foldWordByWord(text: string): string {
  const words: string[] = [];
  for (const word of text.split(ASCII_SPACES)) {
    let folded = foldedWords.get(word);
    if (folded === undefined) {
      folded = foldForSearch(word);
      if (foldedWords.size >= foldedWordsKept) foldedWords.clear();
      foldedWords.set(word, folded);
    }
    if (folded) words.push(folded);
  }
  return words.join(' ');
}

// Verb prefixes written detached, glued or with ZWNJ: «می کنند», «میکنند», «می‌کنند». Negation is
// its own prefix, so «نمی» + «کنند» becomes «نمیکنند» and never meets «میکنند».
const PREFIXES = new Set(['می', 'نمی', 'بی']);
// Plural, comparative and possessive endings and the copula, written the same three ways.
const SUFFIXES = new Set([
  'ها',
  'های',
  'هایی',
  'هایم',
  'هایت',
  'هایش',
  'هایمان',
  'هایتان',
  'هایشان',
  'هاشان',
  'ای',
  'تر',
  'ترین',
  'تری',
  'ام',
  'ات',
  'اش',
  'اند',
  'ایم',
  'اید',
  'مان',
  'تان',
  'شان',
]);

// A prefix written apart (ZWNJ or space) is glued with a tatweel between: «می‌دانند» is indexed as
// «میـدانند», never as «میدانند», so the prefix search «میدان*» for «میدان» (square) cannot reach
// it. Folding removes every tatweel from the text, so the mark means only this, and both FTS5's
// unicode61 and PostgreSQL's parser keep it inside a token (it is a letter, Lm).
const PREFIX_MARK = '\u0640';

/**
 * The key of a word written in `parts`: the parts glued, with the mark after a prefix written
 * apart. The indexer and the highlighter build keys with this one function.
 */
export function gluedKey(parts: readonly string[]): string {
  const [first = '', ...rest] = parts;
  return rest.length > 0 && PREFIXES.has(first) ? `${first}${PREFIX_MARK}${rest.join('')}` : parts.join('');
}

/** A key without the prefix mark: the spelling of the same word written glued. */
function unmarked(key: string): string {
  return key.replace(PREFIX_MARK, '');
}

/** A word unit after gluing: its glued key, and the parts it was written in when that differs. */
interface GluedWord {
  key: string;
  parts: string[];
}

/**
 * Glues what belongs to one word: the pieces of a ZWNJ-joined word, and a detached prefix or suffix
 * to the word beside it. Hosts of a single letter (the conjunction «و») never take affixes.
 */
function glueWords(folded: string): GluedWord[] {
  const units: GluedWord[] = [];
  let pendingPrefix: string[] = [];
  for (const word of folded.split(' ')) {
    if (!word) continue;
    const parts = word.includes(ZWNJ) ? word.split(ZWNJ) : [word];
    const previous = units.at(-1);
    if (pendingPrefix.length === 0 && previous && SUFFIXES.has(word) && previous.key.length > 1) {
      previous.key += word;
      previous.parts.push(word);
      continue;
    }
    if (PREFIXES.has(word)) {
      pendingPrefix.push(word);
      continue;
    }
    if (pendingPrefix.length === 0 && parts.length === 1) {
      units.push({ key: word, parts });
      continue;
    }
    const allParts = [...pendingPrefix, ...parts];
    pendingPrefix = [];
    units.push({ key: gluedKey(allParts), parts: allParts });
  }
  // A prefix with nothing after it is an ordinary word.
  for (const prefix of pendingPrefix) units.push({ key: prefix, parts: [prefix] });
  return units;
}

/**
 * The indexed form of a text: every word glued (ZWNJ deleted, detached affixes re-attached), then,
 * for each word that was written in pieces, those pieces again, so a search for one part of a
 * compound («وزیر» in «نخست‌وزیر») or for a detached form still finds it. Only words written in pieces
 * add tokens; the bench prints what that costs.
 */
export function searchKey(text: string): string {
  const units = glueWords(foldWordByWord(text));
  const glued = units.map((u) => u.key);
  const pieces = units.filter((u) => u.parts.length > 1).map((u) => u.parts.join(' '));
  return pieces.length ? `${glued.join(' ')} ${pieces.join(' ')}` : glued.join(' ');
}

/** One alternative for a query word: a run of keys that must appear in this order, the last as a prefix. */
export type SearchAlternative = { phrase: string[]; prefix: boolean };

/** What a query asks for: every group must match (AND); within a group any alternative will do (OR). */
export interface SearchQuery {
  groups: SearchAlternative[][];
  /** The glued words of the query, for highlighting. */
  words: string[];
}

const maxQueryWords = 10;
// Shorter parts of a glued query word are too likely to be a different word's prefix («می»).
const minSplitPart = 3;

/** Ways a glued word may have been written as two (or, around «و», three) separate words. */
function splits(word: string): string[][] {
  const result: string[][] = [];
  for (let i = minSplitPart; i <= word.length - minSplitPart; i++) {
    result.push([word.slice(0, i), word.slice(i)]);
  }
  // «گفتوگو» was written «گفت و گو».
  for (let i = 2; i < word.length - 2; i++) {
    if (word[i] === 'و') result.push([word.slice(0, i), 'و', word.slice(i + 1)]);
  }
  return result;
}

/** How a glued word that starts like a prefix is keyed when the prefix was written apart. */
function markedSpelling(word: string): string | undefined {
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) {
      return gluedKey([prefix, word.slice(prefix.length)]);
    }
  }
  return undefined;
}

function term(phrase: string[]): SearchAlternative {
  // One- and two-letter words match exactly: as prefixes they would match half the language. The
  // last part of a split matches exactly up to three letters: «پاکا ستا*» would make the engine read
  // the postings of every word starting «ستا» to find a phrase that is almost never there.
  const last = phrase.at(-1) ?? '';
  return { phrase, prefix: last.length > (phrase.length > 1 ? 3 : 2) };
}

/**
 * Turns what a reader typed into groups of alternatives over the keys `searchKey` indexes: each
 * query word must be found as the start of a word, or glued to its neighbours («نخست وزیر» finds
 * «نخستوزیر»), or split in two («نخستوزیر» finds «نخست وزیر»). Words of one letter only join their
 * neighbours. Returns no groups when nothing searchable is left.
 */
export function searchQuery(text: string): SearchQuery {
  const words = glueWords(foldForSearch(text))
    .map((u) => u.key)
    .slice(0, maxQueryWords);
  const groups: SearchAlternative[][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.length < 2) continue;
    const seen = new Set<string>();
    const group: SearchAlternative[] = [];
    const add = (alternative: SearchAlternative) => {
      const id = `${alternative.phrase.join(' ')}|${alternative.prefix}`;
      if (seen.has(id)) return;
      seen.add(id);
      group.push(alternative);
    };
    add(term([word]));
    const plain = unmarked(word);
    // A prefix typed apart also finds the word written glued; a word typed glued finds the same
    // word written apart only whole: «میکنند» finds «می‌کنند», but «میدان» must not find «می‌دانند».
    if (plain !== word) add(term([plain]));
    else {
      const marked = markedSpelling(word);
      if (marked) add({ phrase: [marked], prefix: false });
    }
    for (let start = Math.max(0, i - 2); start <= i; start++) {
      for (let end = i; end <= Math.min(words.length - 1, start + 2); end++) {
        if (end > start)
          add(
            term([
              words
                .slice(start, end + 1)
                .map(unmarked)
                .join(''),
            ]),
          );
      }
    }
    for (const parts of splits(plain)) add(term(parts));
    groups.push(group);
  }
  return { groups, words: words.filter((w) => w.length >= 2) };
}
