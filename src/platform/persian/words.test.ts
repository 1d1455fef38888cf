import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countWords, wordCountText } from './words.js';

describe('countWords', () => {
  it('counts Persian words separated by spaces and line breaks', () => {
    assert.equal(countWords('مجلس بودجه را\nتصویب کرد'), 5);
  });

  it('keeps a word joined by a zero-width non-joiner as one word', () => {
    assert.equal(countWords('کتاب\u200cها را می\u200cخوانند'), 3);
  });

  it('does not count punctuation standing alone', () => {
    assert.equal(countWords('سلام ، دنیا — !'), 2);
  });

  it('counts numbers in any script as words', () => {
    assert.equal(countWords('سال ۱۴۰۵ و 2026'), 4);
  });

  it('returns zero for empty or blank text', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords(' \n\u00a0 '), 0);
  });
});

describe('wordCountText', () => {
  it('prints the count in Persian digits', () => {
    assert.equal(wordCountText(234), '۲۳۴ واژه');
  });
});
