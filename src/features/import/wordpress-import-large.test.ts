import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { toPersianDigits } from '../../platform/persian/digits.js';
import { rowCounts } from './import-test-support.js';
import { importWordPress } from './wordpress-import-service.js';
import { writeGeneratedWxr } from './wxr-generator.js';

// The exports are generated here, not committed: Persian posts by five writers in four
// categories, with tags and comments (about 20 MB for 5,000). PostgreSQL imports a fifth
// as many: each article is several round trips there, and the suite must stay minutes long.
const postsOn = { sqlite: 5000, postgres: 1000 } as const;
const dir = mkdtempSync(path.join(tmpdir(), 'khabar-wxr-large-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of await enginesUnderTest()) {
  const posts = postsOn[engine.name];
  const file = path.join(dir, `large-${posts}.wxr.xml`);
  await writeGeneratedWxr(file, posts);
  describe(`a ${posts}-post WordPress export on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    it('imports every post, its comments and its old addresses, and indexes them for search', async () => {
      const report = await importWordPress(t.services, { file, dryRun: false });
      assert.equal(report.counts.posts.imported, posts);
      assert.equal(report.counts.comments.imported, posts / 10);
      assert.equal(report.counts.authors.imported, 5);
      assert.equal(report.counts.sections.imported, 2, 'two of the four categories join default sections');
      const counts = await rowCounts(t.services.db);
      assert.equal(counts.articles, posts);
      const last = posts - 1;
      const found = await t.app.inject(
        `/api/v1/search?q=${encodeURIComponent(toPersianDigits(String(last)))}`,
      );
      assert.ok(found.json().items.some((i: { title: string }) => i.title.endsWith(` ${last}`)));
      const old = await t.app.inject(`/?p=${1000 + last}`);
      assert.equal(old.statusCode, 301);
      assert.match(String(old.headers.location), /^\/news\/\d+\//);
    });

    it('creates nothing on a second run over the same export', async () => {
      const before = await rowCounts(t.services.db);
      const again = await importWordPress(t.services, { file, dryRun: false });
      assert.equal(again.counts.posts.alreadyImported, posts);
      assert.equal(again.counts.posts.imported, 0);
      assert.deepEqual(await rowCounts(t.services.db), before);
    });
  });
}
