import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkip, launchChromium, signInWithForm } from '../test/support/browser.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../test/support/test-app.js';

const screenshots = process.env.KHABAR_SCREENSHOTS ?? path.join(tmpdir(), 'khabar-screenshots');
const Z = '\u200c';

describe('the typography assistant in Chromium', { skip: chromiumSkip }, () => {
  let t: TestApp;
  let browser: Browser;
  let origin = '';
  const email = 'virastar@khabar.test';
  const password = 'a-long-password';

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    t = await buildTestApp(sqlite!, { env: { KHABAR_SITE_URL: 'http://127.0.0.1' } });
    await t.services.users.createUser({ email, name: 'نگار خبرنگار', role: 'writer', password });
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page) {
    await page.goto(`${origin}/newsroom/login`);
    await signInWithForm(page, origin, email, password);
  }

  for (const viewport of [
    { name: 'a desktop', width: 1366, height: 900 },
    { name: 'a phone', width: 390, height: 844 },
  ]) {
    it(`marks suggestions, applies one, ignores one, applies the rest and saves the fixed text, on ${viewport.name}`, async () => {
      const context = await browser.newContext({ viewport, hasTouch: viewport.width < 500 });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await signIn(page);
      await page.goto(`${origin}/newsroom/articles/new`);

      await page.getByLabel('تیتر', { exact: true }).fill('نمايندگان بودجه را تصویب میکنند');
      const body = page.locator('.ProseMirror');
      await body.click();
      await page.keyboard.type('نمایندگان مي گويند همکاری ها در سال 1402 بیشتر شد, اما "تورم" بالاست');
      await page.keyboard.press('Enter');
      await page.keyboard.type('میان دو کشور توافق شد');

      await page.getByRole('button', { name: 'ویرایش نگارشی' }).click();
      const marks = body.locator('.nr-typo-mark');
      await marks.first().waitFor();
      assert.equal(await marks.count(), 5, 'five marks in the body, none in the correct paragraph');
      assert.match(await page.locator('.nr-typo-bar__status').innerText(), /۷ پیشنهاد/);
      const fieldRows = page.locator('.nr-typo-fields__item');
      assert.equal(await fieldRows.count(), 2, 'the title has two suggestions');
      await page.screenshot({
        path: path.join(screenshots, `typography-${viewport.width}.png`),
        fullPage: true,
      });

      // One by one: the mark on «مي گويند».
      await marks.first().click();
      const popover = page.getByRole('group', { name: 'پیشنهاد نگارشی' });
      assert.match(await popover.innerText(), /نیم‌فاصله/);
      await page.screenshot({ path: path.join(screenshots, `typography-popover-${viewport.width}.png`) });
      await popover.getByRole('button', { name: 'اعمال' }).click();
      await popover.waitFor({ state: 'detached' });
      assert.equal(await marks.count(), 4);
      assert.ok((await body.innerText()).startsWith(`نمایندگان می${Z}گویند همکاری ها`));

      // From the keyboard: «پیشنهاد بعدی» opens the next mark; ignoring it returns focus to the button.
      const next = page.getByRole('button', { name: 'پیشنهاد بعدی' });
      await next.focus();
      await page.keyboard.press('Enter');
      assert.match(await popover.innerText(), /همکاری ها/);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await popover.waitFor({ state: 'detached' });
      assert.equal(await marks.count(), 3);
      assert.equal(await next.evaluate((button) => button === document.activeElement), true);

      // One field suggestion by itself, then everything else at once.
      await fieldRows.first().getByRole('button', { name: 'اعمال' }).click();
      assert.equal(
        await page.getByLabel('تیتر', { exact: true }).inputValue(),
        'نمایندگان بودجه را تصویب میکنند',
      );
      await page.getByRole('button', { name: 'اعمال همه' }).click();
      assert.equal(await marks.count(), 0);
      assert.equal(await page.locator('.nr-typo-bar__status').innerText(), 'همهٔ پیشنهادها اعمال شد.');

      await page.getByRole('button', { name: 'ذخیرهٔ پیش‌نویس' }).click();
      await page.waitForURL(/\/newsroom\/articles\/\d+\?done=created/);
      assert.equal(
        await page.getByLabel('تیتر', { exact: true }).inputValue(),
        `نمایندگان بودجه را تصویب می${Z}کنند`,
      );
      assert.equal(
        await page.locator('textarea#body').inputValue(),
        `<p>نمایندگان می${Z}گویند همکاری ها در سال ۱۴۰۲ بیشتر شد، اما «تورم» بالاست</p><p>میان دو کشور توافق شد</p>`,
      );
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
