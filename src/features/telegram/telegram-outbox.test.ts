import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { createArticle, createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { systemActor } from '../users/user.js';
import { createTelegramOutbox, outboxPolicy, retryDelayMs } from './telegram-outbox.js';
import { listOutbox } from './telegram-outbox-repository.js';

const token = '123456:TEST-token_abc';

type Reply = 'ok' | 'error500' | 'tooMany' | 'hangUp';

/**
 * A Bot API stand-in on 127.0.0.1. Each call takes the next scripted reply ('ok' once the script
 * is used up); 'hangUp' reads the whole request and closes the connection without an answer.
 */
function fakeBotApi() {
  const calls: { method: string; body: Buffer; type: string }[] = [];
  const script: Reply[] = [];
  let nextMessageId = 500;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = request.url?.replace(`/bot${token}/`, '') ?? '';
      calls.push({ method, body: Buffer.concat(chunks), type: String(request.headers['content-type']) });
      const reply = script.shift() ?? 'ok';
      if (reply === 'hangUp') {
        request.socket.destroy();
        return;
      }
      const [status, answer] =
        reply === 'ok'
          ? [200, { ok: true, result: { message_id: nextMessageId++ } }]
          : reply === 'tooMany'
            ? [
                429,
                {
                  ok: false,
                  error_code: 429,
                  description: 'Too Many Requests: retry after 90',
                  parameters: { retry_after: 90 },
                },
              ]
            : [500, { ok: false, error_code: 500, description: 'Internal Server Error' }];
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  return {
    calls,
    script,
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const engine of await enginesUnderTest()) {
  describe(`Telegram outbox on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    const bot = fakeBotApi();
    const clock = fixedClock(new Date('2024-01-27T08:55:00Z'));
    const stateOf = async (articleId: number) =>
      (await listOutbox(t.services.db)).find((r) => r.articleId === articleId);

    before(async () => {
      const apiBase = await bot.start();
      t = await buildTestApp(engine, {
        clock,
        env: {
          KHABAR_TELEGRAM_BOT_TOKEN: token,
          KHABAR_TELEGRAM_CHAT_ID: '@khabar_test',
          KHABAR_TELEGRAM_API_BASE: apiBase,
        },
      });
    });
    afterEach(() => {
      bot.calls.length = 0;
      bot.script.length = 0;
    });
    after(async () => {
      await t?.close();
      await bot.close();
    });

    it('posts a published article once, with its cover, headline, lead and short link', async () => {
      const cover = await createImage(t.services);
      const article = await createArticle(t.services, {
        title: 'تیتر <مهم> & فوری',
        lead: 'لید خبر برای کانال.',
        coverImageId: cover.id,
      });
      assert.equal(await t.services.telegram.runOnce(), 1);
      assert.equal(bot.calls.length, 1);
      const call = bot.calls[0]!;
      assert.equal(call.method, 'sendPhoto');
      assert.match(call.type, /^multipart\/form-data; boundary=/);
      const body = call.body.toString('latin1');
      assert.ok(body.includes('name="chat_id"\r\n\r\n@khabar_test'));
      assert.ok(body.includes('Content-Type: image/jpeg'), 'the cover is uploaded');
      const caption = Buffer.from(
        /name="caption"\r\n\r\n([\s\S]*?)\r\n--/.exec(body)?.[1] ?? '',
        'latin1',
      ).toString('utf8');
      assert.equal(
        caption,
        `<b>تیتر &lt;مهم&gt; &amp; فوری</b>\n\nلید خبر برای کانال.\n\nhttps://khabar.test/n/${article.newsCode}`,
      );
      assert.deepEqual(await stateOf(article.id), {
        articleId: article.id,
        state: 'sent',
        attempts: 1,
        messageId: '500',
        lastError: null,
      });
      assert.equal(await t.services.telegram.runOnce(), 0, 'nothing is left to post');
    });

    it('retries through errors and rate limits with growing waits, and posts exactly once', async () => {
      bot.script.push('error500', 'tooMany');
      const article = await createArticle(t.services, { title: 'خبر در روز قطعی تلگرام' });
      await t.services.telegram.runOnce();
      let row = await stateOf(article.id);
      assert.equal(row?.state, 'pending');
      assert.match(row?.lastError ?? '', /HTTP 500/);

      clock.advance(retryDelayMs(1) - 1000);
      assert.equal(await t.services.telegram.runOnce(), 0, 'not before its wait is over');
      clock.advance(1000);
      await t.services.telegram.runOnce();
      row = await stateOf(article.id);
      assert.equal(row?.state, 'pending');
      assert.match(row?.lastError ?? '', /HTTP 429/);

      clock.advance(60_000);
      assert.equal(await t.services.telegram.runOnce(), 0, 'Telegram asked for 90 seconds; 60 is too soon');
      clock.advance(30_000);
      await t.services.telegram.runOnce();
      row = await stateOf(article.id);
      assert.equal(row?.state, 'sent');
      assert.equal(row?.attempts, 3);
      assert.deepEqual(
        bot.calls.map((c) => c.method),
        ['sendMessage', 'sendMessage', 'sendMessage'],
        'three tries, one post: an article without a cover goes as text',
      );
    });

    it('keeps the post while Telegram is unreachable and sends it when it is back', async () => {
      const down = createTelegramOutbox({
        db: t.services.db,
        clock,
        config: { botToken: token, chatId: '@khabar_test', apiBase: 'http://127.0.0.1:9' },
        siteUrl: 'https://khabar.test',
        mediaDir: t.services.media.mediaDir,
        log: () => {},
      });
      const article = await createArticle(t.services, { title: 'خبر هنگام قطعی' });
      await down.runOnce();
      const row = await stateOf(article.id);
      assert.equal(row?.state, 'pending', 'a refused connection posted nothing, so it is tried again');
      clock.advance(retryDelayMs(row?.attempts ?? 1));
      await t.services.telegram.runOnce();
      assert.equal((await stateOf(article.id))?.state, 'sent');
      assert.equal(bot.calls.length, 1);
    });

    it('does not retry a call whose answer never came, since Telegram may have posted it', async () => {
      bot.script.push('hangUp');
      const article = await createArticle(t.services, { title: 'خبر با پاسخ گم‌شده' });
      await t.services.telegram.runOnce();
      assert.equal((await stateOf(article.id))?.state, 'unknown');
      clock.advance(outboxPolicy.longestRetryMs);
      assert.equal(await t.services.telegram.runOnce(), 0);
      assert.equal(bot.calls.length, 1);
    });

    it('marks a row left mid-call by a stopped process as unknown instead of posting it again', async () => {
      const article = await createArticle(t.services, { title: 'خبر در لحظهٔ خاموشی' });
      await t.services.db
        .updateTable('telegramOutbox')
        .set({
          state: 'sending',
          attempts: 1,
          leaseUntil: new Date(clock.now().getTime() + 1000).toISOString(),
        })
        .where('articleId', '=', article.id)
        .execute();
      assert.equal(await t.services.telegram.runOnce(), 0, 'a live lease is left alone');
      clock.advance(outboxPolicy.leaseMs);
      await t.services.telegram.runOnce();
      assert.equal((await stateOf(article.id))?.state, 'unknown');
      assert.equal(bot.calls.length, 0);
    });

    it('never posts an article twice: not for an edit, nor when it is unpublished and published again', async () => {
      const article = await createArticle(t.services, { title: 'خبری که ویرایش می‌شود' });
      await t.services.telegram.runOnce();
      await t.services.articles.update(systemActor, article.newsCode, { lead: 'لید تازه' });
      await t.services.articles.unpublish(systemActor, article.newsCode);
      await t.services.articles.update(systemActor, article.newsCode, { state: 'published' });
      assert.equal(await t.services.telegram.runOnce(), 0);
      assert.equal(bot.calls.length, 1);
    });

    it('leaves out imported or backdated articles and skips one unpublished before its turn', async () => {
      const old = await createArticle(
        t.services,
        {},
        { publishedAt: new Date(clock.now().getTime() - 3 * 24 * 3600_000) },
      );
      assert.equal(await stateOf(old.id), undefined, 'three days old is not news for the channel');
      const pulled = await createArticle(t.services, { title: 'خبری که زود برداشته شد' });
      await t.services.articles.unpublish(systemActor, pulled.newsCode);
      await t.services.telegram.runOnce();
      assert.equal((await stateOf(pulled.id))?.state, 'skipped');
      assert.equal(bot.calls.length, 0);
    });

    it('queues a scheduled article in the transaction that publishes it', async () => {
      const article = await t.services.articles.create(systemActor, {
        title: 'خبر زمان‌بندی‌شده',
        body: '<p>متن</p>',
        section: 'politics',
        state: 'scheduled',
        publishAt: new Date(clock.now().getTime() + 60_000).toISOString(),
      });
      assert.equal(await stateOf(article.id), undefined);
      clock.advance(60_000);
      assert.equal(await t.services.articles.publishDue(), 1);
      assert.equal((await stateOf(article.id))?.state, 'pending');
      await t.services.telegram.runOnce();
      assert.equal((await stateOf(article.id))?.state, 'sent');
    });

    it('lets several workers share the outbox without posting anything twice', async () => {
      const articles = [];
      for (let i = 0; i < 12; i += 1)
        articles.push(await createArticle(t.services, { title: `خبر شمارهٔ ${i}` }));
      const workers = [0, 1, 2].map(() =>
        createTelegramOutbox({
          db: t.services.db,
          clock,
          config: t.config.telegram,
          siteUrl: 'https://khabar.test',
          mediaDir: t.services.media.mediaDir,
          log: () => {},
        }),
      );
      const calls = await Promise.all(workers.map((w) => w.runOnce()));
      assert.equal(
        calls.reduce((a, b) => a + b, 0),
        12,
      );
      assert.equal(bot.calls.length, 12);
      for (const article of articles) assert.equal((await stateOf(article.id))?.state, 'sent');
    });
  });
}

describe('Telegram outbox without a bot', () => {
  it('queues nothing and calls nobody when no token is configured', async () => {
    const [sqlite] = await enginesUnderTest();
    const t = await buildTestApp(sqlite!);
    try {
      assert.equal(t.services.telegram.enabled, false);
      await createArticle(t.services);
      assert.deepEqual(await listOutbox(t.services.db), []);
      assert.equal(await t.services.telegram.runOnce(), 0);
    } finally {
      await t.close();
    }
  });
});
