import type { ArticleService } from './article-service.js';

/**
 * Publishes scheduled articles when they fall due. It runs once at start, so
 * items that came due while the server was down go out at once, then on an
 * interval. Several processes may run it: the publish itself is atomic.
 */
export function startScheduler(
  articles: ArticleService,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await articles.publishDue();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
