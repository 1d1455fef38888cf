import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseWxrGmt, type WxrRecord } from './wxr.js';
import { readWxr, WxrFormatError } from './wxr-reader.js';

const fixture = new URL('./fixtures/persian-news.wxr.xml', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'khabar-wxr-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string): Promise<WxrRecord[]> {
  const records: WxrRecord[] = [];
  for await (const record of readWxr(file)) records.push(record);
  return records;
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

test('the reader hands over the site first, then authors, terms and items as the export lists them', async () => {
  const records = await readAll(fixture);
  const [first] = records;
  assert.deepEqual(first, {
    type: 'site',
    site: {
      title: 'خبرگزاری نمونه',
      siteUrl: 'https://khabar-wp.example.ir',
      blogUrl: 'https://khabar-wp.example.ir',
      wxrVersion: '1.2',
    },
  });
  const count = (type: string) => records.filter((r) => r.type === type).length;
  assert.equal(count('author'), 3);
  assert.equal(count('category'), 5);
  assert.equal(count('tag'), 3);
  assert.equal(count('item'), 14);
});

test('an item carries its fields, terms, meta and comments', async () => {
  const records = await readAll(fixture);
  const post = records.find((r) => r.type === 'item' && r.item.postId === '201');
  assert.ok(post?.type === 'item');
  const { item } = post;
  assert.equal(item.title, 'تورم دي‌ماه به ۳۵ درصد رسيد');
  assert.equal(item.postType, 'post');
  assert.equal(item.status, 'publish');
  assert.equal(item.creator, 'sara');
  assert.equal(item.isSticky, true);
  assert.equal(item.meta._thumbnail_id, '100');
  assert.ok(item.content.startsWith('بانک مرکزي امروز'));
  assert.ok(item.content.includes('[caption id="attachment_100"'));
  assert.deepEqual(
    item.terms.map((t) => [t.domain, t.name]),
    [
      ['category', 'اقتصادی'],
      ['post_tag', 'بانک مرکزی'],
      ['post_tag', 'تورم'],
    ],
  );
  assert.equal(item.comments.length, 6);
  assert.equal(item.comments[1]?.parentId, '501');
  assert.equal(parseWxrGmt(item.postDateGmt)?.toISOString(), '2024-01-27T08:55:00.000Z');
  assert.equal(parseWxrGmt('0000-00-00 00:00:00'), undefined);
});

test('malformed XML stops the reader with the line, after the records before it', async () => {
  const text = readFileSync(fixture, 'utf8');
  const broken = text.replace('<wp:post_id>203</wp:post_id>', '<wp:post_id>203</wp:post_idd>');
  const file = writeFile('broken.xml', broken);
  const seen: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const record of readWxr(file)) if (record.type === 'item') seen.push(record.item.postId);
    })(),
    (error: unknown) => {
      const line = broken.slice(0, broken.indexOf('</wp:post_idd>')).split('\n').length;
      return error instanceof WxrFormatError && error.message.startsWith(`line ${line}, column`);
    },
  );
  assert.deepEqual(seen, ['201', '202']);
});

test('a truncated export is an error, not a silent end', async () => {
  const text = readFileSync(fixture, 'utf8');
  const file = writeFile('truncated.xml', text.slice(0, Math.floor(text.length / 2)));
  await assert.rejects(readAll(file), WxrFormatError);
});

test('a file that is not a WordPress export is refused before anything is read from it', async () => {
  const html = writeFile('page.html', '<html><body>hi</body></html>');
  await assert.rejects(readAll(html), /not a WordPress export \(WXR\): the document starts with <html>/);
  const rss = writeFile(
    'feed.xml',
    '<rss version="2.0"><channel><title>x</title><item><title>y</title></item></channel></rss>',
  );
  await assert.rejects(readAll(rss), /not a WordPress export \(WXR\): the channel has no wp:wxr_version/);
});

test('control characters that XML forbids are dropped instead of stopping the import', async () => {
  const text = readFileSync(fixture, 'utf8').replace(
    'خط ۱۰ متروی تهران پس از',
    'خط ۱۰ متروی\u000b تهران پس از',
  );
  const records = await readAll(writeFile('control.xml', text));
  const post = records.find((r) => r.type === 'item' && r.item.postId === '202');
  assert.ok(post?.type === 'item' && post.item.content.includes('متروی تهران'));
});
