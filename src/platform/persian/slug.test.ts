import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify } from './slug.js';

test('slugify joins the words of a Persian title with hyphens and drops Persian punctuation', () => {
  assert.equal(
    slugify('قیمت دلار امروز، ۷ بهمن ۱۴۰۲؛ آیا پایین می‌آید؟'),
    'قیمت-دلار-امروز-7-بهمن-1402-آیا-پایین-می-آید',
  );
});

test('slugify turns a zero-width non-joiner into a hyphen', () => {
  assert.equal(slugify('کتاب‌ها'), 'کتاب-ها');
});

test('slugify drops Persian quotation marks around a quote', () => {
  assert.equal(slugify('سخنگوی دولت: «تورم کاهش می‌یابد»'), 'سخنگوی-دولت-تورم-کاهش-می-یابد');
});

test('slugify replaces Arabic yeh, alef maksura, kaf and teh marbuta with their Persian forms', () => {
  assert.equal(slugify('كتاب عربي مدرسة مصطفى'), 'کتاب-عربی-مدرسه-مصطفی');
});

test('slugify removes Arabic diacritics and tatweel', () => {
  assert.equal(slugify('كِتَابٌ خـــبر رحمٰن'), 'کتاب-خبر-رحمن');
});

test('slugify converts Persian and Arabic-Indic digits to ASCII', () => {
  assert.equal(slugify('انتخابات ۱۴۰۳ و ٢٠٢٤'), 'انتخابات-1403-و-2024');
});

test('slugify maps Arabic presentation forms to ordinary letters', () => {
  assert.equal(slugify('\ufedb\ufe98\ufe8e\ufe8f'), 'کتاب');
});

test('slugify lowercases English words and drops ASCII punctuation in a mixed title', () => {
  assert.equal(slugify('Apple iPhone 15 در ایران: قیمت‌ها!'), 'apple-iphone-15-در-ایران-قیمت-ها');
});

test('slugify drops apostrophes inside English words', () => {
  assert.equal(slugify("It's Tehran's Day"), 'its-tehrans-day');
});

test('slugify strips accents from Latin letters', () => {
  assert.equal(slugify('Café Naderi'), 'cafe-naderi');
});

test('slugify collapses repeated hyphens and trims them at both ends', () => {
  assert.equal(slugify(' --خبر -- فوری-- '), 'خبر-فوری');
});

test('slugify cuts a long slug at the last hyphen within the limit', () => {
  assert.equal(slugify('خبر فوری از تهران', 10), 'خبر-فوری');
});

test('slugify keeps a whole last word that ends exactly at the limit', () => {
  assert.equal(slugify('one two three', 7), 'one-two');
});

test('slugify hard-cuts a single word longer than the limit', () => {
  assert.equal(slugify('abcdefghij', 4), 'abcd');
});

test('slugify limits slugs to 80 characters by default', () => {
  const slug = slugify('خبر '.repeat(40));
  assert.equal(slug.length, 79);
  assert.ok(!slug.endsWith('-'));
});

test('slugify returns an empty string when the title has no letters or digits', () => {
  assert.equal(slugify(' «؟!» … ، ؛ -- '), '');
});

test('slugify returns an empty string for a title in an unsupported script', () => {
  assert.equal(slugify('Москва 東京'), '');
});

test('slugify rejects a maxLength that is not a positive integer', () => {
  assert.throws(() => slugify('خبر', 0), RangeError);
});
