import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { postForm, type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { jalaliDateTimeFields } from '../../platform/persian/jalali.js';
import { startScheduler } from './article-scheduler.js';

const draft = {
  title: 'بررسی لایحهٔ بودجه در کمیسیون',
  surtitle: 'مجلس',
  lead: 'کمیسیون برنامه و بودجه جلسهٔ فوق‌العاده گذاشت.',
  body: '<h2>جلسهٔ امروز</h2><p>نمایندگان <strong>بندهای</strong> درآمدی را بررسی کردند.</p>',
  section: 'politics',
  tags: 'مجلس، بودجه',
  kind: 'news',
  byline: '',
  source: '',
  coverImageId: '',
  commentsEnabled: '1',
};

for (const engine of await enginesUnderTest()) {
  describe(`newsroom articles on ${engine.name}`, { skip: engine.skip }, () => {
    const clock = fixedClock(new Date('2026-11-29T08:00:00Z'));
    let t: TestApp;
    let writer: SignedIn;
    let editor: SignedIn;
    let moderator: SignedIn;
    before(async () => {
      t = await buildTestApp(engine, { clock, env: { KHABAR_TIME_ZONE: 'Asia/Tehran' } });
      writer = await signedInUser(t.app, t.services, 'writer', 'نگار نویسنده');
      editor = await signedInUser(t.app, t.services, 'editor', 'دبیر سیاسی');
      moderator = await signedInUser(t.app, t.services, 'moderator');
    });
    after(() => t?.close());

    const post = (who: SignedIn, url: string, payload: Record<string, string>) =>
      postForm(t.app, who, url, payload);
    const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: { cookie: who.cookie } });
    const codeFrom = (location: string | undefined) => Number(/articles\/(\d+)/.exec(location ?? '')?.[1]);

    it('lets a writer save a draft and send it for review, but not publish it', async () => {
      const created = await post(writer, '/newsroom/articles', { ...draft, action: 'save' });
      assert.equal(created.statusCode, 303, created.body);
      const code = codeFrom(created.headers.location);
      const page = await get(writer, created.headers.location ?? '');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /پیش‌نویس ساخته شد/);
      assert.match(page.body, /بررسی لایحهٔ بودجه در کمیسیون/);
      const revision = /name="revision" value="([^"]+)"/.exec(page.body)?.[1] ?? '';

      const publish = await post(writer, `/newsroom/articles/${code}`, {
        ...draft,
        revision,
        action: 'publish',
        title: 'تیتر تازه',
      });
      assert.equal(publish.statusCode, 403);
      assert.match(publish.body, /انتشار و زمان‌بندی مطلب با دبیر است/);
      assert.match(publish.body, /value="تیتر تازه"/, 'the refused form keeps what the writer typed');
      assert.equal(await t.services.articles.getFor(undefined, code).catch(() => null), null);

      const review = await post(writer, `/newsroom/articles/${code}`, {
        ...draft,
        revision,
        action: 'review',
      });
      assert.equal(review.statusCode, 303);
      assert.equal(
        (await t.services.articles.revisions({ userId: writer.userId, name: '', role: 'writer' }, code))
          .article.state,
        'inReview',
      );
    });

    it('lets an editor publish; the article is on the site and on the home page at once', async () => {
      const created = await post(editor, '/newsroom/articles', {
        ...draft,
        title: 'انتشار فوری از اتاق خبر',
        action: 'publish',
      });
      assert.equal(created.statusCode, 303);
      const code = codeFrom(created.headers.location);
      const home = await t.app.inject('/');
      assert.match(home.body, /انتشار فوری از اتاق خبر/);
      const short = await t.app.inject(`/n/${code}`);
      assert.equal(short.statusCode, 301);
    });

    it('keeps a moderator and a visitor out of the article desk', async () => {
      assert.equal((await get(moderator, '/newsroom/articles')).statusCode, 403);
      assert.equal(
        (await post(moderator, '/newsroom/articles', { ...draft, action: 'save' })).statusCode,
        403,
      );
      const anonymous = await t.app.inject('/newsroom/articles/new');
      assert.equal(anonymous.statusCode, 302);
      assert.match(anonymous.headers.location ?? '', /^\/newsroom\/login\?next=/);
    });

    it('refuses a save without the CSRF token and changes nothing', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/articles',
        headers: { cookie: editor.cookie },
        payload: { ...draft, title: 'بدون توکن', action: 'publish' },
      });
      assert.equal(res.statusCode, 403);
      const list = await get(editor, `/newsroom/articles?q=${encodeURIComponent('بدون توکن')}`);
      assert.doesNotMatch(list.body, /nr-desk__title">بدون توکن/);
    });

    it('sanitizes the body of every save: no script, no event handler, no javascript: URL survives', async () => {
      const body =
        '<p onclick="steal()">سلام<script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">پیوند</a><iframe src="https://evil.test"></iframe>';
      const created = await post(editor, '/newsroom/articles', { ...draft, body, action: 'save' });
      const code = codeFrom(created.headers.location);
      const stored = await t.services.articles.getFor(
        { userId: editor.userId, name: '', role: 'editor' },
        code,
      );
      assert.doesNotMatch(stored.body, /script|onclick|onerror|javascript:|iframe/i);
      assert.match(stored.body, /سلام/);
      const page = await get(editor, `/newsroom/articles/${code}`);
      assert.doesNotMatch(page.body, /<script>alert|onerror=|javascript:alert/);
    });

    it('schedules for a Jalali date and time, and the server publishes it at that time, also after a restart', async () => {
      const at = new Date(clock.now().getTime() + 2 * 3600_000);
      const { date, time } = jalaliDateTimeFields(at, 'Asia/Tehran');
      assert.match(date, /^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
      const created = await post(editor, '/newsroom/articles', {
        ...draft,
        title: 'خبر زمان‌بندی‌شدهٔ صبح',
        action: 'schedule',
        publishDate: date,
        publishTime: time,
      });
      assert.equal(created.statusCode, 303, created.body);
      const code = codeFrom(created.headers.location);
      const page = await get(editor, `/newsroom/articles/${code}`);
      assert.match(page.body, /زمان‌بندی‌شده/);
      assert.equal((await t.app.inject(`/n/${code}`)).statusCode, 404);

      const bad = await post(editor, '/newsroom/articles', {
        ...draft,
        action: 'schedule',
        publishDate: '۱۴۰۵/۱۳/۴۰',
        publishTime: '۲۵:۰۰',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /تاریخ و ساعت انتشار را درست بنویسید/);

      clock.set(new Date(at.getTime() + 60_000));
      await t.restart({ clock });
      const scheduler = startScheduler(t.services.articles, 60_000, (error) => assert.fail(String(error)));
      try {
        const published = await (async () => {
          for (let i = 0; i < 50; i += 1) {
            const res = await t.app.inject(`/n/${code}`);
            if (res.statusCode === 301) return true;
            await new Promise((r) => setTimeout(r, 20));
          }
          return false;
        })();
        assert.ok(published, 'the scheduled article went live after the restart');
      } finally {
        scheduler.stop();
      }
      const article = await t.services.articles.getPublished(code);
      // The scheduler's publication time is the time the desk chose, not the minute it noticed.
      assert.equal(article.publishedAt?.toISOString(), at.toISOString());
      writer = await signedInUserAgain(writer);
      editor = await signedInUserAgain(editor);
      moderator = await signedInUserAgain(moderator);
    });

    async function signedInUserAgain(who: SignedIn): Promise<SignedIn> {
      // Sessions live in the database, so they survive a restart: the old cookie still works.
      const page = await get(who, '/newsroom/account');
      assert.equal(page.statusCode, 200);
      return who;
    }

    it('keeps every save as a revision that can be compared and restored', async () => {
      const created = await post(editor, '/newsroom/articles', {
        ...draft,
        title: 'نسخهٔ نخست تیتر',
        action: 'save',
      });
      const code = codeFrom(created.headers.location);
      const first = await get(editor, `/newsroom/articles/${code}`);
      const revision = /name="revision" value="([^"]+)"/.exec(first.body)?.[1] ?? '';
      clock.advance(60_000);
      const saved = await post(editor, `/newsroom/articles/${code}`, {
        ...draft,
        title: 'نسخهٔ دوم تیتر',
        body: '<p>متنی کاملاً تازه.</p>',
        revision,
        action: 'save',
      });
      assert.equal(saved.statusCode, 303);

      const history = await get(editor, `/newsroom/articles/${code}/revisions`);
      assert.equal(history.statusCode, 200);
      const ids = [...history.body.matchAll(/revisions\/(\d+)"/g)].map((m) => Number(m[1]));
      assert.equal(ids.length, 1, 'the older of the two saves is offered for comparison');
      const compare = await get(editor, `/newsroom/articles/${code}/revisions/${ids[0]}`);
      assert.match(compare.body, /<del>نخست<\/del><ins>دوم<\/ins>/);

      const restore = await post(editor, `/newsroom/articles/${code}/revisions/${ids[0]}/restore`, {});
      assert.equal(restore.statusCode, 303);
      const after = await get(editor, `/newsroom/articles/${code}`);
      assert.match(after.body, /value="نسخهٔ نخست تیتر"/);
      assert.match(after.body, /جلسهٔ امروز/);
      const again = await get(editor, `/newsroom/articles/${code}/revisions`);
      assert.equal([...again.body.matchAll(/class="nr-panel nr-revision"/g)].length, 3);
    });

    it('refuses a save over someone else’s newer save with 409 and keeps the typed text', async () => {
      const created = await post(editor, '/newsroom/articles', {
        ...draft,
        title: 'مطلب مشترک',
        action: 'save',
      });
      const code = codeFrom(created.headers.location);
      const page = await get(editor, `/newsroom/articles/${code}`);
      const stale = /name="revision" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      clock.advance(1000);
      await post(editor, `/newsroom/articles/${code}`, {
        ...draft,
        title: 'ذخیرهٔ همکار',
        revision: stale,
        action: 'save',
      });
      const late = await post(editor, `/newsroom/articles/${code}`, {
        ...draft,
        title: 'ذخیرهٔ دیرتر',
        revision: stale,
        action: 'save',
      });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /کس دیگری ذخیره کرده است/);
      assert.match(late.body, /value="ذخیرهٔ دیرتر"/);
    });

    it('autosaves: creates the draft, then keeps one rolling revision, and never touches a published article', async () => {
      const headers = { accept: 'application/json', 'x-csrf-token': writer.csrf };
      const first = await t.app.inject({
        method: 'POST',
        url: '/newsroom/articles/autosave',
        headers: { cookie: writer.cookie, ...headers },
        payload: { ...draft, title: 'پیش‌نویس خودکار' },
      });
      assert.equal(first.statusCode, 200, first.body);
      const saved = first.json();
      assert.match(saved.editUrl, /^\/newsroom\/articles\/\d+$/);
      assert.match(saved.savedAtText, /ذخیره شد/);
      let revision = saved.revision;
      for (const title of ['پیش‌نویس خودکار ۲', 'پیش‌نویس خودکار ۳']) {
        clock.advance(5000);
        const next = await t.app.inject({
          method: 'POST',
          url: saved.autosaveUrl,
          headers: { cookie: writer.cookie, ...headers },
          payload: { ...draft, title, revision },
        });
        assert.equal(next.statusCode, 200, next.body);
        revision = next.json().revision;
      }
      const { revisions, article } = await t.services.articles.revisions(
        { userId: writer.userId, name: '', role: 'writer' },
        saved.newsCode,
      );
      assert.equal(article.title, 'پیش‌نویس خودکار ۳');
      assert.equal(article.state, 'draft');
      assert.equal(revisions.filter((r) => r.autosave).length, 1, revisions.map((r) => r.autosave).join());

      const stale = await t.app.inject({
        method: 'POST',
        url: saved.autosaveUrl,
        headers: { cookie: writer.cookie, ...headers },
        payload: { ...draft, revision: saved.revision },
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'conflict');

      const live = await createArticle(t.services, { title: 'مطلب منتشرشده' });
      const refused = await t.app.inject({
        method: 'POST',
        url: `/newsroom/articles/${live.newsCode}/autosave`,
        headers: { cookie: editor.cookie, accept: 'application/json', 'x-csrf-token': editor.csrf },
        payload: { ...draft, title: 'نباید برود' },
      });
      assert.equal(refused.statusCode, 409);
      assert.equal((await t.services.articles.getPublished(live.newsCode)).title, 'مطلب منتشرشده');
    });

    it('answers the autosave script in JSON also when the session ended or the form token is wrong', async () => {
      const headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
      const expired = await t.app.inject({
        method: 'POST',
        url: '/newsroom/articles/autosave',
        headers,
        payload: new URLSearchParams({ title: 'متن' }).toString(),
      });
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.json().error.code, 'unauthorized');
      assert.match(expired.json().error.message, /دوباره وارد شوید/);
      const forged = await t.app.inject({
        method: 'POST',
        url: '/newsroom/articles/autosave',
        headers: { ...headers, cookie: writer.cookie, 'x-csrf-token': 'forged' },
        payload: new URLSearchParams({ title: 'متن' }).toString(),
      });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'forbidden');
      const page = await t.app.inject({
        url: '/newsroom/articles/999999',
        headers: { cookie: writer.cookie },
      });
      assert.match(
        String(page.headers['content-type'] ?? ''),
        /text\/html/,
        'a browser navigating still gets a page',
      );
    });

    it('previews unsaved changes with the readers’ page and saves nothing', async () => {
      const res = await post(editor, '/newsroom/preview', {
        ...draft,
        title: 'تیتر فقط در پیش‌نمایش',
        action: 'preview',
      });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1 class="article__title">تیتر فقط در پیش‌نمایش<\/h1>/);
      assert.match(res.body, /جلسهٔ امروز/);
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      const list = await get(editor, `/newsroom/articles?q=${encodeURIComponent('فقط در پیش‌نمایش')}`);
      assert.match(list.body, /مطلبی با این پالایه‌ها پیدا نشد/);
    });

    it('lists articles with filters by state, section, writer and date, and searches titles', async () => {
      await post(writer, '/newsroom/articles', {
        ...draft,
        title: 'گزارش ورزشی نویسنده',
        section: 'sport',
        action: 'save',
      });
      const byState = await get(editor, '/newsroom/articles?state=draft&section=sport');
      assert.match(byState.body, /گزارش ورزشی نویسنده/);
      assert.doesNotMatch(byState.body, /انتشار فوری از اتاق خبر/);
      const mine = await get(writer, '/newsroom/articles?writer=me');
      assert.match(mine.body, /گزارش ورزشی نویسنده/);
      assert.doesNotMatch(mine.body, /انتشار فوری از اتاق خبر/);
      const byWriter = await get(editor, `/newsroom/articles?writer=${editor.userId}`);
      assert.match(byWriter.body, /انتشار فوری از اتاق خبر/);
      assert.doesNotMatch(byWriter.body, /گزارش ورزشی نویسنده/);
      const search = await get(editor, `/newsroom/articles?q=${encodeURIComponent('ورزشی')}`);
      assert.match(search.body, /گزارش ورزشی نویسنده/);
      assert.doesNotMatch(search.body, /مطلب مشترک/);
      const today = jalaliDateTimeFields(clock.now(), 'Asia/Tehran').date;
      const byDate = await get(
        editor,
        `/newsroom/articles?from=${encodeURIComponent(today)}&to=${encodeURIComponent(today)}`,
      );
      assert.match(byDate.body, /گزارش ورزشی نویسنده/);
      const future = await get(editor, `/newsroom/articles?from=${encodeURIComponent('۱۴۱۰/۰۱/۰۱')}`);
      assert.match(future.body, /مطلبی با این پالایه‌ها پیدا نشد/);
      const badDate = await get(editor, '/newsroom/articles?from=yesterday');
      assert.equal(badDate.statusCode, 400);
      assert.match(badDate.body, /به شکل ۱۴۰۵\/۰۹\/۰۸ بنویسید/);
      assert.equal(badDate.headers['cache-control'], 'private, no-store');
    });

    it('unpublishes: the page answers 404 and the article stays in the newsroom', async () => {
      const created = await post(editor, '/newsroom/articles', {
        ...draft,
        title: 'خبری که برداشته می‌شود',
        action: 'publish',
      });
      const code = codeFrom(created.headers.location);
      assert.equal((await post(writer, `/newsroom/articles/${code}/unpublish`, {})).statusCode, 403);
      const res = await post(editor, `/newsroom/articles/${code}/unpublish`, {});
      assert.equal(res.statusCode, 303);
      assert.equal((await t.app.inject(`/n/${code}`)).statusCode, 404);
      assert.match((await get(editor, `/newsroom/articles/${code}`)).body, /برداشته‌شده/);
    });
  });
}
