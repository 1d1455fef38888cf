import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { etagOf, PageCache } from './page-cache.js';

function page(key: string, tags: string[], size = 1000, ttlMs?: number) {
  return { key, headers: { 'content-type': 'text/html' }, body: Buffer.alloc(size, 'خ'), tags, ttlMs };
}

describe('PageCache', () => {
  it('answers a stored page and counts hits and misses', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    assert.equal(cache.get('/news/1'), undefined);
    cache.set(page('/news/1', ['article:1']));
    assert.equal(cache.get('/news/1')?.key, '/news/1');
    assert.deepEqual(
      { hits: cache.stats().hits, misses: cache.stats().misses, entries: cache.stats().entries },
      { hits: 1, misses: 1, entries: 1 },
    );
  });

  it('drops exactly the pages carrying a changed tag', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    cache.set(page('/', ['latest', 'article:1', 'article:2']));
    cache.set(page('/news/1', ['article:1', 'section:3']));
    cache.set(page('/news/2', ['article:2', 'section:4']));
    assert.equal(cache.invalidate(['article:1']), 2);
    assert.equal(cache.get('/'), undefined);
    assert.equal(cache.get('/news/1'), undefined);
    assert.ok(cache.get('/news/2'));
    assert.equal(cache.invalidate(['article:1', 'nothing']), 0);
  });

  it('evicts the least recently used page when over its byte budget', () => {
    const cache = new PageCache({ maxBytes: 3 * 1600 });
    cache.set(page('/a', []));
    cache.set(page('/b', []));
    cache.set(page('/c', []));
    cache.get('/a');
    cache.set(page('/d', []));
    assert.ok(cache.get('/a'));
    assert.equal(cache.get('/b'), undefined);
    assert.ok(cache.get('/c') && cache.get('/d'));
    assert.ok(cache.stats().bytes <= 3 * 1600);
    assert.equal(cache.stats().evicted, 1);
  });

  it('counts compressed forms against the budget, and evicts to make room for them', async () => {
    // Random bytes do not compress, so each compressed form costs about as much as the body.
    const noise = (key: string) => ({ ...page(key, []), body: randomBytes(1000) });
    const cache = new PageCache({ maxBytes: 2 * 1600 + 100 });
    cache.set(noise('/a'));
    cache.set(noise('/b'));
    const read = cache.get('/a') ?? assert.fail('kept');
    const before = cache.stats().bytes;
    const gzip = await cache.encode(read, 'gzip');
    assert.ok(gzip.length > 1000);
    assert.equal(cache.get('/b'), undefined, 'the least recently used page made room');
    assert.equal(cache.stats().bytes, before + gzip.length - (1000 + 2 + 512));
  });

  it('gives the first reader a quick form, and remakes it at full quality once the page is read again', async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const body = Buffer.from('<p>خبر فوری از تهران: بارش برف در بیشتر استان‌ها ادامه دارد.</p>'.repeat(200));
    const stored = cache.set({ ...page('/a', []), body });
    const quick = await cache.encodeForFirstReader(stored, 'br');
    assert.deepEqual(brotliDecompressSync(quick), body);
    assert.equal(cache.stored(stored, 'br'), quick);
    const quickTag = etagOf(stored, 'br');
    assert.equal(cache.stats().bytes, stored.bytes);

    cache.refine(stored, 'br');
    const full = await cache.encode(stored, 'br');
    assert.notEqual(full, quick);
    assert.ok(full.length < quick.length, `quality 5 (${full.length}) is smaller than 1 (${quick.length})`);
    assert.deepEqual(brotliDecompressSync(full), body);
    assert.notEqual(etagOf(stored, 'br'), quickTag, 'other bytes, another strong validator');
    assert.equal(cache.stats().bytes, stored.bytes, 'the kept size follows the swap');
    cache.refine(stored, 'br');
    assert.equal(cache.stored(stored, 'br'), full, 'a full form is kept as it is');
  });

  it('keeps only the bytes of a compressed form, not the zlib chunk it was written into', async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    // Random bytes hardly compress: each form is about 10 KB, inside zlib's 16 KB output chunk.
    const stored = cache.set({ ...page('/a', []), body: randomBytes(10_000) });
    for (const form of [await cache.encodeForFirstReader(stored, 'br'), await cache.encode(stored, 'gzip')]) {
      assert.ok(form.length > 9_000);
      assert.equal(form.buffer.byteLength, form.length);
    }
  });

  it('makes each compressed form once, even when asked for it twice at the same time, and keeps it', async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const stored = cache.set(page('/a', [], 5000));
    assert.equal(cache.stored(stored, 'br'), undefined);
    const [br, again] = await Promise.all([cache.encode(stored, 'br'), cache.encode(stored, 'br')]);
    assert.equal(again, br);
    assert.equal(cache.stored(stored, 'br'), br);
    assert.deepEqual(brotliDecompressSync(br), stored.body);
    assert.deepEqual(gunzipSync(await cache.encode(stored, 'gzip')), stored.body);
    assert.equal(cache.stored(stored, 'identity'), stored.body);
    assert.equal(cache.stats().bytes, stored.bytes);
  });

  it('expires a page with a TTL, and only that page', () => {
    let now = 1_000;
    const cache = new PageCache({ maxBytes: 1_000_000, now: () => now });
    cache.set(page('/most-viewed', [], 100, 5_000));
    cache.set(page('/news/1', ['article:1']));
    now += 4_999;
    assert.ok(cache.get('/most-viewed'));
    now += 1;
    assert.equal(cache.get('/most-viewed'), undefined);
    assert.ok(cache.get('/news/1'));
    assert.equal(cache.stats().entries, 1);
  });

  it('replaces a page stored again under the same key, with its new tags only', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    cache.set(page('/', ['article:1']));
    cache.set(page('/', ['article:2']));
    assert.equal(cache.invalidate(['article:1']), 0);
    assert.equal(cache.invalidate(['article:2']), 1);
    assert.equal(cache.stats().bytes, 0);
  });

  it('answers a page bigger than the whole budget without keeping it', () => {
    const cache = new PageCache({ maxBytes: 500 });
    const big = cache.set(page('/', [], 2000));
    assert.equal(big.body.length, 2000);
    assert.equal(cache.get('/'), undefined);
    assert.equal(cache.stats().bytes, 0);
  });

  it('gives each encoding its own strong ETag from the content', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const a = cache.set(page('/a', []));
    const b = cache.set(page('/b', []));
    assert.equal(etagOf(a, 'identity'), etagOf(b, 'identity'), 'same bytes, same validator');
    assert.match(etagOf(a, 'br'), /^"[\w-]+-br"$/);
    assert.notEqual(etagOf(a, 'gzip'), etagOf(a, 'br'));
  });
});
