import type { DB } from '../../platform/db/database.js';
import { listTagsOfArticles } from '../tags/tag-repository.js';
import { idSpace, rowKey } from './search-order.js';

/** What the index is built from: an article's words and who wrote it, in any state. */
export interface SearchSource {
  id: number;
  state: string;
  title: string;
  surtitle: string | null;
  lead: string;
  body: string;
  sectionName: string;
  tags: string[];
  byline: string | null;
  authorName: string | null;
  writerName: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Articles with ids in `ids`, or (for a rebuild) the next `limit` articles after `afterId`, with
 * their section, author, writer and tags, read in four queries however many there are.
 */
export async function loadSearchSources(
  db: DB,
  which: { ids: readonly number[] } | { afterId: number; limit: number },
): Promise<SearchSource[]> {
  let q = db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .leftJoin('authors', 'authors.id', 'articles.authorId')
    .leftJoin('users', 'users.id', 'articles.createdBy')
    .select([
      'articles.id',
      'articles.state',
      'articles.title',
      'articles.surtitle',
      'articles.lead',
      'articles.body',
      'articles.byline',
      'articles.publishedAt',
      'articles.createdAt',
      'articles.updatedAt',
      'sections.name as sectionName',
      'authors.name as authorName',
      'users.name as writerName',
    ]);
  if ('ids' in which) {
    if (which.ids.length === 0) return [];
    q = q.where('articles.id', 'in', which.ids);
  } else {
    q = q.where('articles.id', '>', which.afterId).orderBy('articles.id').limit(which.limit);
  }
  const rows = await q.execute();
  const tags = await listTagsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, tags: (tags.get(row.id) ?? []).map((t) => t.name) }));
}

/** Ids of the published articles whose row key (search-order.ts) is `fromKey` or above. */
export async function publishedIdsFrom(db: DB, fromKey: number): Promise<number[]> {
  const minute = new Date(Math.floor(fromKey / idSpace) * 60_000).toISOString();
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'publishedAt'])
    .where('state', '=', 'published')
    .where('publishedAt', '>=', minute)
    .execute();
  return rows.filter((r) => r.publishedAt && rowKey(r.publishedAt, r.id) >= fromKey).map((r) => r.id);
}

/** Of these sources, the articles saved since they were read, and those no longer there. */
export async function changedSince(
  db: DB,
  sources: readonly SearchSource[],
): Promise<{ changed: number[]; gone: number[] }> {
  if (sources.length === 0) return { changed: [], gone: [] };
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'updatedAt'])
    .where(
      'id',
      'in',
      sources.map((s) => s.id),
    )
    .execute();
  const now = new Map(rows.map((r) => [r.id, new Date(r.updatedAt).getTime()]));
  return {
    changed: sources
      .filter((s) => now.has(s.id) && now.get(s.id) !== new Date(s.updatedAt).getTime())
      .map((s) => s.id),
    gone: sources.filter((s) => !now.has(s.id)).map((s) => s.id),
  };
}

export async function countArticles(db: DB): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** News codes, slugs and titles of these articles, in the order of `ids`: all a suggestion shows. */
export async function loadTitles(
  db: DB,
  ids: readonly number[],
): Promise<{ id: number; newsCode: number; slug: string; title: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'newsCode', 'slug', 'title'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, newsCode: Number(r.newsCode) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What a search result shows of an article; the body only feeds the snippet. */
export interface SearchResultRow {
  id: number;
  newsCode: number;
  slug: string;
  kind: string;
  surtitle: string | null;
  title: string;
  lead: string;
  body: string;
  publishedAt: string;
  sectionSlug: string;
  sectionName: string;
}

/** The result rows of these articles that are published, by id. */
export async function loadResultRows(db: DB, ids: readonly number[]): Promise<Map<number, SearchResultRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .select([
      'articles.id',
      'articles.newsCode',
      'articles.slug',
      'articles.kind',
      'articles.surtitle',
      'articles.title',
      'articles.lead',
      'articles.body',
      'articles.publishedAt',
      'articles.state',
      'sections.slug as sectionSlug',
      'sections.name as sectionName',
    ])
    // The state is checked here, not in SQL: beside it, SQLite's planner (without statistics) walks
    // the index on state, every published article, instead of looking up ten ids (18 ms at 100k).
    .where('articles.id', 'in', ids)
    .execute();
  return new Map(
    rows.flatMap(({ publishedAt, state, ...r }) =>
      publishedAt && state === 'published'
        ? [[r.id, { ...r, publishedAt, newsCode: Number(r.newsCode) }]]
        : [],
    ),
  );
}

/** The next `limit` ids after `afterId` of the articles that carry a tag or are in a section. */
export async function articleIdsShowing(
  db: DB,
  name: { tagId: number } | { sectionId: number },
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows =
    'tagId' in name
      ? await db
          .selectFrom('articleTags')
          .select('articleId as id')
          .where('tagId', '=', name.tagId)
          .where('articleId', '>', afterId)
          .orderBy('articleId')
          .limit(limit)
          .execute()
      : await db
          .selectFrom('articles')
          .select('id')
          .where('sectionId', '=', name.sectionId)
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(limit)
          .execute();
  return rows.map((r) => r.id);
}
