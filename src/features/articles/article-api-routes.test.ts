import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle, createUserWithToken } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';

for (const engine of await enginesUnderTest()) {
  describe(`articles API on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: string;
    let writer: string;
    let moderator: string;
    before(async () => {
      t = await buildTestApp(engine);
      editor = (await createUserWithToken(t.services, 'editor')).authorization;
      writer = (await createUserWithToken(t.services, 'writer')).authorization;
      moderator = (await createUserWithToken(t.services, 'moderator')).authorization;
    });
    after(() => t?.close());

    const post = (authorization: string | undefined, payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: authorization ? { authorization } : {},
        payload: payload as object,
      });

    it('creates a published article and answers 201 with its id, news code, url and state', async () => {
      const res = await post(editor, {
        title: 'تصویب کلیات لایحهٔ بودجه در مجلس',
        lead: 'نمایندگان کلیات لایحه را تصویب کردند.',
        body: '<p>متن خبر</p>',
        section: 'politics',
        tags: ['مجلس', 'بودجه'],
        state: 'published',
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.equal(body.state, 'published');
      assert.equal(typeof body.id, 'number');
      assert.equal(typeof body.newsCode, 'number');
      assert.equal(
        body.url,
        `https://khabar.test/news/${body.newsCode}/${encodeURIComponent('تصویب-کلیات-لایحه-بودجه-در-مجلس')}`,
      );
      const page = await t.app.inject(new URL(body.url).pathname);
      assert.equal(page.statusCode, 200);
      const fetched = await t.app.inject(`/api/v1/articles/${body.newsCode}`);
      assert.equal(fetched.json().title, 'تصویب کلیات لایحهٔ بودجه در مجلس');
      assert.deepEqual(
        fetched.json().tags.map((tag: { name: string }) => tag.name),
        ['مجلس', 'بودجه'],
      );
    });

    it('refuses a request without a token or with a bad token with 401', async () => {
      const payload = { title: 'خبر', body: '<p>متن</p>', section: 'politics' };
      const none = await post(undefined, payload);
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().error.code, 'unauthorized');
      const bad = await post('Bearer khb_not-a-real-token', payload);
      assert.equal(bad.statusCode, 401);
    });

    it('lets a writer save drafts but not publish, and a moderator not write at all (403)', async () => {
      const draft = await post(writer, { title: 'پیش‌نویس خبرنگار', body: '<p>متن</p>', section: 'economy' });
      assert.equal(draft.statusCode, 201);
      assert.equal(draft.json().state, 'draft');
      const publish = await post(writer, {
        title: 'خبر',
        body: '<p>متن</p>',
        section: 'economy',
        state: 'published',
      });
      assert.equal(publish.statusCode, 403);
      assert.equal(publish.json().error.code, 'forbidden');
      const moderated = await post(moderator, { title: 'خبر', body: '<p>متن</p>', section: 'economy' });
      assert.equal(moderated.statusCode, 403);
    });

    it('rejects wrong input with 400 and a JSON error', async () => {
      const cases: unknown[] = [
        { body: '<p>بدون تیتر</p>', section: 'politics' },
        { title: 'خبر', body: '<p>متن</p>', section: 'no-such-section' },
        { title: 'خبر', body: '<p>متن</p>', section: 'politics', kind: 'poem' },
        { title: 'خبر', body: '<p>متن</p>', section: 'politics', state: 'scheduled' },
        { title: 'خبر', body: '<p>متن</p>', section: 'politics', state: 'scheduled', publishAt: 'tomorrow' },
        { title: 'خبر', body: '<script>x</script>', section: 'politics' },
        { title: 'خبر', body: '<p>متن</p>', section: 'politics', unknownField: 1 },
      ];
      for (const payload of cases) {
        const res = await post(editor, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(typeof res.json().error.code, 'string');
        assert.equal(typeof res.json().error.message, 'string');
      }
      const malformed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { authorization: editor, 'content-type': 'application/json' },
        payload: '{"title": ',
      });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().error.code, 'invalid_json');
    });

    it('schedules an article that the scheduler publishes when due', async () => {
      const publishAt = new Date(Date.now() + 60 * 60_000).toISOString();
      const res = await post(editor, {
        title: 'خبر زمان‌بندی‌شده',
        body: '<p>متن</p>',
        section: 'culture',
        state: 'scheduled',
        publishAt,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().state, 'scheduled');
      const code = res.json().newsCode;
      assert.equal((await t.app.inject(`/api/v1/articles/${code}`)).statusCode, 404, 'hidden from readers');
      assert.equal(
        (await t.app.inject({ url: `/api/v1/articles/${code}`, headers: { authorization: editor } })).json()
          .state,
        'scheduled',
      );
      assert.equal(await t.services.articles.publishDue(), 0, 'not yet due');
    });

    it('updates with PATCH and unpublishes with DELETE, keeping the news code taken', async () => {
      const article = await createArticle(t.services, { title: 'تیتر نخست' });
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${article.newsCode}`,
        headers: { authorization: editor },
        payload: { title: 'تیتر اصلاح‌شده', tags: ['اصلاحیه'] },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().title, 'تیتر اصلاح‌شده');
      const oldUrl = await t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`);
      assert.equal(oldUrl.statusCode, 301, 'the old slug redirects to the new one');

      const writerDelete = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/articles/${article.newsCode}`,
        headers: { authorization: writer },
      });
      assert.equal(writerDelete.statusCode, 403);
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/articles/${article.newsCode}`,
        headers: { authorization: editor },
      });
      assert.equal(removed.statusCode, 200);
      assert.equal(removed.json().state, 'unpublished');
      assert.equal((await t.app.inject(`/news/${article.newsCode}`)).statusCode, 404);
      const next = await createArticle(t.services);
      assert.ok(next.newsCode > article.newsCode, 'codes keep rising');
      const missing = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/articles/1',
        headers: { authorization: editor },
        payload: { title: 'x' },
      });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
    });

    it('lists published articles by section and tag with a cursor that survives new items', async () => {
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(
          await createArticle(
            t.services,
            { section: 'opinion', tags: ['صفحه‌بندی'], title: `یادداشت ${i}` },
            {
              publishedAt: new Date(Date.UTC(2025, 0, 1, i)),
            },
          ),
        );
      }
      const first = await t.app.inject('/api/v1/articles?section=opinion&limit=2');
      assert.equal(first.statusCode, 200);
      assert.deepEqual(
        first.json().items.map((i: { title: string }) => i.title),
        ['یادداشت 4', 'یادداشت 3'],
      );
      await createArticle(t.services, { section: 'opinion', tags: ['صفحه‌بندی'], title: 'یادداشت تازه' });
      const second = await t.app.inject(
        `/api/v1/articles?section=opinion&limit=2&cursor=${first.json().nextCursor}`,
      );
      assert.deepEqual(
        second.json().items.map((i: { title: string }) => i.title),
        ['یادداشت 2', 'یادداشت 1'],
      );
      const byTag = await t.app.inject(`/api/v1/articles?tag=${encodeURIComponent('صفحه‌بندی')}&limit=10`);
      assert.equal(byTag.json().items.length, 6);
      assert.equal((await t.app.inject('/api/v1/articles?cursor=nonsense')).statusCode, 400);
      assert.equal((await t.app.inject('/api/v1/articles?limit=1000')).statusCode, 400);
    });

    it('lists sections in menu order', async () => {
      const res = await t.app.inject('/api/v1/sections');
      assert.deepEqual(
        res.json().items.map((s: { name: string }) => s.name),
        ['سیاسی', 'اقتصادی', 'اجتماعی', 'فرهنگی', 'ورزشی', 'بین‌الملل', 'نگاه دوم'],
      );
    });

    it('serves an OpenAPI document that describes the article routes', async () => {
      const res = await t.app.inject('/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi.slice(0, 2), '3.');
      assert.ok(doc.paths['/api/v1/articles'].post);
      assert.ok(doc.paths['/api/v1/articles/{newsCode}'].patch);
      assert.ok(doc.paths['/api/v1/sections'].get);
      assert.equal(doc.paths['/'], undefined, 'HTML pages are not part of the API');
    });

    it('takes JSON types as sent: numbers are not titles, null clears a field, a string is not a list', async () => {
      for (const payload of [
        { title: 123, body: '<p>متن</p>', section: 'politics' },
        { title: 'خبر', body: '<p>متن</p>', section: 'politics', tags: 'مجلس,دولت' },
        { title: 'خبر', body: '<p>متن</p>', section: 'politics', commentsEnabled: 'false' },
        {
          title: 'خبر',
          body: '<p>متن</p>',
          section: 'politics',
          state: 'scheduled',
          publishAt: '+275760-09-13T00:00:00Z',
        },
      ]) {
        const res = await post(editor, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
      }
      const created = (
        await post(editor, { title: 'خبر با منبع', body: '<p>متن</p>', section: 'politics', source: 'ایرنا' })
      ).json();
      const cleared = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${created.newsCode}`,
        headers: { authorization: editor },
        payload: { source: null, author: null },
      });
      assert.equal(cleared.statusCode, 200, cleared.body);
      assert.equal(cleared.json().source, null);
    });

    it('answers 401 to a request without a token before it looks at the body', async () => {
      const res = await post(undefined, { nonsense: true });
      assert.equal(res.statusCode, 401);
    });

    it('applies the scheduling rules when a scheduled time is moved', async () => {
      const publishAt = new Date(Date.now() + 3_600_000).toISOString();
      const created = (
        await post(editor, {
          title: 'زمان‌بندی',
          body: '<p>متن</p>',
          section: 'culture',
          state: 'scheduled',
          publishAt,
        })
      ).json();
      const patch = (authorization: string, payload: object) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/v1/articles/${created.newsCode}`,
          headers: { authorization },
          payload,
        });
      assert.equal(
        (await patch(editor, { publishAt: '2020-01-01T00:00:00Z' })).statusCode,
        400,
        'not into the past',
      );
      assert.equal((await patch(editor, { publishAt: null })).statusCode, 400, 'not without a time');
      const later = new Date(Date.now() + 7_200_000).toISOString();
      assert.equal((await patch(editor, { publishAt: later })).json().publishAt, later);
    });

    it('treats news codes beyond the database range as unknown, not as a server error', async () => {
      assert.equal((await t.app.inject('/news/2147483648')).statusCode, 404);
      assert.equal((await t.app.inject('/n/999999999999')).statusCode, 404);
      assert.equal((await t.app.inject('/api/v1/articles/99999999999')).statusCode, 400);
      assert.equal((await t.app.inject('/api/v1/articles?cursor=1700000000000-99999999999')).statusCode, 400);
      assert.equal(
        (await t.app.inject('/section/politics?before=1700000000000-99999999999')).statusCode,
        400,
      );
      assert.equal((await t.app.inject('/section/politics?before=999999999999999-1')).statusCode, 400);
    });

    it('answers a malformed URL with a Persian page on the site and JSON on the API', async () => {
      const page = await t.app.inject('/tag/%E0%A4');
      assert.equal(page.statusCode, 400);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /درست رمزگذاری نشده/);
      const api = await t.app.inject('/api/v1/articles/%ZZ');
      assert.equal(api.statusCode, 400);
      assert.equal(api.json().error.code, 'bad_url');
    });

    it('answers unknown API paths with a JSON 404', async () => {
      const res = await t.app.inject('/api/v1/nothing-here');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'not_found');
    });
  });
}
