import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldForSearch, gluedKey, type SearchQuery, searchKey, searchQuery } from './search-key.js';

const ZWNJ = '\u200c';

/**
 * What FTS5 and a `simple` tsvector do with the keys: a query matches when every group has an
 * alternative whose words appear consecutively in the key, the last one as a prefix if so marked.
 * The search suites run the same expectations against both real engines.
 */
function keyMatches(key: string, query: SearchQuery): boolean {
  const tokens = key.split(' ');
  if (query.groups.length === 0) return false;
  return query.groups.every((group) =>
    group.some(({ phrase, prefix }) =>
      tokens.some((_, start) =>
        phrase.every((part, k) => {
          const token = tokens[start + k];
          if (token === undefined) return false;
          return prefix && k === phrase.length - 1 ? token.startsWith(part) : token === part;
        }),
      ),
    ),
  );
}

const finds = (text: string, query: string) => keyMatches(searchKey(text), searchQuery(query));

// Folding: each case is a spelling seen in news copy and the form both sides are folded to.
const folds: [string, string, string][] = [
  ['Arabic yeh in a headline', 'رئيس جمهوري', 'رییس جمهوری'],
  ['Arabic kaf in a wire story', 'كشور', 'کشور'],
  ['alef maksura', 'مصطفى', 'مصطفی'],
  ['teh marbuta', 'مدرسة', 'مدرسه'],
  ['heh with yeh above', 'نامۀ', 'نامه'],
  ['heh with a hamza mark', 'نامهٔ وزیر', 'نامه وزیر'],
  ['alef with hamza above', 'تأثیر', 'تاثیر'],
  ['alef with hamza below', 'إسلام', 'اسلام'],
  ['alef with madda', 'آمریکا', 'امریکا'],
  ['alef wasla', 'ٱلله', 'الله'],
  ['vav with hamza', 'مؤسسه', 'موسسه'],
  ['yeh with hamza', 'پائیز', 'پاییز'],
  ['seat-less hamza at the end', 'اجزاء', 'اجزا'],
  ['seat-less hamza inside a word', 'سوءاستفاده', 'سواستفاده'],
  ['hamza on yeh before vav', 'مسئول', 'مسول'],
  ['hamza on vav before vav', 'مسؤول', 'مسول'],
  ['written without hamza', 'مسوول', 'مسول'],
  ['سئوال written with a yeh seat', 'سئوال', 'سوال'],
  ['مسئله in the academy spelling', 'مسئله', 'مساله'],
  ['مسأله in the older spelling', 'مسأله', 'مساله'],
  ['هیئت with a yeh seat', 'هیئت دولت', 'هیات دولت'],
  ['Persian digits', 'سال ۱۴۰۲', 'سال 1402'],
  ['Arabic-Indic digits', 'سال ١٤٠٢', 'سال 1402'],
  ['mixed digit scripts in one number', '١۴٠٢', '1402'],
  ['fatha, kasra and damma', 'حَصِین', 'حصین'],
  ['tanwin', 'حتماً', 'حتما'],
  ['shadda', 'مکّه', 'مکه'],
  ['superscript alef', 'رحمٰن', 'رحمن'],
  ['tatweel', 'ایـــران', 'ایران'],
  ['presentation forms', 'ﻻﻳﺤﻪ', 'لایحه'],
  ['Latin capitals', 'FIFA و UNESCO', 'fifa و unesco'],
  ['accented Latin', 'Café Zürich', 'cafe zurich'],
  ['full-width Latin and digits', 'ＢＢＣ ２０２４', 'bbc 2024'],
  ['bidi marks around a number', '\u200f۱۲\u200e درصد', '12 درصد'],
  ['a BOM at the start', '\ufeffخبر فوری', 'خبر فوری'],
  ['ZWJ inside a word', 'ک\u200dتاب', 'کتاب'],
  ['no-break spaces', 'تهران\u00a0و\u202fکرج', 'تهران و کرج'],
  ['Persian punctuation', '«دولت»، مجلس؛ قوه قضاییه؟', 'دولت مجلس قوه قضاییه'],
  ['hyphens and dashes, and a doubled vav', 'کووید-۱۹ — واکسن', 'کوید 19 واکسن'],
  ['soft hyphen as a ZWNJ', 'می\u00adروند', `می${ZWNJ}روند`],
  ['¬ as a ZWNJ', 'می¬روند', `می${ZWNJ}روند`],
  ['doubled ZWNJ', `می${ZWNJ}${ZWNJ}روند`, `می${ZWNJ}روند`],
  ['a ZWNJ before a space', `کتاب${ZWNJ} ها`, 'کتاب ها'],
];

for (const [what, input, expected] of folds) {
  test(`foldForSearch folds ${what}`, () => {
    assert.equal(foldForSearch(input), expected);
  });
}

// Meeting: a text written one way is found by a query written another way.
const meets: [string, string, string][] = [
  ['a plural with ZWNJ by a glued query', 'همکاری‌های دو کشور گسترش می‌یابد', 'همکاریهای'],
  ['a plural with ZWNJ by a spaced query', 'همکاری‌های دو کشور گسترش می‌یابد', 'همکاری های'],
  ['a glued plural by a ZWNJ query', 'همکاریهای دو کشور گسترش یافت', 'همکاری‌های'],
  ['a glued plural by a spaced query', 'همکاریهای دو کشور گسترش یافت', 'همکاری های'],
  ['a spaced plural by a ZWNJ query', 'همکاری های دو کشور گسترش یافت', 'همکاری‌های'],
  ['a spaced plural by a glued query', 'همکاری های دو کشور گسترش یافت', 'همکاریهای'],
  ['a verb with ZWNJ by a spaced query', 'نمایندگان لایحه را بررسی می‌کنند', 'می کنند'],
  ['a verb with ZWNJ by a glued query', 'نمایندگان لایحه را بررسی می‌کنند', 'میکنند'],
  ['a spaced verb by a ZWNJ query', 'نمایندگان لایحه را بررسی می کنند', 'می‌کنند'],
  ['a glued verb by a ZWNJ query', 'نمایندگان لایحه را بررسی میکنند', 'می‌کنند'],
  ['a negated verb in every form', 'کارگران امروز کار نمی کنند', 'نمی‌کنند'],
  ['a glued negated verb by a ZWNJ query', 'کارگران امروز کار نمیکنند', 'نمی‌کنند'],
  ['بی with ZWNJ by a spaced query', 'این تصمیم بی‌تردید اثر دارد', 'بی تردید'],
  ['a spaced بی by a glued query', 'این تصمیم بی تردید اثر دارد', 'بیتردید'],
  ['a comparative with ZWNJ by a spaced query', 'قیمت‌ها بالا‌تر رفت', 'بالا تر'],
  ['a spaced superlative by a glued query', 'بزرگ ترین پروژه کشور افتتاح شد', 'بزرگترین'],
  ['an indefinite ای written with ZWNJ', 'خانه‌ای در شمال تهران فروخته شد', 'خانه ای'],
  ['a possessive شان', 'کتاب‌هایشان را آوردند', 'کتاب هایشان'],
  ['the stem of a plural', 'کتاب‌های درسی توزیع شد', 'کتاب'],
  ['the stem of a verb by prefix', 'دولت اصلاحات را پیگیری می‌کند', 'پیگیری'],
  ['a part of a ZWNJ compound', 'نخست‌وزیر عراق به تهران آمد', 'وزیر'],
  ['نخست‌وزیر by a glued query', 'نخست‌وزیر عراق به تهران آمد', 'نخستوزیر'],
  ['نخست‌وزیر by a spaced query', 'نخست‌وزیر عراق به تهران آمد', 'نخست وزیر'],
  ['نخستوزیر by a spaced query', 'نخستوزیر عراق به تهران آمد', 'نخست وزیر'],
  ['نخستوزیر by a ZWNJ query', 'نخستوزیر عراق به تهران آمد', 'نخست‌وزیر'],
  ['نخست وزیر by a glued query', 'نخست وزیر عراق به تهران آمد', 'نخستوزیر'],
  ['نخست وزیر by a ZWNJ query', 'نخست وزیر عراق به تهران آمد', 'نخست‌وزیر'],
  ['ایران‌خودرو by a spaced query', 'فروش فوق‌العاده ایران‌خودرو آغاز شد', 'ایران خودرو'],
  ['ایران خودرو by a glued query', 'فروش فوق‌العاده ایران خودرو آغاز شد', 'ایرانخودرو'],
  ['ایران خودرو by a ZWNJ query', 'فروش فوق‌العاده ایران خودرو آغاز شد', 'ایران‌خودرو'],
  ['گفت و گو by a glued query', 'متن کامل گفت و گو با وزیر', 'گفتوگو'],
  ['گفت‌وگو by a spaced query', 'متن کامل گفت‌وگو با وزیر', 'گفت و گو'],
  ['گفتوگو by a spaced query', 'متن کامل گفتوگو با وزیر', 'گفت و گو'],
  ['a spaced compound in the plural by the glued query', 'نخست وزیران اروپا دیدار کردند', 'نخستوزیر'],
  ['گفت‌وگوها by the glued query', 'گفت‌وگوها ادامه دارد', 'گفتوگو'],
  ['مسئول by مسؤول', 'مسئول پرونده پاسخ داد', 'مسؤول'],
  ['مسؤول by مسئول', 'مسؤول پرونده پاسخ داد', 'مسئول'],
  ['مسوول by مسئول', 'مسوول پرونده پاسخ داد', 'مسئول'],
  ['مسئولان by مسئول', 'مسئولان استان پاسخ دادند', 'مسئول'],
  ['مسئله by مسأله', 'مسئله آب در خوزستان', 'مسأله'],
  ['هیأت by هیئت', 'هیأت دولت تصویب کرد', 'هیئت'],
  ['رئیس by رییس', 'رئیس‌جمهور سفر کرد', 'رییس جمهور'],
  ['Arabic letters by Persian ones', 'رئيس جمهور از كرمان بازديد كرد', 'رئیس جمهور کرمان'],
  ['Persian letters by Arabic ones', 'رئیس جمهور از کرمان بازدید کرد', 'كرمان بازديد'],
  ['a year in Persian digits by Latin digits', 'بودجه سال ۱۴۰۳ تصویب شد', '1403'],
  ['a year in Latin digits by Persian digits', 'بودجه سال 1403 تصویب شد', '۱۴۰۳'],
  ['a year in Arabic-Indic digits by Persian digits', 'بودجه سال ١٤٠٣ تصویب شد', '۱۴۰۳'],
  ['a word with diacritics by a plain query', 'قلعهٔ حَصین در کوه', 'حصین'],
  ['a plain word by a query with diacritics', 'قلعه حصین در کوه', 'حَصین'],
  ['a tatweel headline by a plain query', 'ایـــران قهرمان شد', 'ایران'],
  ['a plain word by a query with tatweel', 'ایران قهرمان شد', 'ایـــران'],
  ['آ by ا', 'آمریکا تحریم‌ها را تمدید کرد', 'امریکا'],
  ['ۀ by هٔ', 'نامۀ وزیر منتشر شد', 'نامهٔ وزیر'],
  ['a Latin brand by lowercase', 'شرکت Apple گزارش داد', 'apple'],
  ['text with bidi marks by a plain query', 'تورم \u200f۴۰\u200f درصد شد', '۴۰ درصد'],
  ['two words in any order', 'بانک مرکزی نرخ ارز را اعلام کرد', 'ارز بانک'],
  ['میدان by itself', 'تجمع در میدان آزادی برگزار شد', 'میدان'],
  ['a plural of میدان', 'میدان‌های اصلی شهر شلوغ بود', 'میدان'],
  ['a glued verb by a ZWNJ query that looks like میدان', 'مردم بهتر از همه میدانند', 'می‌دانند'],
  ['a ZWNJ verb by the glued whole verb', 'مردم بهتر از همه می‌دانند', 'میدانند'],
  ['a spaced verb by the glued whole verb', 'مردم بهتر از همه می دانند', 'میدانند'],
  ['the start of a بی word typed with ZWNJ', 'بی‌ثباتی بازار ارز ادامه دارد', 'بی‌ثبات'],
  ['the start of a glued بی word typed glued', 'بیثباتی بازار ارز ادامه دارد', 'بیثبات'],
  ['a negated verb typed glued, written with ZWNJ', 'او نمی‌خواهد استعفا دهد', 'نمیخواهد'],
];

for (const [what, text, query] of meets) {
  test(`search finds ${what}`, () => {
    assert.equal(finds(text, query), true, `«${query}» should find «${text}»`);
  });
}

// Misses: what must stay apart.
const misses: [string, string, string][] = [
  ['می‌کنند by a negated query', 'نمایندگان لایحه را بررسی می‌کنند', 'نمی‌کنند'],
  ['میکنند by a glued negated query', 'نمایندگان لایحه را بررسی میکنند', 'نمیکنند'],
  ['می کنند by a spaced negated query', 'نمایندگان لایحه را بررسی می کنند', 'نمی کنند'],
  ['نمی‌کنند by an affirmative query', 'کارگران امروز کار نمی‌کنند', 'می‌کنند'],
  ['نمیکنند by an affirmative glued query', 'کارگران امروز کار نمیکنند', 'میکنند'],
  ['نمی‌خواهد by an affirmative query', 'او نمی‌خواهد استعفا دهد', 'میخواهد'],
  ['a text missing one of the query words', 'بانک مرکزی نرخ سود را اعلام کرد', 'بانک ارز'],
  ['a two-letter word as the start of a longer one', 'کشتی‌ها به دریای خزر رسیدند', 'در'],
  ['a glued query word split into a one-letter part', 'دیدار با وزیر', 'باوزیر'],
  ['a longer word after a split-off part of three letters', 'شهر پاکا ستاره دارد', 'پاکاستا'],
  ['a spaced گفت و گوها by the glued query (a known limit)', 'گفت و گوها ادامه دارد', 'گفتوگو'],
  ['a query of punctuation only', 'هر متنی', '«»،؛'],
  ['می‌دانند by میدان', 'مردم بهتر از همه می‌دانند', 'میدان'],
  ['می دانند by میدان', 'مردم بهتر از همه می دانند', 'میدان'],
  ['می‌دانند by a square named with another word of the text', 'مردم قدر آزادی را می‌دانند', 'میدان آزادی'],
  ['بی‌مهری by بیمه', 'از بی‌مهری مسئولان گله کردند', 'بیمه'],
  ['می‌لرزد by میل', 'زمین زیر پایشان می‌لرزد', 'میل'],
  ['نمی‌دانند by میدان', 'هنوز نمی‌دانند چه شد', 'میدان'],
  ['نمی‌دانند by the affirmative glued verb', 'هنوز نمی‌دانند چه شد', 'میدانند'],
];

for (const [what, text, query] of misses) {
  test(`search does not find ${what}`, () => {
    assert.equal(finds(text, query), false, `«${query}» should not find «${text}»`);
  });
}

test('searchKey glues a ZWNJ word and also keeps its pieces', () => {
  assert.equal(searchKey('نخست‌وزیر آمد'), 'نخستوزیر امد نخست وزیر');
});

test('searchKey re-attaches a detached suffix and keeps the detached form', () => {
  assert.equal(searchKey('کتاب ها رسید'), 'کتابها رسید کتاب ها');
});

test('searchKey marks where a prefix written apart was glued', () => {
  assert.equal(searchKey('مردم می‌دانند'), 'مردم می\u0640دانند می دانند');
  assert.equal(searchKey('مردم می دانند'), 'مردم می\u0640دانند می دانند');
  assert.equal(searchKey('مردم میدانند'), 'مردم میدانند');
});

test('gluedKey marks only a prefix followed by more parts', () => {
  assert.equal(gluedKey(['نمی', 'کنند']), 'نمی\u0640کنند');
  assert.equal(gluedKey(['نخست', 'وزیر']), 'نخستوزیر');
  assert.equal(gluedKey(['بی']), 'بی');
});

test('searchKey adds nothing for text without pieces', () => {
  assert.equal(searchKey('دولت لایحه را فرستاد'), 'دولت لایحه را فرستاد');
});

test('searchKey never attaches a suffix to the conjunction و', () => {
  assert.equal(searchKey('خشک و تر'), 'خشک و تر');
});

test('searchKey keeps a prefix with nothing after it as a word', () => {
  assert.equal(searchKey('دلیل بی'), 'دلیل بی');
});

test('searchQuery makes one- and two-letter words exact and longer ones prefixes', () => {
  const { groups } = searchQuery('در تهران');
  assert.deepEqual(groups[0]?.[0], { phrase: ['در'], prefix: false });
  assert.deepEqual(groups[1]?.[0], { phrase: ['تهران'], prefix: true });
});

test('searchQuery makes the last part of a split a prefix only from four letters on', () => {
  // «ستا*» or «خو*» would reach hundreds of words, and reading all their postings made rare words
  // the slowest searches (0.2–1.2 s at 100,000 articles).
  const [group = []] = searchQuery('پاکاستا').groups;
  assert.deepEqual(group, [
    { phrase: ['پاکاستا'], prefix: true },
    { phrase: ['پاک', 'استا'], prefix: true },
    { phrase: ['پاکا', 'ستا'], prefix: false },
  ]);
  assert.deepEqual(searchQuery('گفتوگو').groups[0]?.at(-1), { phrase: ['گفت', 'و', 'گو'], prefix: false });
});

test('searchQuery asks for nothing when only one-letter words are left', () => {
  assert.deepEqual(searchQuery('و').groups, []);
});

test('searchQuery reads at most ten words', () => {
  const query = searchQuery('یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده');
  assert.equal(query.words.length, 10);
});

test('searchQuery returns the glued words for highlighting', () => {
  assert.deepEqual(searchQuery('همکاری های اقتصادی').words, ['همکاریهای', 'اقتصادی']);
});
