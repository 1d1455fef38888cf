import type { DB } from '../../platform/db/database.js';
import { type ArticleKind, type ArticleState, isArticleKind, isArticleState } from './article.js';
import type { ArticleRowChanges } from './article-repository.js';

// The newsroom's queries: every state, ordered by last change, never the bodies.

export interface DeskListQuery {
  state?: ArticleState;
  sectionId?: number;
  createdBy?: number;
  /** Last change at or after / before these instants. */
  from?: Date;
  to?: Date;
  /** Only these articles: what the newsroom's search found (search-service deskMatches). */
  ids?: readonly number[];
  before?: { updatedAt: string; id: number };
  limit: number;
}

export interface DeskItem {
  id: number;
  newsCode: number;
  slug: string;
  kind: ArticleKind;
  state: ArticleState;
  surtitle: string | null;
  title: string;
  section: { id: number; slug: string; name: string };
  writer: string | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  /** The exact stored text of updatedAt, for the keyset cursor. */
  updatedAtKey: string;
}

export async function listForDesk(db: DB, query: DeskListQuery): Promise<DeskItem[]> {
  if (query.ids?.length === 0) return [];
  let q = db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.sectionId')
    .leftJoin('users', 'users.id', 'articles.createdBy')
    .select([
      'articles.id',
      'articles.newsCode',
      'articles.slug',
      'articles.kind',
      'articles.state',
      'articles.surtitle',
      'articles.title',
      'articles.publishAt',
      'articles.publishedAt',
      'articles.updatedAt',
      'sections.id as sectionId',
      'sections.slug as sectionSlug',
      'sections.name as sectionName',
      'users.name as writer',
    ]);
  if (query.state) q = q.where('articles.state', '=', query.state);
  if (query.sectionId !== undefined) q = q.where('articles.sectionId', '=', query.sectionId);
  if (query.createdBy !== undefined) q = q.where('articles.createdBy', '=', query.createdBy);
  if (query.from) q = q.where('articles.updatedAt', '>=', query.from.toISOString());
  if (query.to) q = q.where('articles.updatedAt', '<', query.to.toISOString());
  if (query.ids) q = q.where('articles.id', 'in', query.ids);
  if (query.before) {
    const { updatedAt, id } = query.before;
    q = q.where((eb) =>
      eb.or([
        eb('articles.updatedAt', '<', updatedAt),
        eb.and([eb('articles.updatedAt', '=', updatedAt), eb('articles.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('articles.updatedAt', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => {
    if (!isArticleKind(row.kind) || !isArticleState(row.state)) {
      throw new Error(`article ${row.id} has an unknown kind or state`);
    }
    return {
      id: row.id,
      newsCode: Number(row.newsCode),
      slug: row.slug,
      kind: row.kind,
      state: row.state,
      surtitle: row.surtitle,
      title: row.title,
      section: { id: row.sectionId, slug: row.sectionSlug, name: row.sectionName },
      writer: row.writer,
      publishAt: row.publishAt ? new Date(row.publishAt) : null,
      publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
      updatedAt: new Date(row.updatedAt),
      updatedAtKey: row.updatedAt,
    };
  });
}

/** Everyone who has written an article, for the list's author filter. */
export async function listWriters(db: DB): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where((eb) =>
      eb.exists(
        eb.selectFrom('articles').select('articles.id').whereRef('articles.createdBy', '=', 'users.id'),
      ),
    )
    .orderBy('users.name')
    .execute();
}

export interface RevisionRow {
  id: number;
  articleId: number;
  snapshot: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  autosave: boolean;
}

export async function listRevisions(db: DB, articleId: number): Promise<RevisionRow[]> {
  const rows = await db
    .selectFrom('articleRevisions')
    .leftJoin('users', 'users.id', 'articleRevisions.createdBy')
    .select([
      'articleRevisions.id',
      'articleRevisions.articleId',
      'articleRevisions.snapshot',
      'articleRevisions.createdBy',
      'articleRevisions.createdAt',
      'articleRevisions.autosave',
      'users.name as createdByName',
    ])
    .where('articleRevisions.articleId', '=', articleId)
    .orderBy('articleRevisions.id', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, autosave: row.autosave !== 0 }));
}

/**
 * Keeps one rolling autosave revision per spell of typing: while the newest
 * revision is this person's autosave, it is overwritten instead of piling up.
 */
export async function saveAutosaveRevision(
  db: DB,
  revision: { articleId: number; snapshot: string; createdBy: number | null },
  now: Date,
): Promise<void> {
  const latest = await db
    .selectFrom('articleRevisions')
    .select(['id', 'autosave', 'createdBy'])
    .where('articleId', '=', revision.articleId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest && latest.autosave !== 0 && latest.createdBy === revision.createdBy) {
    await db
      .updateTable('articleRevisions')
      .set({ snapshot: revision.snapshot, createdAt: now.toISOString() })
      .where('id', '=', latest.id)
      .execute();
    return;
  }
  await db
    .insertInto('articleRevisions')
    .values({ ...revision, autosave: 1, createdAt: now.toISOString() })
    .execute();
}

/** Applies changes only if nobody saved since `expectedUpdatedAt`; false means someone did. */
export async function updateArticleIfUnchanged(
  db: DB,
  id: number,
  expectedUpdatedAt: string,
  changes: ArticleRowChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set(changes)
    .where('id', '=', id)
    .where('updatedAt', '=', expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
