import type { DB } from '../../platform/db/database.js';
import { searchKey } from '../../platform/persian/search-key.js';
import { bodyText } from '../articles/article-body.js';
import type { SearchDocument, SearchStore } from './search-repository.js';
import {
  articleIdsShowing,
  countArticles,
  loadSearchSources,
  type SearchSource,
} from './search-source-repository.js';

/** The keys of one article: the title alone (it ranks first), the rest of its words, its writer. */
export function searchDocumentOf(source: SearchSource): SearchDocument {
  const words = [
    source.surtitle,
    source.lead,
    bodyText(source.body),
    source.tags.join(' '),
    source.sectionName,
    source.byline,
    source.authorName,
  ];
  return {
    articleId: source.id,
    public: source.state === 'published',
    publishedAt: source.publishedAt ?? source.createdAt,
    title: searchKey(source.title),
    document: searchKey(words.filter(Boolean).join(' \n ')),
    writer: searchKey(source.writerName ?? ''),
  };
}

export interface ReindexProgress {
  done: number;
  total: number;
}

const batchSize = 500;

/**
 * Keeps the index in step with the articles. `articlesSaved` runs inside the transaction that
 * wrote them, so an article leaves the public index in the same commit that unpublishes it.
 */
export function createSearchIndexer({ db, store }: { db: DB; store: SearchStore }) {
  return {
    async articlesSaved(trx: DB, articleIds: readonly number[]): Promise<void> {
      const sources = await loadSearchSources(trx, { ids: articleIds });
      await store.save(trx, sources.map(searchDocumentOf));
    },

    /**
     * Re-indexes every article showing a tag's or a section's name, inside the transaction that
     * renamed it, a batch at a time, so a search for the new name finds them from the commit on.
     */
    async nameChanged(trx: DB, name: { tagId: number } | { sectionId: number }): Promise<void> {
      let afterId = 0;
      for (;;) {
        const ids = await articleIdsShowing(trx, name, afterId, batchSize);
        const last = ids.at(-1);
        if (last === undefined) return;
        const sources = await loadSearchSources(trx, { ids });
        await store.save(trx, sources.map(searchDocumentOf));
        afterId = last;
      }
    },

    /**
     * Rebuilds the index from every article, a batch per transaction so the site keeps answering
     * (and the newsroom keeps saving) while it runs; each article is replaced, never missing.
     */
    async reindex(onProgress: (progress: ReindexProgress) => void = () => {}): Promise<ReindexProgress> {
      const total = await countArticles(db);
      let done = 0;
      let afterId = 0;
      await store.rebuildStarting(db);
      onProgress({ done, total });
      for (;;) {
        const sources = await loadSearchSources(db, { afterId, limit: batchSize });
        const last = sources.at(-1);
        if (!last) break;
        await db.transaction().execute((trx) => store.save(trx, sources.map(searchDocumentOf)));
        afterId = last.id;
        done += sources.length;
        onProgress({ done, total: Math.max(total, done) });
      }
      await store.rebuildFinished(db);
      return { done, total: Math.max(total, done) };
    },
  };
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
