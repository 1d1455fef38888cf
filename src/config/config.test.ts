import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives a working default: SQLite under ./data, port 3000, Tehran time, demo on', () => {
    const config = loadConfig({}, '/srv/khabar');
    assert.deepEqual(config.database, {
      engine: 'sqlite',
      file: '/srv/khabar/data/khabar.db',
      slowQueryMs: 500,
    });
    assert.equal(config.port, 3000);
    assert.equal(config.timeZone, 'Asia/Tehran');
    assert.equal(config.demo, true);
    assert.equal(config.pageCacheBytes, 64 * 1024 * 1024);
    assert.equal(config.siteUrl, 'http://localhost:3000');
    assert.ok(Object.isFrozen(config));
  });

  it('reads the data directory, port, host, demo switch and PostgreSQL URL from the environment', () => {
    const config = loadConfig(
      {
        KHABAR_DATA_DIR: '/var/lib/khabar',
        PORT: '8080',
        HOST: '0.0.0.0',
        KHABAR_DEMO: 'off',
        DATABASE_URL: 'postgres://khabar:secret@db/khabar',
        KHABAR_SITE_URL: 'https://news.example/',
      },
      '/srv',
    );
    assert.equal(config.dataDir, '/var/lib/khabar');
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.demo, false);
    assert.deepEqual(config.database, {
      engine: 'postgres',
      url: 'postgres://khabar:secret@db/khabar',
      poolSize: 10,
      statementTimeoutMs: 15_000,
      slowQueryMs: 500,
    });
    assert.equal(config.siteUrl, 'https://news.example');
  });

  it('stops on a wrong value with one line naming the variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /^PORT must be a whole number/],
      [{ PORT: '70000' }, /^PORT must be/],
      [{ KHABAR_DEMO: 'maybe' }, /^KHABAR_DEMO must be "on" or "off"/],
      [{ KHABAR_TIME_ZONE: 'Mars/Olympus' }, /^KHABAR_TIME_ZONE must be an IANA time zone/],
      [{ DATABASE_URL: 'mysql://u:hunter2@x/db' }, /^DATABASE_URL must be/],
      [{ KHABAR_SITE_URL: 'news.example' }, /^KHABAR_SITE_URL must be/],
      [
        { KHABAR_SITE_URL: 'https://example.org/news' },
        /^KHABAR_SITE_URL must be an http\(s\) origin with no path/,
      ],
      [{ KHABAR_NEWS_CODE_START: '0' }, /^KHABAR_NEWS_CODE_START must be/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'),
        JSON.stringify(env),
      );
    }
  });

  it('never repeats a database password in its error message', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('hunter2'),
    );
  });

  it('leaves Telegram off without a token and reads the bot, channel and API base when given', () => {
    assert.equal(loadConfig({}).telegram, null);
    assert.equal(loadConfig({}).newsPublicationName, 'خبر', 'the News name follows the site name');
    const config = loadConfig({
      KHABAR_TELEGRAM_BOT_TOKEN: '123456:ABC-def_9',
      KHABAR_TELEGRAM_CHAT_ID: '@khabar_news',
      KHABAR_TELEGRAM_API_BASE: 'http://127.0.0.1:8081/',
      KHABAR_NEWS_PUBLICATION_NAME: 'خبرگزاری خبر',
    });
    assert.deepEqual(config.telegram, {
      botToken: '123456:ABC-def_9',
      chatId: '@khabar_news',
      apiBase: 'http://127.0.0.1:8081',
    });
    assert.equal(config.newsPublicationName, 'خبرگزاری خبر');
    assert.equal(
      loadConfig({ KHABAR_TELEGRAM_BOT_TOKEN: '1:a', KHABAR_TELEGRAM_CHAT_ID: '-1001234' }).telegram?.apiBase,
      'https://api.telegram.org',
    );
  });

  it('stops on a half Telegram setting, naming the variable and never the token', () => {
    for (const [env, name] of [
      [{ KHABAR_TELEGRAM_CHAT_ID: '@khabar_news' }, 'KHABAR_TELEGRAM_BOT_TOKEN'],
      [{ KHABAR_TELEGRAM_BOT_TOKEN: '123456:secretvalue' }, 'KHABAR_TELEGRAM_CHAT_ID'],
      [
        { KHABAR_TELEGRAM_BOT_TOKEN: 'not a token secretvalue', KHABAR_TELEGRAM_CHAT_ID: '@khabar_news' },
        'KHABAR_TELEGRAM_BOT_TOKEN',
      ],
      [
        { KHABAR_TELEGRAM_BOT_TOKEN: '123456:secretvalue', KHABAR_TELEGRAM_CHAT_ID: 'khabar news' },
        'KHABAR_TELEGRAM_CHAT_ID',
      ],
      [
        {
          KHABAR_TELEGRAM_BOT_TOKEN: '123456:secretvalue',
          KHABAR_TELEGRAM_CHAT_ID: '@khabar_news',
          KHABAR_TELEGRAM_API_BASE: 'ftp://x',
        },
        'KHABAR_TELEGRAM_API_BASE',
      ],
    ] as const) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message.startsWith(name) &&
          !error.message.includes('secretvalue'),
        JSON.stringify(env),
      );
    }
  });
});
