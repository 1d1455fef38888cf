import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createArticle } from '../../../test/support/factories.js';
import { postForm, type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import type { Article } from '../articles/article.js';
import { systemActor } from '../users/user.js';

let addresses = 0;

for (const engine of await enginesUnderTest()) {
  describe(`comment moderation in the newsroom on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let moderator: SignedIn;
    let editor: SignedIn;
    let admin: SignedIn;
    let writer: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      moderator = await signedInUser(t.app, t.services, 'moderator');
      editor = await signedInUser(t.app, t.services, 'editor');
      admin = await signedInUser(t.app, t.services, 'admin');
      writer = await signedInUser(t.app, t.services, 'writer');
    });
    after(() => t?.close());

    /** A reader's comment through the public form; returns its id. */
    async function readerComment(article: Article, body: string, name = 'خواننده'): Promise<number> {
      addresses += 1;
      const res = await t.app.inject({
        method: 'POST',
        url: `/news/${article.newsCode}/comments`,
        remoteAddress: `10.2.0.${addresses}`,
        headers: { origin: 'https://khabar.test' },
        payload: { name, email: 'reader@example.com', body },
      });
      assert.equal(res.statusCode, 303, res.body);
      const queue = await t.services.comments.queue(systemActor, {
        state: 'pending',
        newsCode: article.newsCode,
        limit: 1,
      });
      const id = queue.items[0]?.id;
      assert.ok(id);
      return id;
    }

    const queuePage = (who: SignedIn | undefined, query = '') =>
      t.app.inject({ url: `/newsroom/comments${query}`, headers: who ? { cookie: who.cookie } : {} });

    const articlePage = (article: Article) =>
      t.app.inject(`/news/${article.newsCode}/${encodeURIComponent(article.slug)}`);

    it('lists pending comments with article, name, email and text, and counts them in the navigation', async () => {
      const article = await createArticle(t.services);
      await readerComment(article, '<b>پرسشی</b> دربارهٔ این خبر');
      const res = await queuePage(moderator, `?newsCode=${article.newsCode}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(article.title));
      assert.ok(res.body.includes('reader@example.com'), 'staff see the email');
      assert.ok(res.body.includes('&lt;b>پرسشی&lt;/b> دربارهٔ این خبر'));
      assert.match(res.body, /href="\/newsroom\/comments"[^>]*>نظرها<span class="nr-nav__count"> \([۰-۹]+\)/);
    });

    it('lets moderators, editors and admins moderate; writers get 403 and the nav item is not theirs', async () => {
      for (const who of [moderator, editor, admin]) {
        assert.equal((await queuePage(who)).statusCode, 200);
      }
      assert.equal((await queuePage(writer)).statusCode, 403);
      const article = await createArticle(t.services);
      const id = await readerComment(article, 'نظری برای آزمون نقش‌ها');
      const refused = await postForm(t.app, writer, `/newsroom/comments/${id}/approve`);
      assert.equal(refused.statusCode, 403);
      const desk = await t.app.inject({ url: '/newsroom/articles', headers: { cookie: writer.cookie } });
      assert.doesNotMatch(desk.body, /href="\/newsroom\/comments"/);
      const approved = await postForm(t.app, editor, `/newsroom/comments/${id}/approve`, {
        state: 'pending',
      });
      assert.equal(approved.statusCode, 303);
      assert.equal(approved.headers.location, '/newsroom/comments?state=pending&done=approve');
    });

    it('sends a visitor without a session to sign in, and refuses their POST with 401', async () => {
      const res = await queuePage(undefined);
      assert.equal(res.statusCode, 302);
      assert.match(String(res.headers.location), /^\/newsroom\/login\?next=/);
      const post = await t.app.inject({ method: 'POST', url: '/newsroom/comments/1/approve', payload: {} });
      assert.equal(post.statusCode, 401);
    });

    it('refuses a moderation POST without the form token with 403', async () => {
      const article = await createArticle(t.services);
      const id = await readerComment(article, 'بی‌توکن');
      const res = await t.app.inject({
        method: 'POST',
        url: `/newsroom/comments/${id}/approve`,
        headers: { cookie: moderator.cookie },
        payload: {},
      });
      assert.equal(res.statusCode, 403);
      const still = await t.services.comments.queue(systemActor, {
        state: 'pending',
        newsCode: article.newsCode,
        limit: 5,
      });
      assert.deepEqual(
        still.items.map((c) => c.id),
        [id],
      );
    });

    it('approves several comments at once, which then appear on the article and announce themselves', async () => {
      const article = await createArticle(t.services);
      const first = await readerComment(article, 'نظر گروهی یک');
      const second = await readerComment(article, 'نظر گروهی دو');
      const third = await readerComment(article, 'نظر گروهی سه');
      const announced: number[] = [];
      const stop = t.services.events.on('comment.approved', ({ commentId }) => {
        announced.push(commentId);
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/newsroom/comments/bulk',
        headers: { cookie: moderator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams([
          ['_csrf', moderator.csrf],
          ['action', 'approve'],
          ['state', 'pending'],
          ['newsCode', String(article.newsCode)],
          ['ids', String(first)],
          ['ids', String(second)],
        ]).toString(),
      });
      stop();
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(
        res.headers.location,
        `/newsroom/comments?state=pending&newsCode=${article.newsCode}&done=bulk`,
      );
      assert.deepEqual(announced.sort(), [first, second].sort());
      const html = (await articlePage(article)).body;
      assert.match(html, /نظر گروهی یک/);
      assert.match(html, /نظر گروهی دو/);
      assert.doesNotMatch(html, /نظر گروهی سه/);
      const rejected: string[] = [];
      const off = t.services.events.on('comment.rejected', ({ state }) => {
        rejected.push(state);
      });
      assert.equal((await postForm(t.app, moderator, `/newsroom/comments/${third}/spam`)).statusCode, 303);
      off();
      assert.deepEqual(rejected, ['spam']);
    });

    it('asks for a choice when the bulk form is sent with nothing ticked', async () => {
      const res = await postForm(t.app, moderator, '/newsroom/comments/bulk', { action: 'approve' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /هیچ نظری انتخاب نشده است/);
    });

    it('publishes a reply as the newsroom at once, marked «پاسخ تحریریه», under the comment', async () => {
      const article = await createArticle(t.services);
      const id = await readerComment(article, 'چرا قیمت‌ها بالا رفت؟', 'پرسشگر');
      await t.services.comments.moderate(systemActor, [id], 'approve');
      const res = await postForm(t.app, moderator, `/newsroom/comments/${id}/reply`, {
        body: 'به‌زودی گزارش کامل‌تری منتشر می‌کنیم.',
        state: 'approved',
      });
      assert.equal(res.statusCode, 303, res.body);
      const html = (await articlePage(article)).body;
      const thread = html.slice(html.indexOf(`id="comment-${id}"`));
      assert.match(thread, /class="comments__replies"[\s\S]*پاسخ تحریریه[\s\S]*به‌زودی گزارش کامل‌تری/);
      assert.match(html, /۲ نظر/);
    });

    it('refuses a newsroom reply to a comment that is not approved yet', async () => {
      const article = await createArticle(t.services);
      const id = await readerComment(article, 'هنوز در صف');
      const res = await postForm(t.app, moderator, `/newsroom/comments/${id}/reply`, {
        body: 'پاسخ زودهنگام',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /نخست نظر را تأیید کنید/);
    });

    it('shows a message over the whole queue for a news code that has no article', async () => {
      const res = await queuePage(moderator, '?newsCode=987654321');
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /مطلبی با این کد خبر نیست/);
      assert.match(res.body, /class="cm-tabs"/);
    });
  });
}
