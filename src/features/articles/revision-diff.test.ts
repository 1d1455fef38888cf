import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLines, diffWords } from './revision-diff.js';

const render = (parts: ReturnType<typeof diffWords>) =>
  parts.map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? `[+${p.text}]` : `[-${p.text}]`)).join('');

describe('diffWords', () => {
  it('marks the words that changed and keeps the rest', () => {
    const parts = diffWords('نرخ تورم ماهانه کاهش یافت', 'نرخ تورم سالانه کاهش یافت');
    assert.equal(render(parts), 'نرخ تورم [-ماهانه][+سالانه] کاهش یافت');
  });

  it('gives back both texts: the same and removed parts make the old one, same and added the new one', () => {
    const before = 'یک دو سه چهار پنج شش';
    const after = 'یک سه چهار هفت پنج شش هشت';
    const parts = diffWords(before, after);
    assert.equal(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
      before,
    );
    assert.equal(
      parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
      after,
    );
  });

  it('sets punctuation apart, so a comma added after a word marks only the comma', () => {
    assert.equal(render(diffWords('در تهران برگزار شد', 'در تهران، برگزار شد')), 'در تهران[+،] برگزار شد');
  });

  it('treats a word joined by a zero-width non-joiner as one word', () => {
    assert.equal(render(diffWords('می‌رود به خانه', 'می‌رود به مدرسه')), 'می‌رود به [-خانه][+مدرسه]');
  });

  it('answers identical texts with one unchanged part, and copes with texts too long for the table', () => {
    assert.deepEqual(diffWords('متن', 'متن'), [{ op: 'same', text: 'متن' }]);
    const long = Array.from({ length: 3000 }, (_, i) => `واژه${i}`).join(' ');
    const other = Array.from({ length: 3000 }, (_, i) => `کلمه${i}`).join(' ');
    const parts = diffWords(long, other);
    assert.deepEqual(
      parts.map((p) => p.op),
      ['removed', 'added'],
    );
  });
});

describe('bodyLines', () => {
  it('puts each block of a body on its own line, without markup', () => {
    assert.equal(
      bodyLines('<h2>عنوان</h2><p>بند <strong>اول</strong></p><ul><li>یک</li><li>دو</li></ul>'),
      'عنوان\nبند اول\nیک\nدو',
    );
  });
});
