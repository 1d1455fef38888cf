import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { createRepeatViewFilter, type Reader, type RepeatViewFilterOptions } from './repeat-view-filter.js';
import { addViews, floorToHour, type RankedArticle, rankArticles } from './view-repository.js';

export interface ViewCounterDeps {
  db: DB;
  clock: Clock;
  onFlushError: (error: unknown) => void;
  flushIntervalMs?: number;
  /** How long a ranking is reused before the database is asked again. */
  rankingTtlMs?: number;
  repeatViews?: Omit<RepeatViewFilterOptions, 'clock'>;
}

// Crawlers, link-preview fetchers and scripts are not readers; counting them
// would let whatever a bot hammers top the list. In-app browsers of Telegram
// and WhatsApp are readers: their user agents start with Mozilla, while the
// previewers say TelegramBot or start with WhatsApp/.
// HTTP libraries (axios, Go, Java, node-fetch, undici, Scrapy, Perl) and feed
// fetchers name themselves; a browser never does.
const botPattern =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|facebookexternalhit|^whatsapp\/|preview|^curl\/|^wget\/|python-requests|python-urllib|httpclient|headless|lighthouse|monitor|fetcher|scrapy|^axios\/|go-http-client|^java\/|^node-fetch|^undici|libwww-perl/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || botPattern.test(userAgent);
}

const maxPendingBuckets = 100_000;

export const mostViewedPeriods = ['day', 'week'] as const;
export type MostViewedPeriod = (typeof mostViewedPeriods)[number];
const periodMs: Record<MostViewedPeriod, number> = { day: 86_400_000, week: 7 * 86_400_000 };

/**
 * Counts article views in memory and writes them in batches, so a busy page
 * costs one map update per request instead of one database write. Bots and a
 * reader's repeat views within half an hour are not counted.
 *
 * Rankings are kept for `rankingTtlMs` (4 s) and dropped whenever this process
 * writes views, so a new view shows in the lists within the flush interval (5 s)
 * here, and within 9 s when another process counted it.
 */
export function createViewCounter({
  db,
  clock,
  onFlushError,
  flushIntervalMs = 5_000,
  rankingTtlMs = 4_000,
  repeatViews,
}: ViewCounterDeps) {
  let pending = new Map<string, { articleId: number; hour: string; views: number }>();
  let timer: NodeJS.Timeout | undefined;
  const repeats = createRepeatViewFilter({ clock, ...repeatViews });
  const rankings = new Map<string, { at: number; ranking: Promise<RankedArticle[]> }>();

  function ranking(period: MostViewedPeriod, limit: number): Promise<RankedArticle[]> {
    const now = clock.now().getTime();
    const key = `${period}|${limit}`;
    const kept = rankings.get(key);
    if (kept && now - kept.at < rankingTtlMs && now >= kept.at) return kept.ranking;
    const fresh = rankArticles(db, new Date(now - periodMs[period]), limit);
    rankings.set(key, { at: now, ranking: fresh });
    // A failed query is not kept: the next caller asks again.
    fresh.catch(() => {
      if (rankings.get(key)?.ranking === fresh) rankings.delete(key);
    });
    return fresh;
  }

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      await addViews(db, batch);
      rankings.clear();
    } catch (error) {
      // Put the views back so a passing database error loses nothing; a
      // database that stays away must not make the buffer grow without bound.
      if (pending.size + batch.length > maxPendingBuckets) throw error;
      for (const item of batch) {
        const key = `${item.articleId}|${item.hour}`;
        const current = pending.get(key);
        pending.set(key, { ...item, views: item.views + (current?.views ?? 0) });
      }
      throw error;
    }
  }

  return {
    /** Counts a reader's view of an article, unless it is a bot or a repeat; says whether it counted. */
    record(articleId: number, reader: Reader): boolean {
      if (isBot(reader.userAgent)) return false;
      if (!repeats.shouldCount(articleId, reader)) return false;
      const hour = floorToHour(clock.now());
      const key = `${articleId}|${hour}`;
      const current = pending.get(key);
      pending.set(key, { articleId, hour, views: (current?.views ?? 0) + 1 });
      return true;
    },

    flush,

    /** Views counted here and not written yet, for the metrics. */
    pendingViews(): number {
      let views = 0;
      for (const bucket of pending.values()) views += bucket.views;
      return views;
    },

    start(): void {
      timer ??= setInterval(() => flush().catch(onFlushError), flushIntervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },

    /** The most viewed articles of the window with their views, highest first, each article once. */
    ranking,

    /** Ids of the most viewed articles of the window, highest first. */
    async mostViewed(period: MostViewedPeriod, limit: number): Promise<number[]> {
      return (await ranking(period, limit)).map((r) => r.articleId);
    },
  };
}

export type ViewCounter = ReturnType<typeof createViewCounter>;
