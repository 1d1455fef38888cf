import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { addViews, floorToHour, mostViewedIds } from './view-repository.js';

export interface ViewCounterDeps {
  db: DB;
  clock: Clock;
  onFlushError: (error: unknown) => void;
  flushIntervalMs?: number;
}

// Crawlers, link-preview fetchers and scripts are not readers; counting them
// would let whatever a bot hammers top the list. In-app browsers of Telegram
// and WhatsApp are readers: their user agents start with Mozilla, while the
// previewers say TelegramBot or start with WhatsApp/.
const botPattern =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|facebookexternalhit|^whatsapp\/|preview|^curl\/|^wget\/|python-requests|httpclient|headless|lighthouse|monitor/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || botPattern.test(userAgent);
}

const maxPendingBuckets = 100_000;

export type MostViewedPeriod = 'day' | 'week';
const periodMs: Record<MostViewedPeriod, number> = { day: 86_400_000, week: 7 * 86_400_000 };

/**
 * Counts article views in memory and writes them in batches, so a busy page
 * costs one map update per request instead of one database write.
 */
export function createViewCounter({ db, clock, onFlushError, flushIntervalMs = 5_000 }: ViewCounterDeps) {
  let pending = new Map<string, { articleId: number; hour: string; views: number }>();
  let timer: NodeJS.Timeout | undefined;

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      await addViews(db, batch);
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
    record(articleId: number, userAgent: string | undefined): boolean {
      if (isBot(userAgent)) return false;
      const hour = floorToHour(clock.now());
      const key = `${articleId}|${hour}`;
      const current = pending.get(key);
      pending.set(key, { articleId, hour, views: (current?.views ?? 0) + 1 });
      return true;
    },

    flush,

    start(): void {
      timer ??= setInterval(() => flush().catch(onFlushError), flushIntervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },

    mostViewed(period: MostViewedPeriod, limit: number): Promise<number[]> {
      return mostViewedIds(db, new Date(clock.now().getTime() - periodMs[period]), limit);
    },
  };
}

export type ViewCounter = ReturnType<typeof createViewCounter>;
