import path from 'node:path';
import { isValidTimeZone } from '../platform/persian/jalali.js';

export type DatabaseConfig = (
  | { readonly engine: 'sqlite'; readonly file: string }
  | {
      readonly engine: 'postgres';
      readonly url: string;
      /** Connections each process keeps at most (KHABAR_DB_POOL_SIZE). */
      readonly poolSize?: number;
      /** A statement running longer is cancelled by the server (KHABAR_DB_STATEMENT_TIMEOUT_MS). */
      readonly statementTimeoutMs?: number;
    }
) & {
  /** Queries slower than this are logged with the request id (KHABAR_SLOW_QUERY_MS; 0 turns it off). */
  readonly slowQueryMs?: number;
};

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly demo: boolean;
  readonly siteName: string;
  /** Absolute origin used in canonical and share links; never ends with a slash. */
  readonly siteUrl: string;
  readonly timeZone: string;
  readonly newsCodeStart: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly schedulerIntervalMs: number;
  readonly trustProxy: boolean;
  /** Web addresses in approved reader comments become links (rel="nofollow ugc"); off keeps them as text. */
  readonly commentLinks: boolean;
  /** The publication name in the Google News sitemap; it must match the name Google News shows. */
  readonly newsPublicationName: string;
  /** Posting new articles to a Telegram channel; null when no bot token is set. */
  readonly telegram: TelegramConfig | null;
  /** Memory for rendered public pages (bodies and their compressed forms), in bytes. */
  readonly pageCacheBytes: number;
}

export interface TelegramConfig {
  /** Secret: the Bot API token from @BotFather. Never logged. */
  readonly botToken: string;
  /** The channel: `@username` or its numeric id (`-100…`). */
  readonly chatId: string;
  /** The Bot API origin, without a trailing slash; tests and self-hosted Bot API servers change it. */
  readonly apiBase: string;
}

/** Thrown for a bad environment value; its message is the one line an operator reads. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Builds the one frozen configuration of a process from its environment. Every
 * setting is read here and nowhere else, so a wrong value stops start-up with a
 * message naming the variable instead of failing later inside a feature.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = readInteger(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(cwd, read(env, 'KHABAR_DATA_DIR') ?? 'data');
  const timeZone = read(env, 'KHABAR_TIME_ZONE') ?? 'Asia/Tehran';
  if (!isValidTimeZone(timeZone)) {
    fail('KHABAR_TIME_ZONE', timeZone, 'an IANA time zone such as Asia/Tehran');
  }
  const logLevel = read(env, 'LOG_LEVEL') ?? 'info';
  if (!isOneOf(logLevels, logLevel)) fail('LOG_LEVEL', logLevel, logLevels.join(', '));
  const siteUrl = readSiteUrl(env, port);
  const siteName = read(env, 'KHABAR_SITE_NAME') ?? 'خبر';

  return Object.freeze({
    port,
    host: read(env, 'HOST') ?? 'localhost',
    dataDir,
    database: readDatabase(env, dataDir),
    demo: readSwitch(env, 'KHABAR_DEMO', true),
    siteName,
    siteUrl,
    timeZone,
    newsCodeStart: readInteger(env, 'KHABAR_NEWS_CODE_START', 100001, 1, 2_000_000_000),
    logLevel,
    schedulerIntervalMs: readInteger(env, 'KHABAR_SCHEDULER_INTERVAL_MS', 15_000, 100, 3_600_000),
    trustProxy: readSwitch(env, 'KHABAR_TRUST_PROXY', false),
    commentLinks: readSwitch(env, 'KHABAR_COMMENT_LINKS', false),
    newsPublicationName: read(env, 'KHABAR_NEWS_PUBLICATION_NAME') ?? siteName,
    telegram: readTelegram(env),
    pageCacheBytes: readInteger(env, 'KHABAR_PAGE_CACHE_MB', 64, 0, 16_384) * 1024 * 1024,
  });
}

/** Telegram is off unless a bot token is set; a token without a channel is a mistake worth stopping for. */
function readTelegram(env: Env): TelegramConfig | null {
  const botToken = read(env, 'KHABAR_TELEGRAM_BOT_TOKEN');
  const chatId = read(env, 'KHABAR_TELEGRAM_CHAT_ID');
  if (botToken === undefined) {
    if (chatId !== undefined)
      fail('KHABAR_TELEGRAM_BOT_TOKEN', '', 'set when KHABAR_TELEGRAM_CHAT_ID is set');
    return null;
  }
  if (!/^\d+:[\w-]+$/.test(botToken)) {
    fail('KHABAR_TELEGRAM_BOT_TOKEN', '***', 'a Bot API token such as 123456:ABC-DEF… from @BotFather');
  }
  if (chatId === undefined)
    fail('KHABAR_TELEGRAM_CHAT_ID', '', 'a channel such as @khabar_channel or -1001234567890');
  if (!/^(@\w{4,}|-?\d+)$/.test(chatId)) {
    fail('KHABAR_TELEGRAM_CHAT_ID', chatId, 'a channel such as @khabar_channel or -1001234567890');
  }
  const rawBase = read(env, 'KHABAR_TELEGRAM_API_BASE') ?? 'https://api.telegram.org';
  let base: URL;
  try {
    base = new URL(rawBase);
  } catch {
    return fail('KHABAR_TELEGRAM_API_BASE', rawBase, 'an http(s) URL such as https://api.telegram.org');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    fail('KHABAR_TELEGRAM_API_BASE', rawBase, 'an http(s) URL such as https://api.telegram.org');
  }
  return Object.freeze({ botToken, chatId, apiBase: `${base.origin}${base.pathname.replace(/\/+$/, '')}` });
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function fail(name: string, value: string, expected: string): never {
  throw new ConfigError(`${name} must be ${expected} (got "${value}")`);
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    fail(name, raw, `a whole number from ${min} to ${max}`);
  }
  return value;
}

function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  return fail(name, raw, '"on" or "off"');
}

function readDatabase(env: Env, dataDir: string): DatabaseConfig {
  const raw = read(env, 'DATABASE_URL');
  const slowQueryMs = readInteger(env, 'KHABAR_SLOW_QUERY_MS', 500, 0, 3_600_000);
  if (raw === undefined) return { engine: 'sqlite', file: path.join(dataDir, 'khabar.db'), slowQueryMs };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    return {
      engine: 'postgres',
      url: raw,
      poolSize: readInteger(env, 'KHABAR_DB_POOL_SIZE', 10, 1, 1_000),
      statementTimeoutMs: readInteger(env, 'KHABAR_DB_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
      slowQueryMs,
    };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file) return { engine: 'sqlite', file: path.resolve(dataDir, file), slowQueryMs };
  }
  return fail('DATABASE_URL', redact(raw), 'postgres://user:password@host/db or sqlite:path/to/file.db');
}

function readSiteUrl(env: Env, port: number): string {
  const raw = read(env, 'KHABAR_SITE_URL') ?? `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('KHABAR_SITE_URL', raw, 'an absolute http(s) URL such as https://news.example');
  }
  // Every link the site prints is root-relative, so the site must live at the root of its origin.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname.replace(/\/+$/, '') !== '') {
    fail('KHABAR_SITE_URL', raw, 'an http(s) origin with no path, such as https://news.example');
  }
  return url.origin;
}

function isOneOf<T extends string>(options: readonly T[], value: string): value is T {
  return (options as readonly string[]).includes(value);
}

/** Keeps a password out of the one line printed for a bad DATABASE_URL. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
