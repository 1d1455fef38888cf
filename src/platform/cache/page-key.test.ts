import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageKey } from './page-key.js';

describe('pageKey', () => {
  it('keeps the path of a page as it is', () => {
    assert.equal(pageKey('/news/100046/%D8%AE%D8%A8%D8%B1'), '/news/100046/%D8%AE%D8%A8%D8%B1');
    assert.equal(pageKey('/'), '/');
  });

  it('ignores a trailing slash, as the router does', () => {
    assert.equal(pageKey('/section/politics/'), '/section/politics');
    assert.equal(pageKey('/?'), '/');
  });

  it('drops campaign and click-id parameters so a shared link is one page', () => {
    assert.equal(pageKey('/news/1/x?utm_source=telegram&utm_medium=social&fbclid=abc'), '/news/1/x');
    assert.equal(pageKey('/section/sport?gclid=1&before=abc'), '/section/sport?before=abc');
  });

  it('sorts the parameters that choose what a page shows', () => {
    assert.equal(
      pageKey('/archive/1405/09/08?section=sport&page=2'),
      pageKey('/archive/1405/09/08?page=2&section=sport'),
    );
    assert.notEqual(pageKey('/archive/1405/09/08?page=2'), pageKey('/archive/1405/09/08?page=3'));
  });
});
