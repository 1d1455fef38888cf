import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from './page-cache.js';
import { TaggedMemo } from './tagged-memo.js';

function counter<T>(value: T) {
  const calls = { n: 0 };
  const load = async () => {
    calls.n++;
    return value;
  };
  return { calls, load };
}

describe('TaggedMemo', () => {
  it('loads a value once and answers it again until a tag it carries changes', async () => {
    const memo = new TaggedMemo({ maxEntries: 10 });
    const { calls, load } = counter(['تیتر ۱', 'تیتر ۲']);
    const policy = { tags: ['section:3', 'article:7'] };
    assert.deepEqual(await memo.remember('section-newest:3', policy, load), ['تیتر ۱', 'تیتر ۲']);
    await memo.remember('section-newest:3', policy, load);
    assert.equal(calls.n, 1);
    assert.equal(memo.invalidate(['tag:9']), 0, 'another tag leaves it');
    assert.ok(memo.has('section-newest:3'));
    assert.equal(memo.invalidate(['article:7']), 1);
    assert.equal(memo.has('section-newest:3'), false);
    await memo.remember('section-newest:3', policy, load);
    assert.equal(calls.n, 2);
  });

  it('shares one load among concurrent callers, and keeps no failure', async () => {
    const memo = new TaggedMemo({ maxEntries: 10 });
    let loads = 0;
    let release: (v: string) => void = () => {};
    const load = () => {
      loads++;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const both = Promise.all([
      memo.remember('k', { tags: [] }, load),
      memo.remember('k', { tags: [] }, load),
    ]);
    release('یک بار');
    assert.deepEqual(await both, ['یک بار', 'یک بار']);
    assert.equal(loads, 1);

    await assert.rejects(
      memo.remember('broken', { tags: [] }, () => Promise.reject(new Error('database away'))),
    );
    assert.equal(await memo.remember('broken', { tags: [] }, async () => 'back'), 'back');
  });

  it('does not keep a value loaded while an invalidation happened: it may predate the change', async () => {
    const memo = new TaggedMemo({ maxEntries: 10 });
    let release: (v: string) => void = () => {};
    const loading = memo.remember(
      'k',
      { tags: ['article:1'] },
      () => new Promise<string>((r) => (release = r)),
    );
    memo.invalidate(['article:1']);
    release('before the edit');
    assert.equal(await loading, 'before the edit');
    assert.equal(memo.has('k'), false);
  });

  it('forgets a value after its time, and the least recently used beyond its bound', async () => {
    let now = 1_000;
    const memo = new TaggedMemo({ maxEntries: 2, now: () => now });
    await memo.remember('viewed', { tags: [], ttlMs: 60_000 }, async () => 1);
    now += 60_001;
    assert.equal(memo.has('viewed'), false);
    const bounded = new TaggedMemo({ maxEntries: 2, defaultTtlMs: 300_000, now: () => now });
    await bounded.remember('teaser', { tags: ['article:1'] }, async () => 'written by an import');
    now += 299_000;
    assert.ok(bounded.has('teaser'));
    now += 1_001;
    assert.equal(bounded.has('teaser'), false, 'a value without its own time still ends');
    await memo.remember('a', { tags: ['x'] }, async () => 'a');
    await memo.remember('b', { tags: ['x'] }, async () => 'b');
    await memo.remember('a', { tags: ['x'] }, async () => 'again');
    await memo.remember('c', { tags: ['x'] }, async () => 'c');
    assert.deepEqual([memo.has('a'), memo.has('b'), memo.has('c')], [true, false, true]);
    assert.equal(memo.size, 2);
  });

  it('is dropped with the page cache it is linked to, as events from other processes arrive', async () => {
    const pages = new PageCache({ maxBytes: 1_000_000 });
    const memo = new TaggedMemo({ maxEntries: 10 });
    pages.alsoDrop(memo);
    await memo.remember('summary:5', { tags: ['article:5', 'frame'] }, async () => 'teaser');
    await memo.remember('summary:6', { tags: ['article:6', 'frame'] }, async () => 'teaser');
    pages.invalidate(['article:5']);
    assert.deepEqual([memo.has('summary:5'), memo.has('summary:6')], [false, true]);
    pages.clear();
    assert.equal(memo.size, 0);
  });
});
