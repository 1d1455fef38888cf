import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrieV3, persianLexicon } from './typography-lexicon.js';

// car, cat, cats, dog, dogs, x1 — the way cspell-tools writes them: «dog» shares the node of «cat»
// (a word with the one child «s») through the reference #3; «\1» is an escaped digit.
const SMALL_TRIE = [
  '#!/usr/bin/env cspell-trie reader',
  'TrieXv3',
  'base=10',
  '# Data:',
  '__DATA__',
  'car$ts$$3dog#3;<3x\\1$2',
  '',
].join('\n');

test('reads words, shared suffixes, back steps and escapes of a TrieXv3 file', () => {
  const lexicon = parseTrieV3(SMALL_TRIE);
  for (const word of ['car', 'cat', 'cats', 'dog', 'dogs', 'x1']) assert.equal(lexicon.has(word), true, word);
  for (const word of ['', 'c', 'ca', 'do', 'cas', 'cars', 'dogss', 'x', 'x1s'])
    assert.equal(lexicon.has(word), false, word);
});

test('refuses a file in another format rather than knowing no words', () => {
  assert.throws(() => parseTrieV3('TrieXv4\nbase=32\n__DATA__\nab$'), /not a TrieXv3/);
  assert.throws(() => parseTrieV3('car$ts$$3'), /not a TrieXv3/);
});

test('refuses a reference to a node that does not exist', () => {
  assert.throws(() => parseTrieV3('TrieXv3\nbase=10\n__DATA__\nab#9;'), /unknown node/);
});

test('the Persian lexicon from @cspell/dict-fa-ir knows news words and not glued verb prefixes', () => {
  const lexicon = persianLexicon();
  for (const word of ['کنند', 'نکنند', 'همکاری', 'میان', 'میلیون', 'میدان', 'تنها', 'بیشتر', 'بزرگترین']) {
    assert.equal(lexicon.has(word), true, word);
  }
  for (const word of ['میکنند', 'نمیکند', 'ايران', 'كتاب']) assert.equal(lexicon.has(word), false, word);
  assert.ok(lexicon.nodeCount > 10_000);
});

test('the Persian lexicon is loaded once per process', () => {
  assert.equal(persianLexicon(), persianLexicon());
});
