import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchQuery } from '../../platform/persian/search-key.js';
import { matchSpans } from './search-snippet.js';

const marked = (text: string, query: string) =>
  matchSpans(text, searchQuery(query)).map(([start, end]) => text.slice(start, end));

test('a highlight marks a compound as the author wrote it', () => {
  assert.deepEqual(marked('دیدار نخست‌وزیر با رئیس مجلس', 'نخست وزیر'), ['نخست‌وزیر']);
});

test('a highlight for میدان leaves a verb written with its prefix apart unmarked', () => {
  assert.deepEqual(marked('مردم در میدان می‌دانند و می دانند', 'میدان'), ['میدان']);
});

test('a highlight for a glued verb marks it in every spelling', () => {
  assert.deepEqual(marked('می‌کنند، میکنند، می کنند؛ نمی‌کنند', 'میکنند'), ['می‌کنند', 'میکنند', 'می کنند']);
});
