import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reindexProgressBar } from './reindex-progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

test('reindexProgressBar redraws one line on a terminal and ends it when done', () => {
  const { stream, writes } = fakeStream(true);
  const draw = reindexProgressBar(stream, performance.now() - 2000);
  draw({ done: 50, total: 100 });
  draw({ done: 100, total: 100 });
  assert.match(writes[0] ?? '', /^\r\[#{15}\.{15}\] 50\/100 articles, \d+\/s$/);
  assert.match(writes[1] ?? '', /^\r\[#{30}\] 100\/100 articles, \d+\/s\n$/);
});

test('reindexProgressBar writes a line per tenth when stderr is not a terminal', () => {
  const { stream, writes } = fakeStream(false);
  const draw = reindexProgressBar(stream);
  for (let done = 0; done <= 1000; done += 5) draw({ done, total: 1000 });
  assert.equal(writes.length, 11);
});

test('reindexProgressBar shows an empty site as complete', () => {
  const { stream, writes } = fakeStream(false);
  reindexProgressBar(stream)({ done: 0, total: 0 });
  assert.match(writes[0] ?? '', /\[#{30}\] 0\/0 articles/);
});
