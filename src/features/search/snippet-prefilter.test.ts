import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchQuery } from '../../platform/persian/search-key.js';
import { matchSpans, snippetOf } from './search-snippet.js';
import { firstPossibleMatch } from './snippet-prefilter.js';

const marked = (text: string, query: string) =>
  snippetOf(text, searchQuery(query))
    .filter((s) => s.mark)
    .map((s) => s.text);

test('a snippet still marks the words whatever their spelling', () => {
  const cases: [string, string, string][] = [
    ['گزارشی دربارهٔ سئوال مجلس', 'سوال', 'سئوال'],
    ['گزارشی دربارهٔ سؤال مجلس', 'سوال', 'سؤال'],
    ['گزارشی دربارهٔ سي\u0654وال مجلس', 'سوال', 'سي\u0654وال'],
    ['طرح مسي\u0654له', 'مساله', 'مسي\u0654له'],
    ['دیدار با داوود', 'داود', 'داوود'],
    ['نشست هیئت دولت', 'هیات', 'هیئت'],
    ['متن با ي و ك عربی: كتابي تازه', 'کتابی', 'كتابي'],
    ['مردم کتـــاب می‌خوانند', 'کتاب', 'کتـــاب'],
    ['واژهٔ کِتابْ با اعراب', 'کتاب', 'کِتابْ'],
    ['دیدار نخست‌وزیر با رئیس', 'نخست وزیر', 'نخست‌وزیر'],
    ['گفت و گو ادامه دارد', 'گفتوگو', 'گفت و گو'],
    ['نامهٔ اجزاء دولت', 'اجزا', 'اجزاء'],
    ['پایان سخن.نخست وزیر گفت', 'نخستوزیر', 'نخست وزیر'],
    ['قیمت ١٢٣ و ۴۵۶ تومان', '۴۵۶', '۴۵۶'],
    ['ﻻزم است', 'لازم', 'ﻻزم'],
    ['mixed Latin TEXT here', 'text', 'TEXT'],
  ];
  for (const [text, query, expected] of cases) {
    assert.deepEqual(
      marked(`${'واژه‌ای دیگر '.repeat(200)}${text}`, query),
      [expected],
      `${query} in ${text}`,
    );
  }
});

test('a text without the query gives its start, unmarked', () => {
  const text = `${'خبری دیگر دربارهٔ بازار '.repeat(50)}پایان`;
  const snippet = snippetOf(text, searchQuery('نخست وزیر'));
  assert.equal(
    snippet.some((s) => s.mark),
    false,
  );
  assert.ok(snippet[0]?.text.startsWith('خبری دیگر'));
  assert.equal(firstPossibleMatch(text, searchQuery('نخست وزیر')), undefined);
});

// Every spelling folding may meet: the filter must never rule out a text the word-by-word reading
// marks. A seeded generator writes texts of these pieces and asks for words of them.
const pieces = [
  ...'ابتدرسلمنوهیو',
  ...'يىكةەۀأإآٱؤئءې',
  ...'\u064b\u064c\u064e\u064f\u0650\u0651\u0652\u0654\u0653\u0670\u0640',
  '\u200c',
  '\u00ac',
  '\u00ad',
  '\u200d',
  ' ',
  ' ',
  ' ',
  '،',
  '.',
  '«',
  '»',
  '۱',
  '٢',
  'ﺑ',
  'وو',
  'می',
  'های',
];

const plain: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
  ۀ: 'ه',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ؤ: 'و',
  ئ: 'ی',
};

function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

test('the filter never rules out a text the reading would mark', () => {
  const random = generator(20261130);
  const piece = () => pieces[random(pieces.length)] ?? '';
  let marks = 0;
  for (let i = 0; i < 8000; i++) {
    const words = Array.from({ length: 12 }, () => Array.from({ length: 1 + random(5) }, piece).join(''));
    const text = words.join(piece());
    const start = random(words.length);
    // The reader types the words in plain letters, or as written.
    const written = words.slice(start, start + 1 + random(2)).join(random(2) ? ' ' : '');
    const typed = random(2) ? written : [...written].map((c) => plain[c] ?? c).join('');
    const query = searchQuery(random(4) ? typed : `${typed}${piece()}`);
    if (query.groups.length === 0) continue;
    const spans = matchSpans(text, query);
    const from = firstPossibleMatch(text, query);
    if (spans.length === 0) continue;
    marks++;
    assert.notEqual(from, undefined, `filtered out ${JSON.stringify(text)} for ${JSON.stringify(typed)}`);
    assert.ok((from ?? 0) <= (spans[0]?.[0] ?? 0), `starts after the match in ${JSON.stringify(text)}`);
  }
  assert.ok(marks > 1000, `only ${marks} texts had a match`);
});
