import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle, createUserWithToken } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import type { Article } from '../articles/article.js';

let addresses = 0;

for (const engine of await enginesUnderTest()) {
  describe(`comments API on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let moderator: string;
    let writer: string;
    let article: Article;
    before(async () => {
      t = await buildTestApp(engine);
      moderator = (await createUserWithToken(t.services, 'moderator')).authorization;
      writer = (await createUserWithToken(t.services, 'writer')).authorization;
      article = await createArticle(t.services);
    });
    after(() => t?.close());

    async function readerComment(body: string): Promise<void> {
      addresses += 1;
      const res = await t.app.inject({
        method: 'POST',
        url: `/news/${article.newsCode}/comments`,
        remoteAddress: `10.3.0.${addresses}`,
        headers: { origin: 'https://khabar.test' },
        payload: { name: 'خواننده', email: 'reader@example.com', body },
      });
      assert.equal(res.statusCode, 303, res.body);
    }

    const api = (method: 'GET' | 'POST', url: string, authorization?: string) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: authorization ? { authorization } : {} });

    it('lists pending comments, newest first, a page at a time with a cursor', async () => {
      await readerComment('نخستین نظر API');
      await readerComment('دومین نظر API');
      await readerComment('سومین نظر API');
      const first = await api('GET', '/comments?state=pending&limit=2', moderator);
      assert.equal(first.statusCode, 200, first.body);
      const page = first.json();
      assert.equal(page.items.length, 2);
      assert.equal(page.items[0].body, 'سومین نظر API');
      assert.equal(page.items[0].email, 'reader@example.com');
      assert.equal(page.items[0].state, 'pending');
      assert.equal(page.items[0].article.newsCode, article.newsCode);
      assert.ok(page.nextCursor);
      const next = await api('GET', `/comments?limit=2&cursor=${page.nextCursor}`, moderator);
      assert.deepEqual(
        next.json().items.map((c: { body: string }) => c.body),
        ['نخستین نظر API'],
      );
      assert.equal(next.json().nextCursor, null);
    });

    it('approves and rejects a comment by id and answers with the comment as it now is', async () => {
      await readerComment('نظری برای تأیید با API');
      const [comment] = (await api('GET', '/comments?limit=1', moderator)).json().items;
      const approved = await api('POST', `/comments/${comment.id}/approve`, moderator);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().state, 'approved');
      const html = (await t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`)).body;
      assert.match(html, /نظری برای تأیید با API/);
      const rejected = await api('POST', `/comments/${comment.id}/reject`, moderator);
      assert.equal(rejected.json().state, 'rejected');
      const listed = (await api('GET', '/comments?state=rejected', moderator)).json();
      assert.ok(listed.items.some((c: { id: number }) => c.id === comment.id));
    });

    it('refuses a writer with 403, a missing token with 401 and an unknown comment with 404, as JSON', async () => {
      const forbidden = await api('GET', '/comments?state=pending', writer);
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.json().error.code, 'forbidden');
      assert.equal((await api('POST', '/comments/1/approve', writer)).statusCode, 403);
      const anonymous = await api('GET', '/comments');
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().error.code, 'unauthorized');
      assert.equal((await api('POST', '/comments/1/reject')).statusCode, 401);
      const missing = await api('POST', '/comments/99999/approve', moderator);
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      assert.equal((await api('GET', '/comments?state=lost', moderator)).statusCode, 400);
    });

    it('describes the comment routes in the OpenAPI document', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      assert.ok(doc.paths['/api/v1/comments']);
      assert.ok(doc.paths['/api/v1/comments/{id}/approve']);
      assert.ok(doc.paths['/api/v1/comments/{id}/reject']);
    });
  });
}
