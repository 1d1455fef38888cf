import type { DB } from '../../platform/db/database.js';
import type { ArticleSummary } from '../articles/article.js';
import type { ArticleService } from '../articles/article-service.js';
import { listSlot } from '../curation/curation-repository.js';
import type { Section } from '../sections/section.js';
import type { SectionService } from '../sections/section-service.js';
import type { ViewCounter } from '../stats/view-counter.js';

export interface HomeServiceDeps {
  db: DB;
  articles: ArticleService;
  sections: SectionService;
  views: ViewCounter;
}

export interface HomePage {
  topStory: ArticleSummary | null;
  latest: ArticleSummary[];
  editorPicks: ArticleSummary[];
  mostViewed: ArticleSummary[];
  photoStories: ArticleSummary[];
  sections: { section: Section; items: ArticleSummary[] }[];
}

export function createHomeService({ db, articles, sections, views }: HomeServiceDeps) {
  return {
    /**
     * Everything the home page shows. The top story is the desk's choice; when
     * the desk has chosen none (or took it down) the newest item with a photo leads.
     */
    async load(): Promise<HomePage> {
      const [topIds, pickIds, viewedIds, allSections] = await Promise.all([
        listSlot(db, 'topStory'),
        listSlot(db, 'editorPick'),
        views.mostViewed('day', 10),
        sections.list(),
      ]);
      const [chosenTop] = await articles.publishedSummaries(topIds.slice(0, 1));
      const latest = await articles.listPublished({ limit: 16 });
      const topStory = chosenTop ?? latest.find((a) => a.cover) ?? latest[0] ?? null;
      const withoutTop = topStory ? [topStory.id] : [];

      const [editorPicks, mostViewed, photoStories, blocks] = await Promise.all([
        articles.publishedSummaries(pickIds),
        articles.publishedSummaries(viewedIds),
        articles.listPublished({ kind: 'photoStory', limit: 4 }),
        Promise.all(
          allSections.map(async (section) => ({
            section,
            items: await articles.listPublished({ sectionId: section.id, excludeIds: withoutTop, limit: 4 }),
          })),
        ),
      ]);
      return {
        topStory,
        latest: latest.filter((a) => a.id !== topStory?.id).slice(0, 12),
        editorPicks,
        mostViewed,
        photoStories,
        sections: blocks.filter((b) => b.items.length > 0),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
