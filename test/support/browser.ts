import { type Browser, chromium, type Page } from 'playwright-core';
import { findChromium, requires } from './requirements.js';

const executablePath = findChromium();
if (!executablePath && requires('chromium')) {
  throw new Error('KHABAR_TEST_REQUIRE lists chromium, but none was found');
}

/** The `skip` option of a browser suite: false where Chromium is installed, else the reason. */
export const chromiumSkip: string | false = executablePath
  ? false
  : 'Chromium not found (apt-get install chromium)';

/** The system Chromium, headless, with nothing that phones home or needs a GPU or a sandbox. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the newsroom's login form, as a person would, and waits for the dashboard. */
export async function signInWithForm(
  page: Page,
  origin: string,
  email: string,
  password: string,
): Promise<void> {
  await page.getByLabel('ایمیل').fill(email);
  await page.getByLabel('گذرواژه').fill(password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.waitForURL(`${origin}/newsroom`);
}
