import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { rowCounts } from './import-test-support.js';
import { importWordPress } from './wordpress-import-service.js';
import { writeGeneratedWxr } from './wxr-generator.js';

const posts = 5000;

// The export is generated here, not committed: 5,000 Persian posts by five writers in four
// categories, with tags and comments (about 20 MB).
const dir = mkdtempSync(path.join(tmpdir(), 'khabar-wxr-large-'));
const file = path.join(dir, 'large.wxr.xml');
await writeGeneratedWxr(file, posts);
after(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of await enginesUnderTest()) {
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
      const found = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('۴۹۹۹')}`);
      assert.ok(found.json().items.some((i: { title: string }) => i.title.endsWith(' 4999')));
      const old = await t.app.inject('/?p=5999');
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
