import assert from 'node:assert/strict';
import { test } from 'node:test';
import { homeQueryKey, oldPathKey } from './redirect.js';
import { isRoutedTarget } from './redirect-service.js';

const persian = '/2024/01/27/%D8%AA%D9%88%D8%B1%D9%85/';

test('an old path has one key whatever the case of its percent-encoding and its trailing slash', () => {
  assert.equal(oldPathKey(persian), '/2024/01/27/تورم');
  assert.equal(oldPathKey(persian.toLowerCase()), '/2024/01/27/تورم');
  assert.equal(oldPathKey('/2024/01/27/تورم'), '/2024/01/27/تورم');
  assert.equal(oldPathKey('//Category//News/?utm_source=x#top'), '/category/news');
  assert.equal(oldPathKey('/'), '/');
});

test('what cannot be a path has no key', () => {
  assert.equal(oldPathKey('%E0%A4%A'), undefined);
  assert.equal(oldPathKey('/%E0%A4%A'), undefined);
  assert.equal(oldPathKey('https://x.ir/a'), undefined);
});

test('only WordPress plain addresses of the home page have a key', () => {
  assert.equal(homeQueryKey({ p: '123' }), '/?p=123');
  assert.equal(homeQueryKey({ cat: '7' }), '/?cat=7');
  assert.equal(homeQueryKey({ p: '12a' }), undefined);
  assert.equal(homeQueryKey({ s: 'tehran' }), undefined);
  assert.equal(homeQueryKey({ p: ['1', '2'] }), undefined);
});

test('targets are only addresses a route answers itself, so redirects cannot chain or loop', () => {
  assert.ok(isRoutedTarget('/news/100001/x'));
  assert.ok(isRoutedTarget('/section/economy'));
  assert.ok(isRoutedTarget('/tag/x'));
  assert.ok(!isRoutedTarget('/2024/01/27/x'));
  assert.ok(!isRoutedTarget('https://evil.example/'));
});
