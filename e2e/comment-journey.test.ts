import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Article } from '../src/features/articles/article.js';
import { chromiumSkip, launchChromium } from '../test/support/browser.js';
import { createArticle } from '../test/support/factories.js';
import { freePort } from '../test/support/khabar-process.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../test/support/test-app.js';

describe('a reader comments and a moderator approves, in Chromium', {
  skip: chromiumSkip,
}, () => {
  let t: TestApp;
  let browser: Browser;
  let origin = '';
  let article: Article;
  const email = 'nazer@khabar.test';
  const password = 'a-long-password';

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The comment form is checked against the site's origin, so the site must live where the browser sees it.
    t = await buildTestApp(sqlite!, { env: { KHABAR_SITE_URL: origin } });
    await t.services.users.createUser({ email, name: 'نرگس ناظر', role: 'moderator', password });
    article = await createArticle(t.services, { title: 'افتتاح کتابخانهٔ تازهٔ شهر' });
    await t.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('posts a comment without JavaScript, waits for moderation, and sees it once approved', async () => {
    const articleUrl = `${origin}/news/${article.newsCode}/${encodeURIComponent(article.slug)}`;
    const text = 'کتابخانه تا چه ساعتی باز است؟ <img src=x onerror=alert(1)>';

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const readerPage = await reader.newPage();
    await readerPage.goto(articleUrl);
    const form = readerPage.locator('#comment-form');
    await form.getByLabel('نام', { exact: true }).fill('نگار');
    await form.getByLabel(/ایمیل/).fill('negar@example.com');
    await form.getByLabel('متن نظر').fill(text);
    await form.getByRole('button', { name: 'ارسال نظر' }).click();
    await readerPage.waitForURL(/\?comment=pending#comments$/);
    assert.match(
      String(await readerPage.getByRole('status').textContent()),
      /پس از بررسی تحریریه منتشر می‌شود/,
    );
    assert.equal(await readerPage.locator('.comments__list').count(), 0, 'nothing is shown before approval');

    const newsroom = await browser.newContext();
    const moderatorPage = await newsroom.newPage();
    const problems: string[] = [];
    moderatorPage.on('pageerror', (error) => problems.push(error.message));
    await moderatorPage.goto(`${origin}/newsroom/comments`);
    await moderatorPage.getByLabel('ایمیل').fill(email);
    await moderatorPage.getByLabel('گذرواژه').fill(password);
    await moderatorPage.getByRole('button', { name: 'ورود' }).click();
    await moderatorPage.waitForURL(`${origin}/newsroom/comments`);
    assert.match(String(await moderatorPage.getByRole('link', { name: /^نظرها/ }).textContent()), /۱/);
    const item = moderatorPage.locator('.cm-item', { hasText: 'کتابخانه تا چه ساعتی باز است؟' });
    assert.match(String(await item.textContent()), /negar@example\.com/);
    await item.getByRole('button', { name: 'تأیید' }).click();
    await moderatorPage.waitForURL(/done=approve/);
    assert.match(String(await moderatorPage.getByRole('status').textContent()), /نظر تأیید شد/);
    assert.deepEqual(problems, []);

    // The page may be kept by the browser for a minute (article pages are cacheable); a reload asks again.
    await readerPage.goto(articleUrl);
    await readerPage.reload();
    const shown = readerPage.locator('.comments__list .comment').first();
    assert.equal(await shown.locator('.comment__body').textContent(), text);
    assert.equal(await shown.locator('.comment__name').textContent(), 'نگار');
    assert.equal(await readerPage.locator('.comments__list img').count(), 0);
    assert.equal(await readerPage.getByRole('link', { name: '۱ نظر' }).count(), 1);
    assert.equal(await readerPage.getByText('negar@example.com').count(), 0);

    await reader.close();
    await newsroom.close();
  });
});
