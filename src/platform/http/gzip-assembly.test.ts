import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { crc32, gunzipSync } from 'node:zlib';
import { assembleGzip, crc32Combine, deflatePart } from './gzip-assembly.js';

describe('crc32Combine', () => {
  it('gives the CRC-32 of two texts one after the other, as zlib computes it over both', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['a', ''],
      ['', 'b'],
      ['abc', 'def'],
      ['<p>خبر فوری</p>'.repeat(700), 'سایر اخبار'.repeat(9000)],
    ];
    for (const [a, b] of cases) {
      assert.equal(
        crc32Combine(crc32(a), crc32(b), Buffer.byteLength(b)),
        crc32(a + b),
        `${a.length}+${b.length}`,
      );
    }
  });
});

describe('assembleGzip', () => {
  const pieces = [
    '<!doctype html><html lang="fa" dir="rtl"><head><title>خبر</title></head><body>',
    '',
    `<article>${'<p>متن خبر با نیم‌فاصله و «گیومه».</p>'.repeat(3000)}</article>`,
    '<aside>پربازدیدها</aside></body></html>',
  ];

  it('puts separately compressed parts together into one gzip stream of the whole text', () => {
    const body = assembleGzip(pieces.map((piece) => deflatePart(piece)));
    assert.equal(gunzipSync(body).toString(), pieces.join(''));
  });

  it('is read by the gzip program too, which checks the CRC and the length', () => {
    const body = assembleGzip(pieces.map((piece, i) => deflatePart(piece, i % 2 === 0 ? 1 : 9)));
    assert.equal(execFileSync('gzip', ['-dc'], { input: body }).toString(), pieces.join(''));
  });

  it('makes an empty page from no parts', () => {
    assert.equal(gunzipSync(assembleGzip([])).length, 0);
  });
});
