import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { preparedForIds, preparedQuery } from '../../platform/db/prepared-query.js';
import type { Image } from '../media/image.js';
import { findImagesByIds } from '../media/image-repository.js';
import { listTagsOfArticles } from '../tags/tag-repository.js';
import {
  type Article,
  type ArticleLine,
  type ArticleState,
  type ArticleSummary,
  type GalleryItem,
  isArticleKind,
  isArticleState,
  type ListCursor,
} from './article.js';
import type { ArticlesTable } from './article.table.js';

export type NewArticleRow = Omit<Insertable<ArticlesTable>, 'id'>;
export type ArticleRowChanges = Updateable<
  Omit<ArticlesTable, 'id' | 'newsCode' | 'createdAt' | 'createdBy'>
>;

/**
 * Hands out the next news code. The counter only moves forward, so a code is
 * never reused, and a raised start takes effect without renumbering old items.
 */
export async function allocateNewsCode(db: DB, start: number): Promise<number> {
  await db
    .insertInto('newsCodeCounter')
    .values({ id: 1, lastValue: start - 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .updateTable('newsCodeCounter')
    .set((eb) => ({
      lastValue: eb
        .case()
        .when('lastValue', '<', start)
        .then(start)
        .else(eb('lastValue', '+', 1))
        .end(),
    }))
    .where('id', '=', 1)
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return Number(row.lastValue);
}

export async function insertArticle(db: DB, values: NewArticleRow): Promise<number> {
  const row = await db.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticleRow(db: DB, id: number, changes: ArticleRowChanges): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

export async function replaceGallery(
  db: DB,
  articleId: number,
  items: readonly { imageId: number; caption: string | null }[],
): Promise<void> {
  await db.deleteFrom('articleGallery').where('articleId', '=', articleId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('articleGallery')
    .values(items.map((item, position) => ({ articleId, position, ...item })))
    .execute();
}

export async function insertRevision(
  db: DB,
  revision: { articleId: number; snapshot: string; createdBy: number | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('articleRevisions')
    .values({ ...revision, createdAt: now.toISOString() })
    .execute();
}

export async function countRevisions(db: DB, articleId: number): Promise<number> {
  const row = await db
    .selectFrom('articleRevisions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('articleId', '=', articleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function baseQuery(db: DB) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .leftJoin('authors', 'authors.id', 'articles.authorId')
    .selectAll('articles')
    .select(['sections.slug as sectionSlug', 'sections.name as sectionName'])
    .select(['authors.slug as authorSlug', 'authors.name as authorName']);
}

type ArticleRow = Selectable<ArticlesTable> & {
  sectionSlug: string;
  sectionName: string;
  authorSlug: string | null;
  authorName: string | null;
};

// Lists never read bodies: a list of twenty would otherwise drag twenty full texts out of the database.
const summaryColumns = [
  'articles.id',
  'articles.newsCode',
  'articles.slug',
  'articles.kind',
  'articles.surtitle',
  'articles.title',
  'articles.lead',
  'articles.sectionId',
  'articles.coverImageId',
  'articles.publishedAt',
  'articles.createdAt',
] as const;

function summaryQuery(db: DB) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .select(summaryColumns)
    .select(['sections.slug as sectionSlug', 'sections.name as sectionName']);
}

type Unprefixed<T> = T extends `articles.${infer Column}` ? Column : never;
type SummaryRow = Pick<ArticleRow, Unprefixed<(typeof summaryColumns)[number]>> & {
  sectionSlug: string;
  sectionName: string;
};

function toSummary(row: SummaryRow, images: Map<number, Image>): ArticleSummary {
  if (!isArticleKind(row.kind)) throw new Error(`article ${row.id} has an unknown kind "${row.kind}"`);
  return {
    id: row.id,
    newsCode: Number(row.newsCode),
    slug: row.slug,
    kind: row.kind,
    surtitle: row.surtitle,
    title: row.title,
    lead: row.lead,
    section: { id: row.sectionId, slug: row.sectionSlug, name: row.sectionName },
    cover: row.coverImageId === null ? null : (images.get(row.coverImageId) ?? null),
    publishedAt: new Date(row.publishedAt ?? row.createdAt),
  };
}

function toArticle(
  row: ArticleRow,
  images: Map<number, Image>,
  extra: Pick<Article, 'tags' | 'gallery'>,
): Article {
  if (!isArticleState(row.state)) throw new Error(`article ${row.id} has an unknown state "${row.state}"`);
  const summary = toSummary(row, images);
  return {
    ...summary,
    state: row.state,
    body: row.body,
    author:
      row.authorId !== null && row.authorSlug !== null && row.authorName !== null
        ? { id: row.authorId, slug: row.authorSlug, name: row.authorName }
        : null,
    byline: row.byline,
    source: row.source,
    commentsEnabled: row.commentsEnabled !== 0,
    publishAt: row.publishAt ? new Date(row.publishAt) : null,
    publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    ...extra,
  };
}

const galleryRows = preparedQuery((db, articleId: number) =>
  db
    .selectFrom('articleGallery')
    .select(['imageId', 'caption'])
    .where('articleId', '=', articleId)
    .orderBy('position'),
);

async function loadGallery(db: DB, articleId: number): Promise<GalleryItem[]> {
  const rows = await galleryRows(db, articleId);
  const images = await findImagesByIds(
    db,
    rows.map((r) => r.imageId),
  );
  return rows.flatMap((row) => {
    const image = images.get(row.imageId);
    return image ? [{ image, caption: row.caption }] : [];
  });
}

const articleRowByNewsCode = preparedQuery((db, newsCode: number) =>
  baseQuery(db).where('articles.newsCode', '=', newsCode),
);

export async function findArticleByNewsCode(db: DB, newsCode: number): Promise<Article | undefined> {
  const [row] = await articleRowByNewsCode(db, newsCode);
  if (!row) return undefined;
  const [images, tags, gallery] = await Promise.all([
    findImagesByIds(db, row.coverImageId === null ? [] : [row.coverImageId]),
    listTagsOfArticles(db, [row.id]),
    loadGallery(db, row.id),
  ]);
  return toArticle(row, images, { tags: tags.get(row.id) ?? [], gallery });
}

export interface PublishedListQuery {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  kind?: string;
  excludeIds?: readonly number[];
  /** Continue after this item (older items). */
  before?: ListCursor;
  /** Continue before this item (newer items); results still come newest first. */
  after?: ListCursor;
  limit: number;
}

/**
 * Published items newest first, by (publishedAt, id) keyset. Unlike offsets,
 * a cursor keeps pointing at the same place while new items are published.
 */
export async function listPublished(db: DB, query: PublishedListQuery): Promise<ArticleSummary[]> {
  let q = summaryQuery(db).where('articles.state', '=', 'published' satisfies ArticleState);
  if (query.sectionId !== undefined) q = q.where('articles.sectionId', '=', query.sectionId);
  if (query.authorId !== undefined) q = q.where('articles.authorId', '=', query.authorId);
  if (query.kind !== undefined) q = q.where('articles.kind', '=', query.kind);
  if (query.tagId !== undefined) {
    const tagId = query.tagId;
    q = q.where('articles.id', 'in', (eb) =>
      eb.selectFrom('articleTags').select('articleTags.articleId').where('articleTags.tagId', '=', tagId),
    );
  }
  if (query.excludeIds?.length) q = q.where('articles.id', 'not in', query.excludeIds);
  const { before, after } = query;
  if (before) {
    q = q.where((eb) =>
      eb.or([
        eb('articles.publishedAt', '<', before.publishedAt),
        eb.and([eb('articles.publishedAt', '=', before.publishedAt), eb('articles.id', '<', before.id)]),
      ]),
    );
  }
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('articles.publishedAt', '>', after.publishedAt),
        eb.and([eb('articles.publishedAt', '=', after.publishedAt), eb('articles.id', '>', after.id)]),
      ]),
    );
  }
  const direction = after ? 'asc' : 'desc';
  const rows = await q
    .orderBy('articles.publishedAt', direction)
    .orderBy('articles.id', direction)
    .limit(query.limit)
    .execute();
  if (after) rows.reverse();
  return summariesOf(db, rows);
}

async function summariesOf(db: DB, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  const images = await findImagesByIds(
    db,
    rows.flatMap((r) => (r.coverImageId === null ? [] : [r.coverImageId])),
  );
  return rows.map((row) => toSummary(row, images));
}

const summaryRowsByIds = preparedForIds((db, ids) =>
  summaryQuery(db).select('articles.state').where('articles.id', 'in', ids),
);

/** Published summaries for these ids, in the order the ids are given. */
export async function findPublishedSummaries(db: DB, ids: readonly number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  // The state is checked here rather than in SQL: given `state = ?` too, SQLite walks the index
  // of all published articles (tens of milliseconds at 100,000) instead of looking these up by id.
  const rows = await summaryRowsByIds(db, ids);
  const published = rows.filter((row) => row.state === ('published' satisfies ArticleState));
  const byId = new Map((await summariesOf(db, published)).map((s) => [s.id, s]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const lineRowsByIds = preparedForIds((db, ids) =>
  db
    .selectFrom('articles')
    .select([
      'articles.id',
      'articles.newsCode',
      'articles.slug',
      'articles.kind',
      'articles.title',
      'articles.state',
      'articles.publishedAt',
      'articles.createdAt',
    ])
    .where('articles.id', 'in', ids),
);

/**
 * Published one-line teasers for these ids, in the order given. Read fresh every time: a walk
 * across the archive asks for teasers of older articles that no memory holds, and a full
 * summary (lead, section, picture) costs several times as much to read and keep.
 */
export async function findPublishedLines(db: DB, ids: readonly number[]): Promise<ArticleLine[]> {
  if (ids.length === 0) return [];
  // As in findPublishedSummaries, the state is checked here so that SQLite looks the ids up.
  const byId = new Map<number, ArticleLine>();
  for (const row of await lineRowsByIds(db, ids)) {
    if (row.state !== ('published' satisfies ArticleState)) continue;
    if (!isArticleKind(row.kind)) throw new Error(`article ${row.id} has an unknown kind "${row.kind}"`);
    byId.set(row.id, {
      id: row.id,
      newsCode: Number(row.newsCode),
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      publishedAt: new Date(row.publishedAt ?? row.createdAt),
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A tag's newest articles by id, in any state: the candidates for «مطالب مرتبط». Read from the
 * tag's index alone; whether each is published is left to the teasers read for the few chosen.
 */
export async function findNewestTaggedIds(db: DB, tagId: number, limit: number): Promise<number[]> {
  const rows = await newestTaggedRows(db, tagId, limit);
  return rows.map((row) => row.articleId);
}

const newestTaggedRows = preparedQuery((db, tagId: number, limit: number) =>
  db
    .selectFrom('articleTags')
    .select('articleId')
    .where('tagId', '=', tagId)
    .orderBy('articleId', 'desc')
    .limit(limit),
);

/**
 * Publishes every scheduled article that is due, in one statement. Safe with
 * any number of processes: a row changes state once, and only the process
 * whose UPDATE changed it gets it back.
 */
export async function publishDueArticles(
  db: DB,
  now: Date,
): Promise<{ id: number; newsCode: number; sectionId: number }[]> {
  const stamp = now.toISOString();
  const rows = await db
    .updateTable('articles')
    .set((eb) => ({
      state: 'published' satisfies ArticleState,
      publishedAt: eb.fn.coalesce('publishedAt', 'publishAt'),
      updatedAt: stamp,
    }))
    .where('state', '=', 'scheduled' satisfies ArticleState)
    .where('publishAt', '<=', stamp)
    .returning(['id', 'newsCode', 'sectionId'])
    .execute();
  return rows.map((r) => ({ ...r, newsCode: Number(r.newsCode) }));
}

/** Whether this site has ever given out a news code, even to an article since deleted. */
export async function hasIssuedNewsCodes(db: DB): Promise<boolean> {
  return (await db.selectFrom('newsCodeCounter').select('id').executeTakeFirst()) !== undefined;
}
