import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createArticle, createImage } from '../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../test/support/test-app.js';
import { filesUnder } from '../../test/support/uploads.js';
import { loadConfig } from '../config/config.js';
import { BackupError, backupSite, restoreSite } from './backup.js';

describe('khabar backup and restore of an SQLite site', () => {
  let site: TestApp;
  let restored: TestApp | undefined;
  const scratch = mkdtempSync(path.join(tmpdir(), 'khabar-backup-'));
  const out = path.join(scratch, 'backup');
  const restoreDir = path.join(scratch, 'restored');

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    site = await buildTestApp(sqlite!);
    for (let i = 0; i < 5; i += 1) await createArticle(site.services, { title: `خبر پیش از پشتیبان ${i}` });
    await createImage(site.services, 'تصویر پیش از پشتیبان');
  });
  after(async () => {
    await restored?.close();
    await site?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up while articles keep being published, and the restored site serves every one the backup holds, identically', async () => {
    const before = new Set(
      (await site.services.db.selectFrom('articles').select('newsCode').execute()).map((a) => a.newsCode),
    );
    const mediaBefore = await filesUnder(site.services.media.mediaDir);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await createArticle(site.services, { title: `خبر هم‌زمان با پشتیبان ${written}` });
        written += 1;
        // Requests arrive through the event loop; a loop of promises alone would never let the backup run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await backupSite(site.config, out);
    writing = false;
    await writer;
    assert.ok(written > 0, 'articles were published while the backup ran');
    assert.ok(result.mediaFiles >= mediaBefore.length);

    await restoreSite(loadConfig({ KHABAR_DATA_DIR: restoreDir }), out);
    const [sqlite] = await enginesUnderTest();
    const copySite = await buildTestApp(sqlite!, { env: { KHABAR_DATA_DIR: restoreDir } });
    restored = copySite;
    const kept = (await restored.services.db.selectFrom('articles').select('newsCode').execute()).map(
      (a) => a.newsCode,
    );
    for (const newsCode of before) assert.ok(kept.includes(newsCode), `article ${newsCode} survived`);
    for (const newsCode of kept) {
      const url = `/api/v1/articles/${newsCode}`;
      const original = await site.app.inject({ method: 'GET', url });
      const copy = await copySite.app.inject({ method: 'GET', url });
      assert.equal(copy.statusCode, 200);
      assert.deepEqual(copy.json(), original.json());
    }
    const mediaAfter = await filesUnder(restored.services.media.mediaDir);
    for (const file of mediaBefore) {
      assert.ok(mediaAfter.includes(file), `${file} restored`);
      assert.deepEqual(
        readFileSync(path.join(restored.services.media.mediaDir, file)),
        readFileSync(path.join(site.services.media.mediaDir, file)),
      );
    }
    const db = new Database(
      restored.config.database.engine === 'sqlite' ? restored.config.database.file : '',
      {
        readonly: true,
      },
    );
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
    const home = await restored.app.inject({ method: 'GET', url: '/' });
    assert.equal(home.statusCode, 200);
  });

  it('refuses to back up into a folder that is not empty, and to restore from something that is not a backup', async () => {
    await assert.rejects(backupSite(site.config, out), BackupError);
    const junk = path.join(scratch, 'junk');
    rmSync(junk, { recursive: true, force: true });
    mkdirSync(junk);
    writeFileSync(path.join(junk, 'khabar.db'), 'not a database');
    await assert.rejects(
      restoreSite(loadConfig({ KHABAR_DATA_DIR: path.join(scratch, 'other') }), junk),
      BackupError,
    );
  });

  it('explains that a PostgreSQL site is backed up with pg_dump', async () => {
    const config = loadConfig({ KHABAR_DATA_DIR: scratch, DATABASE_URL: 'postgres://u:p@127.0.0.1/khabar' });
    await assert.rejects(backupSite(config, path.join(scratch, 'pg')), /pg_dump/);
  });
});
