import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedDemoContent } from '../src/features/demo/demo-seeder.js';
import { chromiumSkip, launchChromium } from '../test/support/browser.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../test/support/test-app.js';

const screenshots = path.join(tmpdir(), 'khabar-screenshots');

describe('a reader in Chromium', {
  skip: chromiumSkip,
}, () => {
  let t: TestApp;
  let browser: Browser;
  let origin = '';
  let articleUrl = '';

  before(async () => {
    const [sqlite] = await enginesUnderTest();
    t = await buildTestApp(sqlite!);
    await seedDemoContent(t.services);
    origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const list = (await t.app.inject('/api/v1/articles?limit=1')).json();
    articleUrl = new URL(list.items[0].url).pathname;
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const width of [360, 1280]) {
    it(`reads the home, an article and a section at ${width} px without sideways scrolling or outside requests`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: true });
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      for (const [name, url] of [
        ['home', '/'],
        ['article', articleUrl],
        ['section', '/section/economy'],
      ] as const) {
        const response = await page.goto(`${origin}${url}`);
        assert.equal(response?.status(), 200, url);
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} at ${width}px overflows by ${overflow}px`);
        assert.equal(
          await page.evaluate(() => document.fonts.check('16px Vazirmatn')),
          true,
          'Vazirmatn is loaded',
        );
        await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
      }
      const outside = requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
      assert.deepEqual(outside, [], 'no third-party requests');
      await context.close();
    });
  }

  it('reads an article with JavaScript disabled: text, share links and the short link are all there', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${origin}${articleUrl}`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.ok((await page.locator('h1.article__title').textContent())?.length);
    assert.equal(await page.locator('.share__link').count(), 5);
    assert.match((await page.locator('#short-link').inputValue()) ?? '', /\/n\/\d+$/);
    assert.equal(
      await page.locator('[data-copy-button]').isVisible(),
      false,
      'no dead copy button without scripts',
    );
    await page.locator('a[href="#top"]').first().click();
    await context.close();
  });

  it('shows the copy button where scripts run', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}${articleUrl}`);
    await page.locator('[data-copy-button]').waitFor({ state: 'visible' });
    await context.close();
  });

  it('offers the phone’s share sheet only where the browser has one, with the short link', async () => {
    // Plain strings: tsx would wrap a function's source in helpers the page does not have.
    const withoutShare =
      "Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });";
    const recordingShare = `
      window.khabarShared = [];
      Object.defineProperty(Navigator.prototype, 'share', {
        value: (data) => { window.khabarShared.push(data); return Promise.resolve(); },
        configurable: true,
      });`;
    const without = await browser.newContext();
    const plain = await without.newPage();
    await plain.addInitScript({ content: withoutShare });
    await plain.goto(`${origin}${articleUrl}`);
    await plain.waitForLoadState('load');
    assert.equal(await plain.locator('[data-web-share]').isVisible(), false);
    await without.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript({ content: recordingShare });
    await page.goto(`${origin}${articleUrl}`);
    await page.getByRole('button', { name: 'اشتراک‌گذاری…' }).click();
    const shared = (await page.evaluate('window.khabarShared')) as { title: string; url: string }[];
    assert.equal(shared.length, 1);
    assert.match(shared[0]?.url ?? '', /\/n\/\d+$/);
    assert.equal(shared[0]?.title, await page.locator('h1.article__title').textContent());
    await context.close();
  });

  it('prints an article without navigation, sharing or other news', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${articleUrl}`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.share', '.other-news', '.article-aside']) {
      assert.equal(await page.locator(selector).first().isVisible(), false, selector);
    }
    assert.equal(await page.locator('.article__body').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    await context.close();
  });
});
