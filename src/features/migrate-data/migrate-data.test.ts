import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createArticle, createImage, createUserWithToken } from '../../../test/support/factories.js';
import { createScratchDatabase, type ScratchDatabase } from '../../../test/support/scratch-database.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { buildApp } from '../../app.js';
import { openMigratedDatabase } from '../../cli/prepare.js';
import { loadConfig } from '../../config/config.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { systemActor } from '../users/user.js';

const bin = fileURLToPath(new URL('../../../bin/khabar.js', import.meta.url));
const run = promisify(execFile);
const engines = await enginesUnderTest();
const postgres = engines.find((engine) => engine.name === 'postgres');
const sqlite = engines.find((engine) => engine.name === 'sqlite');

const movedTables = [
  'users',
  'api_tokens',
  'sections',
  'tags',
  'images',
  'articles',
  'article_revisions',
  'article_tags',
  'comments',
  'article_views_hourly',
  'news_code_counter',
];

async function counts(db: DatabaseHandle['db']): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of movedTables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    result[table] = Number(rows[0]?.n);
  }
  return result;
}

describe('khabar migrate-data from SQLite to PostgreSQL', {
  skip: postgres?.skip || sqlite?.skip,
  timeout: 180_000,
}, () => {
  let site: TestApp;
  let target: ScratchDatabase;
  let titled: { newsCode: number; slug: string; title: string };
  const khabar = (args: string[]) =>
    run(process.execPath, [bin, ...args], {
      env: { ...process.env, KHABAR_DATA_DIR: site.config.dataDir, KHABAR_DEMO: 'off', LOG_LEVEL: 'warn' },
      timeout: 120_000,
    });

  before(async () => {
    if (!sqlite || !postgres?.postgresUrl) return;
    site = await buildTestApp(sqlite, { env: { DATABASE_URL: 'sqlite:khabar.db' } });
    target = await createScratchDatabase(postgres.postgresUrl);
    const { services } = site;
    await createUserWithToken(services, 'editor');
    const cover = await createImage(services);
    const article = await createArticle(services, {
      title: 'سیل در گیلان و مازندران',
      coverImageId: cover.id,
    });
    await services.articles.update(systemActor, article.newsCode, { lead: 'آب رودخانه‌ها بالا آمد.' });
    for (let i = 0; i < 30; i++) await createArticle(services);
    titled = { newsCode: article.newsCode, slug: article.slug, title: 'سیل در گیلان و مازندران' };
    services.views.record(article.id, { ip: '10.0.0.1', userAgent: 'Mozilla/5.0 Firefox/128.0' });
    services.views.record(article.id, { ip: '10.0.0.2', userAgent: 'Mozilla/5.0 Firefox/128.0' });
    await services.views.flush();
    const comment = await services.comments.submit({
      newsCode: article.newsCode,
      name: 'خواننده',
      email: 'reader@example.com',
      body: 'امیدوارم آب زودتر فروکش کند.',
      parentId: '',
      honeypot: '',
      clientAddress: '10.0.0.9',
      origin: 'https://khabar.test',
    });
    assert.ok(comment.state);
  });
  after(async () => {
    await site?.close();
    await target?.drop();
  });

  it('copies every table, checks the counts, and the site runs on PostgreSQL unchanged', async () => {
    const before = await counts(site.services.db);
    assert.equal(before.articles, 31);
    assert.equal(before.comments, 1);
    assert.equal(before.images, 1);
    assert.ok((before.article_views_hourly ?? 0) >= 1 && (before.article_revisions ?? 0) >= 32);
    const { stdout } = await khabar(['migrate-data', '--to', target.url]);
    assert.match(stdout, /articles: 31/);
    assert.match(stdout, /search index rebuilt: 31 articles/);
    assert.match(stdout, /counts checked/);

    const config = loadConfig({
      KHABAR_DATA_DIR: site.config.dataDir,
      LOG_LEVEL: 'silent',
      KHABAR_SITE_URL: 'https://khabar.test',
      DATABASE_URL: target.url,
    });
    const database = await openMigratedDatabase(config);
    const app = await buildApp({ config, db: database.db });
    try {
      assert.deepEqual(await counts(database.db), before);
      const page = await app.inject(`/news/${titled.newsCode}/${encodeURIComponent(titled.slug)}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /سیل در گیلان و مازندران/);
      const found = await app.services.search.search({ q: 'گیلان' });
      assert.equal(found.total, 1);
      // The news-code counter and the identities moved on: new rows take the next numbers.
      const next = await createArticle(app.services);
      assert.ok(next.newsCode > titled.newsCode + 30, `news code ${next.newsCode}`);
      await createUserWithToken(app.services, 'writer');
    } finally {
      await app.close();
      await database.destroy();
    }
  });

  it('refuses a database that already holds a site, and changes nothing there', async () => {
    await assert.rejects(
      khabar(['migrate-data', '--to', target.url]),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr, /khabar: the target database is not empty/);
        return true;
      },
    );
  });
});
