import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPersianNumber, toAsciiDigits, toPersianDigits } from './digits.js';

test('toPersianDigits converts every ASCII digit to its Persian counterpart', () => {
  assert.equal(toPersianDigits('0123456789'), '۰۱۲۳۴۵۶۷۸۹');
});

test('toPersianDigits converts Arabic-Indic digits to Persian digits', () => {
  assert.equal(toPersianDigits('٠١٢٣٤٥٦٧٨٩'), '۰۱۲۳۴۵۶۷۸۹');
});

test('toPersianDigits leaves letters and punctuation untouched', () => {
  assert.equal(toPersianDigits('ساعت 12:05، صفحه ۳ of 10'), 'ساعت ۱۲:۰۵، صفحه ۳ of ۱۰');
});

test('toPersianDigits renders numbers without digit grouping', () => {
  assert.equal(toPersianDigits(1234567), '۱۲۳۴۵۶۷');
});

test('toPersianDigits keeps the sign and decimal point of a number', () => {
  assert.equal(toPersianDigits(-3.25), '-۳.۲۵');
});

test('toAsciiDigits converts every Persian digit to ASCII', () => {
  assert.equal(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
});

test('toAsciiDigits converts Arabic-Indic digits to ASCII', () => {
  assert.equal(toAsciiDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
});

test('toAsciiDigits leaves letters and ASCII digits untouched', () => {
  assert.equal(toAsciiDigits('شماره ۱۲ و 34'), 'شماره 12 و 34');
});

test('toAsciiDigits undoes toPersianDigits', () => {
  assert.equal(toAsciiDigits(toPersianDigits('2024-01-27')), '2024-01-27');
});

test('formatPersianNumber groups thousands with the Persian separator', () => {
  assert.equal(formatPersianNumber(12345), '۱۲٬۳۴۵');
});

test('formatPersianNumber does not group numbers below one thousand', () => {
  assert.equal(formatPersianNumber(999), '۹۹۹');
});

test('formatPersianNumber uses the Persian decimal separator', () => {
  assert.equal(formatPersianNumber(1234.5), '۱٬۲۳۴٫۵');
});
