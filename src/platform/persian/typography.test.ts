import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySuggestions, fixTypography, typographyRules } from './typography.js';

const Z = '\u200c';

// Each case: what it is about, a sentence as it arrives from a reporter or a wire, and the text the
// assistant must make of it. Expected texts write the ZWNJ as ${Z} so it can be seen.
const fixes: [string, string, string][] = [
  // Arabic letters
  ['Arabic yeh in a minister’s title', 'وزير امور خارجه', 'وزیر امور خارجه'],
  ['Arabic kaf in a country name', 'كشور همسايه', 'کشور همسایه'],
  ['both Arabic letters in one word', 'كميسيون اقتصادي مجلس', 'کمیسیون اقتصادی مجلس'],
  ['Arabic yeh at the end of a name', 'علي لاريجاني', 'علی لاریجانی'],
  [
    'Arabic letters in a whole wire sentence',
    'رئيس جمهور در سفر به كرمان گفت',
    'رئیس جمهور در سفر به کرمان گفت',
  ],
  // Digits
  ['a year after a Persian word', 'در سال 1402 بودجه تصویب شد', 'در سال ۱۴۰۲ بودجه تصویب شد'],
  ['a Jalali date with slashes', 'جلسه در تاریخ 1402/11/07 برگزار شد', 'جلسه در تاریخ ۱۴۰۲/۱۱/۰۷ برگزار شد'],
  ['a clock time', 'نشست ساعت 10:30 آغاز شد', 'نشست ساعت ۱۰:۳۰ آغاز شد'],
  ['a percentage', 'تورم به 40% رسید', 'تورم به ۴۰% رسید'],
  ['a number glued to a Persian word', 'این طرح 5درصد رشد داشت', 'این طرح ۵درصد رشد داشت'],
  ['Arabic-Indic digits', 'قیمت ٤٥٦ هزار تومان شد', 'قیمت ۴۵۶ هزار تومان شد'],
  ['Arabic-Indic digits alone on a line', '١٤٠٢', '۱۴۰۲'],
  ['a number in parentheses', 'شمار مصدومان (12 نفر) اعلام شد', 'شمار مصدومان (۱۲ نفر) اعلام شد'],
  ['a range of years', 'در سال‌های 1390-1400 رشد منفی بود', 'در سال‌های ۱۳۹۰-۱۴۰۰ رشد منفی بود'],
  ['a decimal number', 'نرخ بیکاری 8.2 درصد اعلام شد', 'نرخ بیکاری ۸.۲ درصد اعلام شد'],
  ['a phone number in a notice', 'شماره تماس 021-88776655 است', 'شماره تماس ۰۲۱-۸۸۷۷۶۶۵۵ است'],
  // ZWNJ, detached prefixes
  ['a detached «می»', 'نمایندگان از این طرح حمایت می کنند', `نمایندگان از این طرح حمایت می${Z}کنند`],
  ['a detached «نمی»', 'دولت این لایحه را پس نمی گیرد', `دولت این لایحه را پس نمی${Z}گیرد`],
  ['«می» before a verb that starts with آ', 'قطار ساعت هشت می آید', `قطار ساعت هشت می${Z}آید`],
  [
    '«می» before a verb that starts with ا',
    'بار این تصمیم بر دوش مردم می افتد',
    `بار این تصمیم بر دوش مردم می${Z}افتد`,
  ],
  ['«می» before a past tense', 'او هر روز به دفتر می رفت', `او هر روز به دفتر می${Z}رفت`],
  ['«می» before «توان»', 'با این بودجه نمی توان سد ساخت', `با این بودجه نمی${Z}توان سد ساخت`],
  ['a detached «می» written with Arabic yeh', 'مردم مي شوند', `مردم می${Z}شوند`],
  ['two spaces between «می» and the verb', 'آنها می  روند', `آنها می${Z}روند`],
  // ZWNJ, detached suffixes
  ['a detached plural', 'کتاب ها در نمایشگاه عرضه شد', `کتاب${Z}ها در نمایشگاه عرضه شد`],
  ['a detached «های»', 'همکاری های دو کشور گسترش یافت', `همکاری${Z}های دو کشور گسترش یافت`],
  ['a detached «هایی»', 'خبرنگاران پرسش هایی مطرح کردند', `خبرنگاران پرسش${Z}هایی مطرح کردند`],
  ['a detached superlative', 'این بزرگ ترین پروژه سال است', `این بزرگ${Z}ترین پروژه سال است`],
  ['a detached comparative', 'شرایط سخت تر شد', `شرایط سخت${Z}تر شد`],
  ['a plural after a silent heh', 'خانه ها در زلزله آسیب دید', `خانه${Z}ها در زلزله آسیب دید`],
  ['a plural after «ر» joins without ZWNJ', 'کار ها به کندی پیش رفت', 'کارها به کندی پیش رفت'],
  ['a plural after «د» joins without ZWNJ', 'مرد ها صف کشیدند', 'مردها صف کشیدند'],
  ['a plural after «و» joins without ZWNJ', 'بازو ها خسته شد', 'بازوها خسته شد'],
  ['a plural after «ا» joins without ZWNJ', 'صدا ها بلند شد', 'صداها بلند شد'],
  ['a pronoun’s plural', 'آن ها گفتند', `آن${Z}ها گفتند`],
  // ZWNJ, glued forms the lexicon splits
  ['a glued «می»', 'نمایندگان از طرح حمایت میکنند', `نمایندگان از طرح حمایت می${Z}کنند`],
  ['a glued «نمی»', 'وزیر استعفا نمیکند', `وزیر استعفا نمی${Z}کند`],
  ['a glued «می» before «شود»', 'جلسه فردا برگزار میشود', `جلسه فردا برگزار می${Z}شود`],
  ['a glued «های»', 'همکاریهای منطقه‌ای', `همکاری${Z}های منطقه‌ای`],
  ['a glued plural of years', 'سالها پیش این سد ساخته شد', `سال${Z}ها پیش این سد ساخته شد`],
  ['a glued superlative', 'مهمترین خبر روز', `مهم${Z}ترین خبر روز`],
  ['a glued «بزرگترین»', 'بزرگترین نمایشگاه کتاب', `بزرگ${Z}ترین نمایشگاه کتاب`],
  // Punctuation
  ['a Latin comma between Persian words', 'تهران, اصفهان و شیراز', 'تهران، اصفهان و شیراز'],
  ['a Latin comma without a space after it', 'تهران,اصفهان', 'تهران،اصفهان'],
  ['a Latin semicolon between clauses', 'جلسه تمام شد; نتیجه اعلام نشد', 'جلسه تمام شد؛ نتیجه اعلام نشد'],
  ['a Latin question mark after a Persian question', 'چه کسی مسئول است?', 'چه کسی مسئول است؟'],
  ['a question mark before a closing quote', 'پرسید «چرا?»', 'پرسید «چرا؟»'],
  ['a question mark in the middle of a line', 'چرا? زیرا دیر شد', 'چرا؟ زیرا دیر شد'],
  // Quotes
  [
    'straight quotes around a Persian phrase',
    'او گفت "تورم کاهش یافت" و رفت',
    'او گفت «تورم کاهش یافت» و رفت',
  ],
  ['two quoted phrases on one line', '"الف" و "ب" نام دو طرح است', '«الف» و «ب» نام دو طرح است'],
  ['quotes at the start of a line', '"برجام" دوباره مطرح شد', '«برجام» دوباره مطرح شد'],
  ['quotes with a fix inside them', 'وزیر گفت "مذاكره ادامه دارد"', 'وزیر گفت «مذاکره ادامه دارد»'],
  // Several rules in one sentence
  [
    'a wire sentence with every kind of fix',
    'رئيس كل بانک مركزي در سال 1402 گفت: "تورم کاهش می يابد" و همکاریهای بانکی بیشتر میشود?',
    `رئیس کل بانک مرکزی در سال ۱۴۰۲ گفت: «تورم کاهش می${Z}یابد» و همکاری${Z}های بانکی بیشتر می${Z}شود؟`,
  ],
];

// Each case: what must stay as written, and why.
const untouched: [string, string][] = [
  ['«میان», which starts like «می»', 'میان دو کشور توافق شد'],
  ['«میل»', 'او میل به همکاری دارد'],
  ['«میلیون»', 'بیش از دو میلیون نفر رأی دادند'],
  ['«میدان»', 'میدان آزادی بسته شد'],
  ['«میز»', 'میز مذاکره آماده است'],
  ['«میزان», which is «می» + a word', 'میزان تورم اعلام شد'],
  ['«میراث»', 'میراث فرهنگی'],
  ['«تنها», which ends like a plural', 'تنها راه حل گفت‌وگو است'],
  ['«بیشتر», which ends like a comparative', 'قیمت‌ها بیشتر شد'],
  ['«بیشترین»', 'بیشترین رشد در بخش کشاورزی بود'],
  ['«بهتر», whose stem is too short', 'شرایط بهتر شد'],
  ['«فیلتر», whose stem has no superlative', 'فیلتر شکن ممنوع شد'],
  ['«دفتر»', 'دفتر ریاست جمهوری'],
  ['«انتها»', 'در انتها بیانیه خوانده شد'],
  // The lexicon does list «چشمترین», so «چشم تر» (wet eyes) would be joined: a known limit.
  ['«تر», the adjective "wet", after a noun', 'با دست تر به برق دست نزنید'],
  ['«می» the month', 'انتخابات در ماه می برگزار شد'],
  ['a glued plural after «ر»', 'کارها پیش رفت'],
  ['a glued plural after «د»', 'نهادها هشدار دادند'],
  ['a correct ZWNJ', `دولت می${Z}کوشد و همکاری${Z}ها ادامه دارد`],
  ['a web address', 'متن کامل در https://example.com/news/1402?id=12 آمده است'],
  ['a web address with Arabic letters in its path', 'https://fa.wikipedia.org/wiki/كرمان'],
  ['an address starting with www', 'www.example.ir/1402/11'],
  ['an e-mail address', 'با نشانی info1402@example.ir تماس بگیرید'],
  ['inline code', 'دستور `npm install 12` را اجرا کنید'],
  ['a Latin run with digits', 'ویروس COVID-19 شایع شد'],
  ['a product name and its number', 'گوشی iPhone 15 عرضه شد'],
  ['a number after a Latin word', 'Windows 11 منتشر شد'],
  ['a version number', 'نسخه 2.3.1 منتشر شد'],
  ['a number in a formula', 'رابطه x=12 برقرار است'],
  ['a line of Latin text', 'Tehran, Iran? 2024; see "news"'],
  ['a number with no Persian around it', '2024'],
  ['a thousands separator', 'قیمت 1,200 تومان'.replace('1,200', '۱,۲۰۰')],
  ['diacritics the author typed', 'حَصین و مُدرّس'],
  ['a diacritic inside a glued form', 'میکُنند'],
  ['a question mark before Latin', 'آیا?x'],
  ['a comma before a Latin word', 'تهران, Tehran'],
  ['quotes around a Latin word', 'شرکت "Apple" اعلام کرد'],
  ['an odd number of quotes', 'او گفت "تورم کاهش یافت و رفت'],
  ['quotes inside a word', 'ab"الف"cd'],
  ['already typeset text', `«تورم» در سال ۱۴۰۲، به ۴۰٪ رسید؛ چرا؟ کتاب${Z}ها می${Z}روند`],
  ['a single-letter word before «ها»', 'و ها'],
  ['a plural after a line break', 'کتاب\nها'],
];

for (const [what, input, expected] of fixes) {
  test(`fixes ${what}`, () => {
    assert.equal(fixTypography(input).text, expected);
  });
}

for (const [what, input] of untouched) {
  test(`leaves ${what} as written`, () => {
    const result = fixTypography(input);
    assert.deepEqual(result.suggestions, []);
    assert.equal(result.text, input);
  });
}

test('is idempotent: its output gets no suggestions', () => {
  for (const [, input] of [...fixes, ...untouched]) {
    const once = fixTypography(input).text;
    assert.deepEqual(fixTypography(once).suggestions, [], `again on ${once}`);
  }
});

test('suggestion offsets refer to the original text and replacing them gives the result', () => {
  for (const [, input] of fixes) {
    const { text, suggestions } = fixTypography(input);
    let rebuilt = '';
    let at = 0;
    for (const s of suggestions) {
      assert.ok(
        s.start >= at && s.end >= s.start && s.end <= input.length,
        `ordered and in range in ${input}`,
      );
      rebuilt += input.slice(at, s.start) + s.replacement;
      at = s.end;
    }
    assert.equal(rebuilt + input.slice(at), text);
  }
});

test('a detached «می» with Arabic letters is one suggestion spanning both words', () => {
  const input = 'آنها مي كنند';
  assert.deepEqual(fixTypography(input).suggestions, [
    { start: 5, end: 12, replacement: `می${Z}کنند`, rule: 'arabic-letters+zwnj' },
  ]);
});

test('a glued form is proposed on the whole word', () => {
  assert.deepEqual(fixTypography('دولت میکنند').suggestions, [
    { start: 5, end: 11, replacement: `می${Z}کنند`, rule: 'zwnj' },
  ]);
});

test('both quotes of a pair are one suggestion, so half a pair can never be applied', () => {
  const { suggestions } = fixTypography('گفت "بله" و رفت');
  assert.deepEqual(suggestions, [{ start: 4, end: 9, replacement: '«بله»', rule: 'quotes' }]);
});

test('every rule name is one of the documented rules', () => {
  for (const [, input] of fixes) {
    for (const s of fixTypography(input).suggestions) {
      for (const rule of s.rule.split('+'))
        assert.ok((typographyRules as readonly string[]).includes(rule), rule);
    }
  }
});

test('applying suggestions one at a time leaves the rest to be proposed again', () => {
  const input = 'کتاب ها در سال 1402 و مهمترین خبر, امروز';
  const first = fixTypography(input);
  assert.equal(first.suggestions.length, 4);
  const partly = applySuggestions(input, first.suggestions.slice(0, 1));
  assert.equal(partly, `کتاب${Z}ها در سال 1402 و مهمترین خبر, امروز`);
  const second = fixTypography(partly);
  assert.equal(second.suggestions.length, 3);
  assert.equal(second.text, first.text);
});

test('an empty text has nothing to fix', () => {
  assert.deepEqual(fixTypography(''), { text: '', suggestions: [] });
});

test('a long article is fixed in well under a second', () => {
  const paragraph = 'رئيس جمهور در سال 1402 گفت همکاری های دو کشور گسترش مي يابد, و مهمترین خبر "تورم" است. ';
  const article = paragraph.repeat(400);
  const started = performance.now();
  const result = fixTypography(article);
  assert.ok(performance.now() - started < 1000);
  assert.equal(result.suggestions.length, 400 * 7);
});
