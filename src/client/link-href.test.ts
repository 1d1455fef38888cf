import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeLinkHref } from './link-href.js';

describe('normalizeLinkHref', () => {
  it('keeps http, https and mailto links', () => {
    assert.equal(normalizeLinkHref(' https://isna.ir/news/1 '), 'https://isna.ir/news/1');
    assert.equal(normalizeLinkHref('http://example.com'), 'http://example.com');
    assert.equal(normalizeLinkHref('mailto:news@example.com'), 'mailto:news@example.com');
  });

  it('refuses javascript: links, however they are disguised', () => {
    assert.equal(normalizeLinkHref('javascript:alert(1)'), null);
    assert.equal(normalizeLinkHref(' JavaScript:alert(1)'), null);
    assert.equal(normalizeLinkHref('java\tscript:alert(1)'), null);
  });

  it('refuses other schemes such as data:', () => {
    assert.equal(normalizeLinkHref('data:text/html,hi'), null);
  });

  it('keeps site-relative paths and fragments', () => {
    assert.equal(normalizeLinkHref('/news/291347'), '/news/291347');
    assert.equal(normalizeLinkHref('#part-2'), '#part-2');
  });

  it('adds https to a bare domain and to a protocol-relative link', () => {
    assert.equal(normalizeLinkHref('isna.ir/news'), 'https://isna.ir/news');
    assert.equal(normalizeLinkHref('//isna.ir'), 'https://isna.ir');
  });

  it('refuses empty input and plain words', () => {
    assert.equal(normalizeLinkHref('   '), null);
    assert.equal(normalizeLinkHref('خبر'), null);
  });
});
