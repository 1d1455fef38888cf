import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedDemoContent } from '../src/features/demo/demo-seeder.js';
import { chromiumSkip, launchChromium, signInWithForm } from '../test/support/browser.js';
import { createImage } from '../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../test/support/test-app.js';

// `KHABAR_SCREENSHOTS=docs/screenshots npm test` refreshes the screenshots kept in the repository.
const screenshots = process.env.KHABAR_SCREENSHOTS ?? path.join(tmpdir(), 'khabar-screenshots');

describe('an editor in Chromium', {
  skip: chromiumSkip,
}, () => {
  let t: TestApp;
  let browser: Browser;
  let origin = '';
  const email = 'dabir@khabar.test';
  const password = 'a-long-password';

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    // Plain HTTP on 127.0.0.1: the session cookie must not be Secure or the browser would not send it.
    t = await buildTestApp(sqlite!, { env: { KHABAR_SITE_URL: 'http://127.0.0.1' } });
    // A newsroom with a past: the demo's articles and pictures fill the list and the picker.
    assert.ok((await seedDemoContent(t.services)) > 0);
    await t.services.users.createUser({ email, name: 'مریم دبیر', role: 'editor', password });
    await createImage(t.services, 'نمای میدان آزادی در غروب');
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page) {
    await page.goto(`${origin}/newsroom`);
    assert.match(page.url(), /\/newsroom\/login\?next=/);
    await signInWithForm(page, origin, email, password);
  }

  it('signs in, writes an article with a heading and an image, publishes it and finds it on the home page', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await signIn(page);

    await page.getByRole('link', { name: 'مطلب تازه' }).click();
    await page.getByLabel('روتیتر').fill('گزارش میدانی');
    await page.getByLabel('تیتر', { exact: true }).fill('بازگشایی پل تاریخی پس از مرمت');
    await page.getByLabel('لید').fill('پل تاریخی شهر پس از دو سال مرمت به روی مردم باز شد.');
    await page.getByLabel('سرویس').selectOption('culture');

    const body = page.locator('.ProseMirror');
    await body.click();
    await page.keyboard.type('مراسم بازگشایی صبح امروز با حضور اهالی برگزار شد.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'تیتر میانی' }).click();
    await page.keyboard.type('مرمت دوساله');
    await page.keyboard.press('Enter');
    await page.keyboard.type('مرمت‌گران آجرهای فرسوده را یکی‌یکی جایگزین کردند.');

    await page.getByRole('button', { name: 'افزودن تصویر با زیرنویس' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /نمای میدان آزادی/ }).click();
    await assert.doesNotReject(body.locator('figure img').waitFor());
    assert.match(await page.getByText(/واژه$/).first().innerText(), /[۰-۹]+ واژه/);

    await page.screenshot({ path: path.join(screenshots, 'newsroom-editor.png'), fullPage: true });

    await page.getByRole('button', { name: 'انتشار همین حالا' }).click();
    await page.waitForURL(/\/newsroom\/articles\/\d+\?done=publish/);
    assert.match(await page.getByRole('status').innerText(), /مطلب منتشر شد/);

    await page.goto(`${origin}/`);
    const link = page.getByRole('link', { name: 'بازگشایی پل تاریخی پس از مرمت' }).first();
    await link.click();
    await page.waitForURL(/\/news\/\d+\//);
    assert.equal(await page.locator('.article__body h2').innerText(), 'مرمت دوساله');
    const figure = page.locator('.article__body figure');
    assert.equal(await figure.locator('img').getAttribute('alt'), 'نمای میدان آزادی در غروب');
    assert.match(await figure.locator('figcaption').innerText(), /نمای میدان آزادی/);

    await page.goto(`${origin}/newsroom/articles`);
    await page.screenshot({ path: path.join(screenshots, 'newsroom-list.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('saves a draft, never publishes, when the editor presses Enter in the title', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${origin}/newsroom/articles/new`);
    await page.getByLabel('تیتر', { exact: true }).fill('تیتری که هنوز آماده نیست');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('نیمی از متن.');
    await page.getByLabel('تیتر', { exact: true }).press('Enter');
    await page.waitForURL(/\/newsroom\/articles\/\d+\?done=created/);
    assert.equal(await page.locator('.nr-article-status .nr-state').innerText(), 'پیش‌نویس');
    await context.close();
  });

  it('works at tablet width and from the keyboard: the form is reachable by Tab and nothing overflows', async () => {
    const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${origin}/newsroom/articles/new`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the editor overflows by ${overflow}px at 820px`);
    await page.locator('#surtitle').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'title');
    await context.close();
  });
});
