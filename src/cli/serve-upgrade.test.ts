import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { createArticle } from '../../test/support/factories.js';
import { get, startServer } from '../../test/support/khabar-process.js';
import { buildTestApp, type TestApp } from '../../test/support/test-app.js';
import { waitFor } from '../../test/support/wait.js';
import * as searchPublicPrefix from '../migrations/20261130T0007_search_public_prefix.js';

/** How many results the search page lists (its empty state lists the latest news instead). */
const results = async (origin: string, q: string) =>
  (await get(origin, `/search?q=${encodeURIComponent(q)}`)).body.split('class="search-result"').length - 1;

describe('a start after an upgrade that emptied the search index', { timeout: 120_000 }, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ name: 'sqlite', skip: false });
  });
  after(() => t?.close());

  it('serves before the index is rebuilt, and a start after a failed rebuild rebuilds it', async () => {
    for (const title of ['سیل در جنوب استان سیستان', 'سیلاب جاده‌های شمال را بست']) {
      await createArticle(t.services, { title });
    }
    assert.equal(await t.services.search.search({ q: 'سیل' }).then((r) => r.total), 2);
    // `khabar migrate` applied the migration: this start applies none, the tables tell.
    await searchPublicPrefix.up(t.services.db);
    if (t.config.database.engine !== 'sqlite') throw new Error('a SQLite test');

    // Another process holds the write lock until the site answers and longer than a write waits
    // (5 s): the rebuild cannot write, but reading the site needs no lock.
    const other = new SQLite(t.config.database.file);
    other.exec('begin immediate');
    const first = await startServer(t, []);
    try {
      // Answered while the lock is still held: a start that waited for the rebuild never would.
      assert.equal((await get(first.origin, '/')).status, 200);
      // The rebuild tried its first write as the site was handed over, before it answered: after
      // 5 s more it has given up.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      other.exec('rollback');
      assert.equal(await results(first.origin, 'سیل'), 0, 'the rebuild gave up');
    } finally {
      other.close();
      await first.stop();
    }

    const second = await startServer(t, []);
    try {
      await waitFor(
        async () => (await results(second.origin, 'سیل')) === 2,
        'the rebuilt index finds both',
        30_000,
      );
    } finally {
      await second.stop();
    }
  });
});
