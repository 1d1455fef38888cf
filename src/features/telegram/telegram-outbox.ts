import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TelegramConfig } from '../../config/config.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { shortPath } from '../articles/article.js';
import { sharedImage } from '../media/image.js';
import { findImagesByIds } from '../media/image-repository.js';
import { type CallOutcome, createTelegramClient, type TelegramClient } from './telegram-client.js';
import { captionLimits, postCaption } from './telegram-message.js';
import {
  abandonExpiredLeases,
  type ClaimedPost,
  claimDuePosts,
  findPostSource,
  finishPost,
  queueArticles,
} from './telegram-outbox-repository.js';

export interface TelegramOutboxDeps {
  db: DB;
  clock: Clock;
  /** Null when no bot is configured: nothing is queued and nothing is posted. */
  config: TelegramConfig | null;
  siteUrl: string;
  mediaDir: string;
  /** Reports what an operator should know: posts that may be missing, failures. */
  log: (message: string, error?: unknown) => void;
  client?: TelegramClient;
}

export const outboxPolicy = {
  /** Only articles that first went public this recently are posted: imports and old news are not news. */
  freshnessMs: 48 * 60 * 60 * 1000,
  /** Longer than a call can take (30 s), so a living process never loses its row. */
  leaseMs: 2 * 60 * 1000,
  /** 30 s, 1 min, 2 min … then every hour; 20 attempts reach over 14 hours of outage. */
  firstRetryMs: 30_000,
  longestRetryMs: 60 * 60 * 1000,
  maxAttempts: 20,
  batch: 5,
} as const;

/** The wait before attempt `attempts + 1`: doubling from the first retry, capped at an hour. */
export function retryDelayMs(attempts: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(
    outboxPolicy.firstRetryMs * 2 ** Math.max(0, attempts - 1),
    outboxPolicy.longestRetryMs,
  );
  return retryAfterSeconds === undefined ? backoff : Math.max(backoff, retryAfterSeconds * 1000);
}

/**
 * The Telegram outbox. Articles are queued in the very transaction that makes them public, so a
 * publish that commits is always queued; a worker then posts each to the channel, with retries
 * and backoff while Telegram is unreachable.
 *
 * Never twice: a row is claimed (state `sending`, with a lease) and committed before the call,
 * and marked `sent` after it. A failure that proves nothing was posted (Telegram's own error
 * answer, a refused connection) goes back to `pending`. A call whose request left whole but whose
 * answer never came, and a row whose process died mid-call, become `unknown` and are not retried:
 * Telegram has no way to ask whether a post exists, and a missing post is better than a double one.
 * The operator sees them in the outbox (and in the log) and can post them by hand.
 */
export function createTelegramOutbox({
  db,
  clock,
  config,
  siteUrl,
  mediaDir,
  log,
  client,
}: TelegramOutboxDeps) {
  const bot = client ?? (config ? createTelegramClient(config) : undefined);

  async function coverPhoto(coverImageId: number | null): Promise<Buffer | undefined> {
    if (coverImageId === null) return undefined;
    const cover = (await findImagesByIds(db, [coverImageId])).get(coverImageId);
    if (!cover) return undefined;
    const file = path.join(mediaDir, sharedImage(cover, 'og').url.slice('/media/'.length));
    return readFile(file).catch((error: unknown) => {
      log(`telegram: cover image ${coverImageId} unreadable, posting text only`, error);
      return undefined;
    });
  }

  async function post(row: ClaimedPost, telegram: TelegramClient): Promise<void> {
    const source = await findPostSource(db, row.articleId);
    if (source?.state !== 'published') {
      await finishPost(db, row.id, { state: 'skipped', error: 'the article is no longer public' });
      return;
    }
    const photo = await coverPhoto(source.coverImageId);
    const caption = postCaption(
      { title: source.title, lead: source.lead, shortUrl: `${siteUrl}${shortPath(source)}` },
      photo ? captionLimits.photo : captionLimits.text,
    );
    const outcome: CallOutcome = await telegram.post(photo ? { caption, photo } : { caption });
    const now = clock.now();
    if (outcome.kind === 'sent') {
      await finishPost(db, row.id, { state: 'sent', messageId: outcome.messageId, at: now });
    } else if (outcome.kind === 'unknown') {
      log(`telegram: article ${source.newsCode} may or may not be posted (${outcome.error}); not retried`);
      await finishPost(db, row.id, { state: 'unknown', error: outcome.error });
    } else if (row.attempts >= outboxPolicy.maxAttempts) {
      log(`telegram: article ${source.newsCode} not posted after ${row.attempts} attempts: ${outcome.error}`);
      await finishPost(db, row.id, { state: 'failed', error: outcome.error });
    } else {
      const nextAttemptAt = new Date(now.getTime() + retryDelayMs(row.attempts, outcome.retryAfterSeconds));
      await finishPost(db, row.id, { state: 'pending', nextAttemptAt, error: outcome.error });
    }
  }

  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const outbox = {
    enabled: bot !== undefined,

    /** Queues freshly published articles; runs inside the publishing transaction. */
    async queue(trx: DB, articleIds: readonly number[]): Promise<void> {
      if (!bot) return;
      const now = clock.now();
      await queueArticles(trx, articleIds, new Date(now.getTime() - outboxPolicy.freshnessMs), now);
    },

    /** Posts what is due, a batch at a time, until nothing is; returns how many calls were made. */
    runOnce(): Promise<number> {
      if (!bot) return Promise.resolve(0);
      running ??= (async () => {
        try {
          const now = clock.now();
          for (const row of await abandonExpiredLeases(db, now)) {
            log(`telegram: outbox row ${row.id} was left mid-call by a stopped process; not retried`);
          }
          let calls = 0;
          for (;;) {
            const at = clock.now();
            const rows = await claimDuePosts(
              db,
              at,
              new Date(at.getTime() + outboxPolicy.leaseMs),
              outboxPolicy.batch,
            );
            if (rows.length === 0) return calls;
            for (const row of rows) {
              await post(row, bot);
              calls += 1;
            }
          }
        } finally {
          running = undefined;
        }
      })();
      return running;
    },

    /** Posts every few seconds and at once when an article is published; stop() waits for a call in flight. */
    start(intervalMs: number): void {
      if (!bot || timer) return;
      const tick = () => {
        outbox.runOnce().catch((error: unknown) => log('telegram: posting failed', error));
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },

    /** Nudges the worker (after a publish) instead of waiting for the next tick. */
    kick(): void {
      if (timer) outbox.runOnce().catch((error: unknown) => log('telegram: posting failed', error));
    },

    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => {});
    },
  };
  return outbox;
}

export type TelegramOutbox = ReturnType<typeof createTelegramOutbox>;
