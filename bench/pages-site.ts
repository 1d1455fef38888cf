// What the page bench asks of the running site outside the load itself: the raw bytes of a cached
// page for the ceiling, the address of a section's fiftieth page, and how long a published article
// takes to show.
import { request } from 'node:http';
import { browserHeaders } from './pages-load.js';
import type { PublishToVisible } from './pages-report.js';

/** How long the probe waits for a published article to show before it calls it not visible. */
export const publishDeadlineMs = 10_000;

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

// Headers about this connection or this instant, which the ceiling's own server sets itself.
const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** GETs a path as a browser would and keeps the body as sent (still compressed). */
export function getRaw(origin: string, path: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers: browserHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined && !perConnection.has(name)) headers[name] = String(value);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** GETs each path (twice, so a page cache holds it) and fails unless every answer is 200. */
export async function warm(origin: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    for (let n = 0; n < 2; n++) {
      const response = await getRaw(origin, path);
      if (response.status !== 200) throw new Error(`warming ${path}: ${response.status}`);
    }
  }
}

async function text(
  origin: string,
  path: string,
  timeoutMs = 30_000,
): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}${path}`, {
    headers: browserHeaders,
    redirect: 'manual',
    signal: AbortSignal.timeout(Math.max(1, Math.round(timeoutMs))),
  });
  return { status: response.status, html: await response.text() };
}

/**
 * Follows a section's «older» link page by page (pagination is by cursor, so a deep page must be
 * walked to) up to page `page`, or the last page when the section has fewer.
 */
export async function sectionPage(
  origin: string,
  slug: string,
  page: number,
): Promise<{ path: string; page: number }> {
  let path = `/section/${slug}`;
  for (let n = 1; n < page; n++) {
    const { status, html } = await text(origin, path);
    if (status !== 200) throw new Error(`${path}: ${status}`);
    const older = /<a class="pager__older" href="([^"]+)"/.exec(html)?.[1];
    if (!older) return { path, page: n };
    path = older.replaceAll('&amp;', '&');
  }
  return { path, page };
}

/**
 * Waits until the site answers its home page within 200 ms: a scenario whose requests timed out leaves
 * them queued in the server, and the next scenario must not measure that queue. False after 2 minutes.
 */
export async function settle(origin: string): Promise<boolean> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const started = performance.now();
    try {
      await text(origin, '/', deadline - started);
      if (performance.now() - started < 200) return true;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    }
  }
  return false;
}

/**
 * Polls a page until its HTML contains `needle`; returns when it did, in performance.now() time, or
 * null when the deadline passed first.
 */
async function seen(origin: string, path: string, needle: string, deadline: number): Promise<number | null> {
  for (;;) {
    try {
      const { status, html } = await text(origin, path, deadline - performance.now());
      if (status === 200 && html.includes(needle)) return performance.now();
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    }
    if (performance.now() > deadline) return null;
  }
}

/**
 * Publishes an article through the API as an integrator would, then asks for its page and the home
 * page (already cached) without pause until both show its title.
 */
export async function publishToVisible(origin: string, token: string): Promise<PublishToVisible> {
  const stamp = Date.now()
    .toString()
    .replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);
  const title = `خبر فوری سنجش انتشار ${stamp}`;
  const started = performance.now();
  const response = await fetch(`${origin}/api/v1/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      lead: 'این خبر را سنجه در میان بار منتشر کرد تا زمان دیده شدنش را بسنجد.',
      body: '<p>متن کوتاه خبر فوری برای سنجش زمان انتشار تا دیده شدن.</p>',
      section: 'politics',
      state: 'published',
    }),
  });
  const created = (await response.json()) as { url?: string; error?: { message: string } };
  if (response.status !== 201 || !created.url) {
    throw new Error(`publishing through the API: ${response.status} ${JSON.stringify(created)}`);
  }
  const deadline = started + publishDeadlineMs;
  const [article, home] = await Promise.all([
    seen(origin, new URL(created.url).pathname, title, deadline),
    seen(origin, '/', title, deadline),
  ]);
  const since = (at: number | null) => (at === null ? null : Math.round(at - started));
  return { articleMs: since(article), homeMs: since(home) };
}
