import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { systemActor } from '../users/user.js';
import type { ImportReport } from './import-report.js';
import { filesUnder, fixtureFile, fixtureUploads, rowCounts } from './import-test-support.js';
import { ImportFailure, importWordPress } from './wordpress-import-service.js';

const site = 'khabar-wp.example.ir';
const enc = (text: string) => encodeURIComponent(text).toLowerCase();
const slug201 = enc('تورم-در-بازار-تهران');

async function articleOfPost(t: TestApp, postId: string) {
  const row = await t.services.db
    .selectFrom('importMappings')
    .innerJoin('articles', 'articles.id', 'importMappings.targetId')
    .select(['articles.newsCode'])
    .where('importMappings.source', '=', site)
    .where('importMappings.kind', '=', 'post')
    .where('importMappings.sourceId', '=', postId)
    .executeTakeFirstOrThrow();
  return t.services.articles.getFor(systemActor, row.newsCode);
}

for (const engine of await enginesUnderTest()) {
  describe(`WordPress import on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let uploads: string;
    let report: ImportReport;
    before(async () => {
      t = await buildTestApp(engine);
      uploads = await fixtureUploads();
      report = await importWordPress(t.services, { file: fixtureFile, mediaDir: uploads, dryRun: false });
    });
    after(async () => {
      await t?.close();
      if (uploads) rmSync(uploads, { recursive: true, force: true });
    });

    it('imports published, draft and waiting posts, and reports what it skipped and why', () => {
      assert.equal(report.interrupted, false);
      assert.deepEqual(report.counts.posts, { imported: 8, alreadyImported: 0, skipped: 1 });
      assert.equal(report.skippedByReason['posts: status trash is not imported'], 1);
      assert.equal(report.skippedByReason['pages: pages are not imported'], 1);
      assert.equal(
        report.skippedByReason['other: nav_menu_item items are not content and are not imported'],
        1,
      );
      const page = report.skipped.find((s) => s.kind === 'pages');
      assert.equal(page?.link, 'https://khabar-wp.example.ir/about/');
    });

    it('keeps title, lead, dates and section, with Arabic letters made Persian', async () => {
      const article = await articleOfPost(t, '201');
      assert.equal(article.state, 'published');
      assert.equal(article.title, 'تورم دی‌ماه به ۳۵ درصد رسید');
      assert.equal(article.lead, 'گزارش تازهٔ بانک مرکزی از تورم دی‌ماه');
      assert.equal(article.publishedAt?.toISOString(), '2024-01-27T08:55:00.000Z');
      assert.equal(article.updatedAt.toISOString(), '2024-01-28T06:30:00.000Z');
      assert.equal(article.section.slug, 'economy', 'the category «اقتصادی» joined the section of that name');
      assert.deepEqual(article.tags.map((tag) => tag.name).sort(), ['بانک مرکزی', 'تورم']);
      assert.ok(!/[يك]/.test(article.body), 'no Arabic yeh or kaf left in the body');
    });

    it('keeps the body structure: paragraphs, headings, captioned figures; drops shortcodes and scripts', async () => {
      const article = await articleOfPost(t, '201');
      assert.match(article.body, /^<p>بانک مرکزی امروز/);
      assert.ok(article.body.includes('<h2>واکنش بازار</h2>'));
      assert.match(
        article.body,
        /<figure><img src="\/media\/[^"]+-960\.jpg" alt="بازار تهران" width="960" height="640" \/>\s*<figcaption>بازار بزرگ تهران در روز شنبه<\/figcaption><\/figure>/,
      );
      assert.ok(article.body.includes('ثابت مانده است.<br />'), 'a single newline is a line break');
      assert.ok(!article.body.includes('[gallery'), 'the unknown shortcode is gone');
      const metro = await articleOfPost(t, '202');
      assert.ok(metro.body.includes('<h2>ایستگاه‌های تازه</h2>'));
      assert.ok(metro.body.includes('<figcaption>ایستگاه آزادی خط ۱۰</figcaption>'));
      assert.ok(
        !metro.body.includes('script') && !metro.body.includes('tracker'),
        'the script and its text are gone',
      );
      const warned = (id: string, pattern: RegExp) =>
        report.warnings.some((w) => w.id === id && pattern.test(w.reason));
      assert.ok(warned('201', /unknown shortcodes removed: \[gallery\]/));
      assert.ok(warned('202', /removed by the sanitizer: <script>/));
      assert.ok(warned('203', /broken HTML fixed/));
      assert.ok(warned('203', /unknown shortcodes removed: \[contact-form-7\]/));
      assert.ok((await articleOfPost(t, '203')).body.includes('[sic]'), 'bracketed words are not shortcodes');
    });

    it('stores the featured image and attachments through the media pipeline, else keeps their address', async () => {
      const article = await articleOfPost(t, '201');
      assert.ok(article.cover, 'the featured image is the cover');
      assert.equal(article.cover.alt, 'بازار بزرگ تهران');
      assert.ok(article.cover.formats.includes('webp'));
      const metro = await articleOfPost(t, '202');
      assert.equal(metro.cover, null);
      assert.ok(
        metro.body.includes('<img src="/wp-content/uploads/2024/01/metro-10.jpg" alt="ایستگاه مترو" />'),
      );
      assert.deepEqual(report.counts.attachments, { imported: 1, alreadyImported: 0, skipped: 2 });
      assert.ok(
        report.skipped.some((s) => s.id === '102' && /not a picture the media library takes/.test(s.reason)),
      );
      assert.ok(report.warnings.some((w) => w.id === '202' && /featured image not imported/.test(w.reason)));
    });

    it('makes authors newsroom writers who stay disabled until an admin enables them', async () => {
      const users = await t.services.users.listUsers(systemActor);
      const sara = users.find((u) => u.email === 'sara@khabar-wp.example.ir');
      assert.equal(sara?.role, 'writer');
      assert.equal(sara?.disabled, true);
      assert.equal(users.find((u) => u.email === 'reza@khabar-wp.example.ir')?.name, 'رضا کریمی');
      const article = await articleOfPost(t, '201');
      assert.equal(article.createdBy, sara?.id);
      assert.equal(article.author?.name, 'سارا محمدی');
      assert.ok(report.warnings.some((w) => w.id === 'newsdesk' && /no usable email/.test(w.reason)));
      assert.equal(
        (await articleOfPost(t, '211')).author?.name,
        'میز خبر',
        'an author without email is still the byline',
      );
    });

    it('imports a post whose author is missing from the export without a writer, and says so', async () => {
      const article = await articleOfPost(t, '203');
      assert.equal(article.author, null);
      assert.equal(article.createdBy, null);
      assert.ok(
        report.warnings.some((w) => w.id === '203' && /author ghost is not in the export/.test(w.reason)),
      );
    });

    it('maps WordPress statuses onto the workflow', async () => {
      assert.equal((await articleOfPost(t, '204')).state, 'draft');
      assert.equal((await articleOfPost(t, '205')).state, 'inReview');
      assert.equal((await articleOfPost(t, '206')).state, 'draft');
      assert.equal(
        (await articleOfPost(t, '208')).state,
        'draft',
        'a password-protected post is not made public',
      );
      assert.equal((await articleOfPost(t, '211')).commentsEnabled, false);
    });

    it('makes the sticky post an editor’s pick', async () => {
      const desk = await t.services.curation.desk(systemActor, '');
      const article = await articleOfPost(t, '201');
      assert.deepEqual(
        desk.editorPicks.map((a) => a.id),
        [article.id],
      );
    });

    it('imports approved comments only, replies threaded under their top comment', async () => {
      const article = await articleOfPost(t, '201');
      const { count, threads } = await t.services.comments.forArticle(article);
      assert.equal(count, 3);
      assert.equal(threads.length, 1);
      assert.equal(threads[0]?.body, 'چرا قیمت‌ها پایین نمی‌آید؟');
      assert.deepEqual(
        threads[0]?.replies.map((r) => r.body),
        ['چون نقدینگی زیاد است.\n\nمنبع: گزارش (https://example.org/report)', 'ممنون از پاسخ.'],
      );
      assert.deepEqual(report.counts.comments, { imported: 3, alreadyImported: 0, skipped: 3 });
    });

    it('indexes imported articles for search, found with Persian or Arabic letters', async () => {
      for (const q of ['تورم', 'بانك مركزي']) {
        const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200);
        const titles = (res.json().items as { title: string }[]).map((i) => i.title);
        assert.ok(titles.includes('تورم دی‌ماه به ۳۵ درصد رسید'), `${q} finds the imported article`);
      }
    });

    it('answers every old permalink of a post with 301 to its new address', async () => {
      const article = await articleOfPost(t, '201');
      const target = `/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;
      for (const old of [
        '/?p=201',
        `/2024/01/27/${slug201}/`,
        `/2024/01/27/${slug201.toUpperCase()}/`,
        `/2024/01/27/${slug201}`,
        `/2024/01/${slug201}/`,
        `/${slug201}/`,
      ]) {
        const res = await t.app.inject(old);
        assert.equal(res.statusCode, 301, old);
        assert.equal(res.headers.location, target, old);
      }
      const page = await t.app.inject(target);
      assert.equal(page.statusCode, 200);
    });

    it('sends duplicate slugs by date to each post, and the bare slug to the first', async () => {
      const first = await articleOfPost(t, '201');
      const second = await articleOfPost(t, '203');
      const at = async (url: string) => (await t.app.inject(url)).headers.location;
      assert.match(String(await at(`/2024/02/01/${slug201}/`)), new RegExp(`^/news/${second.newsCode}/`));
      assert.match(String(await at(`/${slug201}/`)), new RegExp(`^/news/${first.newsCode}/`));
      assert.ok(report.warnings.some((w) => w.id === '203' && /^duplicate slug/.test(w.reason)));
    });

    it('answers old category and tag addresses with 301 to the section and tag pages', async () => {
      for (const old of ['/category/iran/tehran/', '/category/tehran/', '/?cat=4']) {
        const res = await t.app.inject(old);
        assert.equal(res.statusCode, 301, old);
        assert.equal(res.headers.location, '/section/tehran', old);
      }
      assert.equal((await t.app.inject(`/category/${enc('اقتصادی')}/`)).headers.location, '/section/economy');
      const tag = await t.app.inject('/tag/inflation/');
      assert.equal(tag.statusCode, 301);
      assert.equal(tag.headers.location, `/tag/${encodeURIComponent('تورم')}`);
      assert.equal(
        (await t.app.inject(`/tag/${enc('بانک-مرکزی')}/`)).statusCode,
        200,
        'a Persian slug is the same tag',
      );
      assert.equal(
        (await t.app.inject('/category/empty-category/')).statusCode,
        404,
        'a category without posts made no section',
      );
    });

    it('leaves other addresses alone: unknown paths 404 in Persian, unknown ?p= is the home page', async () => {
      const missing = await t.app.inject('/2024/01/27/no-such-post/');
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /پیدا نشد/);
      assert.equal((await t.app.inject('/?p=999999')).statusCode, 200);
      assert.equal((await t.app.inject('/api/v1/2024/01/27/x')).json().error.code, 'not_found');
      assert.equal(
        (await t.app.inject('/about/')).statusCode,
        404,
        'pages are not imported, so not redirected',
      );
    });

    it('creates nothing twice when run again', async () => {
      const before = await rowCounts(t.services.db);
      const again = await importWordPress(t.services, {
        file: fixtureFile,
        mediaDir: uploads,
        dryRun: false,
      });
      assert.deepEqual(await rowCounts(t.services.db), before);
      assert.equal(again.counts.posts.imported, 0);
      assert.equal(again.counts.posts.alreadyImported, 8);
      assert.equal(again.counts.comments.alreadyImported, 3);
      assert.equal(again.counts.attachments.alreadyImported, 1);
      assert.equal(again.counts.authors.alreadyImported, 2);
    });
  });

  describe(`WordPress import dry runs, failures and resumption on ${engine.name}`, {
    skip: engine.skip,
  }, () => {
    let t: TestApp;
    let uploads: string;
    const broken = path.join(tmpdir(), `khabar-broken-${process.pid}-${engine.name}.xml`);
    before(async () => {
      t = await buildTestApp(engine);
      uploads = await fixtureUploads();
      const text = readFileSync(fixtureFile, 'utf8');
      writeFileSync(broken, text.replace('<wp:post_id>203</wp:post_id>', '<wp:post_id>203</wp:post_idd>'));
    });
    after(async () => {
      await t?.close();
      rmSync(uploads, { recursive: true, force: true });
      rmSync(broken, { force: true });
    });

    it('a dry run reports what it would import and writes nothing', async () => {
      const before = await rowCounts(t.services.db);
      const mediaFiles = filesUnder(t.services.media.mediaDir).length;
      const dry = await importWordPress(t.services, { file: fixtureFile, mediaDir: uploads, dryRun: true });
      assert.equal(dry.dryRun, true);
      assert.equal(dry.counts.posts.imported, 8);
      assert.equal(dry.counts.comments.imported, 3);
      // A dry run finds the files; only storing them finds that the PDF is not a picture.
      assert.equal(dry.counts.attachments.imported, 2);
      assert.ok(dry.counts.redirects.imported > 0);
      assert.deepEqual(await rowCounts(t.services.db), before);
      assert.equal(filesUnder(t.services.media.mediaDir).length, mediaFiles);
    });

    it('malformed XML stops with the line before any post is written, and a re-run finishes the job', async () => {
      const error = await importWordPress(t.services, {
        file: broken,
        mediaDir: uploads,
        dryRun: false,
      }).then(
        () => assert.fail('a malformed file must not import quietly'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ImportFailure);
      const line = readFileSync(broken, 'utf8').split('</wp:post_idd>')[0]?.split('\n').length;
      assert.match(
        error.message,
        new RegExp(`is not a readable WordPress export: line ${line}, column \\d+: .*run the same command`),
      );
      assert.equal(error.report.interrupted, true);
      // The first pass reads the whole file before the second imports posts: a fault anywhere stops the run
      // before any post; the authors and pictures before the fault are whole and are not made again.
      assert.equal(error.report.counts.posts.imported, 0);
      assert.equal(error.report.counts.authors.imported, 2);
      const counts = await rowCounts(t.services.db);
      assert.equal(counts.articles, 0);
      assert.equal(counts.users, 2);
    });

    it('an interrupted run stops after the record in hand, and the next run resumes without duplicates', async () => {
      const stop = new AbortController();
      const stopped = await importWordPress(t.services, {
        file: fixtureFile,
        mediaDir: uploads,
        dryRun: false,
        signal: stop.signal,
        onProgress: ({ phase, records }) => {
          if (phase === 'posts' && records === 3) stop.abort();
        },
      });
      assert.equal(stopped.interrupted, true);
      assert.equal(stopped.counts.authors.alreadyImported, 2, 'the failed run had made the authors');
      assert.equal(stopped.counts.posts.imported, 3);

      const finished = await importWordPress(t.services, {
        file: fixtureFile,
        mediaDir: uploads,
        dryRun: false,
      });
      assert.equal(finished.interrupted, false);
      assert.equal(finished.counts.posts.alreadyImported, 3);
      assert.equal(finished.counts.posts.imported, 5);
      const counts = await rowCounts(t.services.db);
      assert.equal(counts.articles, 8);
      assert.equal(counts.comments, 3);
      assert.equal(counts.images, 1);
      assert.equal(counts.users, 2);
    });
  });
}
