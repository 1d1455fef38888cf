import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importProgressBar } from './import-progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

test('the import bar shows the phase, the share of the file read, records and their rate', () => {
  const { stream, writes } = fakeStream(true);
  let now = 0;
  const draw = importProgressBar(stream, () => now);
  draw({ phase: 'posts', bytesRead: 0, totalBytes: 10 * 1_048_576, records: 0 });
  now = 2000;
  draw({ phase: 'posts', bytesRead: 5 * 1_048_576, totalBytes: 10 * 1_048_576, records: 400 });
  assert.equal(writes[1], `\rposts  [${'#'.repeat(15)}${'.'.repeat(15)}] 50% of 10.0 MB, 400 items, 200/s`);
});

test('a new phase starts a new line and its own rate', () => {
  const { stream, writes } = fakeStream(true);
  let now = 0;
  const draw = importProgressBar(stream, () => now);
  draw({ phase: 'media', bytesRead: 10, totalBytes: 10, records: 3 });
  now = 1000;
  draw({ phase: 'posts', bytesRead: 1, totalBytes: 10, records: 0 });
  assert.equal(writes[1], '\n');
  assert.match(writes[2] ?? '', /^\rposts +\[#{3}\.{27}\] 10% .* 0 items, 0\/s$/);
});

test('off a terminal the bar writes a line per tenth of the file', () => {
  const { stream, writes } = fakeStream(false);
  const draw = importProgressBar(stream, () => 0);
  for (let read = 0; read <= 1000; read += 5)
    draw({ phase: 'posts', bytesRead: read, totalBytes: 1000, records: read });
  assert.equal(writes.length, 11);
});
