import type { ArticleSummary } from '../articles/article.js';
import type { ArticleService } from '../articles/article-service.js';
import type { MostViewedPeriod, ViewCounter } from './view-counter.js';

export interface MostViewedItem {
  item: ArticleSummary;
  views: number;
}

/** The ranked lists readers see: the counter's ranking, as article summaries with their counted views. */
export function createMostViewedService({
  views,
  articles,
}: {
  views: ViewCounter;
  articles: ArticleService;
}) {
  return {
    async list(period: MostViewedPeriod, limit: number): Promise<MostViewedItem[]> {
      const ranking = await views.ranking(period, limit);
      const counted = new Map(ranking.map((r) => [r.articleId, r.views]));
      // An article unpublished since the ranking was read drops out here.
      const items = await articles.publishedSummaries(ranking.map((r) => r.articleId));
      return items.map((item) => ({ item, views: counted.get(item.id) ?? 0 }));
    },
  };
}

export type MostViewedService = ReturnType<typeof createMostViewedService>;
