import type { DB } from '../../platform/db/database.js';
import { searchDocumentOf } from './search-document.js';
import { documentBuilder } from './search-document-builder.js';
import type { SearchDocument, SearchStore } from './search-repository.js';
import {
  articleIdsShowing,
  changedSince,
  countArticles,
  loadSearchSources,
  publishedIdsFrom,
  type SearchSource,
} from './search-source-repository.js';

export interface ReindexProgress {
  done: number;
  total: number;
}

// Renames re-index inside the renaming transaction, a batch at a time; a rebuild takes bigger batches,
// each its own transaction: fewer commits, and bigger (so fewer) FTS5 segments to merge.
const batchSize = 500;
const rebuildBatchSize = 2000;

/**
 * Keeps the index in step with the articles. `articlesSaved` runs inside the transaction that
 * wrote them, so an article leaves the public index in the same commit that unpublishes it.
 */
export function createSearchIndexer({ db, store }: { db: DB; store: SearchStore }) {
  return {
    articlesSaved: (trx: DB, articleIds: readonly number[]) => saveArticles(trx, store, articleIds),

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
        await saveArticles(trx, store, ids);
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
      await store.rebuildStarting(db);
      onProgress({ done, total });
      // A batch's keys are built on the worker while the batch before it is written here.
      const builder = documentBuilder();
      const prepare = async (afterId: number) => {
        const sources = await loadSearchSources(db, { afterId, limit: rebuildBatchSize });
        return { sources, documents: sources.length ? builder.build(sources) : Promise.resolve([]) };
      };
      try {
        let next = await prepare(0);
        for (;;) {
          const { sources, documents } = next;
          const last = sources.at(-1);
          if (!last) break;
          next = await prepare(last.id);
          const built = await documents;
          await db
            .transaction()
            .execute(async (trx) => store.save(trx, await stillCurrent(trx, sources, built)));
          done += sources.length;
          onProgress({ done, total: Math.max(total, done) });
        }
      } finally {
        await builder.close();
      }
      await store.rebuildFinished(db);
      return { done, total: Math.max(total, done) };
    },

    /**
     * Fills SQLite's recent tier without rebuilding the rest: the newest articles are saved again,
     * which adds them to it. For a site upgraded to the tier; returns how many were indexed.
     */
    async fillRecentTier(): Promise<number> {
      const from = await store.rebuildStarting(db);
      const ids = from === undefined ? [] : await publishedIdsFrom(db, from);
      // Keys built here, a batch per transaction: the batches are few.
      for (let at = 0; at < ids.length; at += rebuildBatchSize) {
        const batch = ids.slice(at, at + rebuildBatchSize);
        await db.transaction().execute((trx) => saveArticles(trx, store, batch));
      }
      await store.rebuildFinished(db);
      return ids.length;
    },
  };
}

/**
 * The documents of a batch, with those whose article changed (or went) since the batch was read
 * built again from the article as it is now: they were read before the previous batch was written.
 */
async function stillCurrent(
  trx: DB,
  sources: readonly SearchSource[],
  documents: SearchDocument[],
): Promise<SearchDocument[]> {
  const { changed, gone } = await changedSince(trx, sources);
  if (changed.length === 0 && gone.length === 0) return documents;
  const stale = new Set([...changed, ...gone]);
  const fresh = await loadSearchSources(trx, { ids: changed });
  return [...documents.filter((d) => !stale.has(d.articleId)), ...fresh.map(searchDocumentOf)];
}

/** Puts these articles' current keys in the index, inside the caller's transaction. */
async function saveArticles(trx: DB, store: SearchStore, ids: readonly number[]): Promise<void> {
  const sources = await loadSearchSources(trx, { ids });
  await store.save(trx, sources.map(searchDocumentOf));
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
