import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import {
  type Comment,
  type CommentState,
  commentStates,
  isCommentState,
  type QueuedComment,
} from './comment.js';
import type { CommentsTable } from './comment.table.js';

type CommentRow = Selectable<CommentsTable>;

function toComment(row: CommentRow): Comment {
  if (!isCommentState(row.state)) throw new Error(`comment ${row.id} has an unknown state "${row.state}"`);
  return {
    id: row.id,
    articleId: row.articleId,
    parentId: row.parentId,
    name: row.name,
    email: row.email,
    body: row.body,
    state: row.state,
    isStaff: row.isStaff !== 0,
    authorUserId: row.authorUserId,
    createdAt: new Date(row.createdAt),
    moderatedAt: row.moderatedAt ? new Date(row.moderatedAt) : null,
    moderatedBy: row.moderatedBy,
  };
}

export interface NewComment {
  articleId: number;
  parentId: number | null;
  name: string;
  email: string | null;
  body: string;
  bodyHash: string;
  state: CommentState;
  isStaff: boolean;
  authorUserId: number | null;
  ipHash: string | null;
  createdAt: Date;
  moderatedAt?: Date;
  moderatedBy?: number | null;
}

export async function insertComment(db: DB, values: NewComment): Promise<Comment> {
  const row = await db
    .insertInto('comments')
    .values({
      ...values,
      isStaff: values.isStaff ? 1 : 0,
      createdAt: values.createdAt.toISOString(),
      moderatedAt: values.moderatedAt?.toISOString() ?? null,
      moderatedBy: values.moderatedBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toComment(row);
}

export async function findComment(db: DB, id: number): Promise<Comment | undefined> {
  const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toComment(row);
}

export async function findComments(db: DB, ids: readonly number[]): Promise<Comment[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('comments').selectAll().where('id', 'in', ids).execute();
  return rows.map(toComment);
}

/** Every approved comment of an article, in no particular order; the caller threads them. */
const approvedRows = preparedQuery((db, articleId: number) =>
  db.selectFrom('comments').selectAll().where('articleId', '=', articleId).where('state', '=', 'approved'),
);

export async function listApproved(db: DB, articleId: number): Promise<Comment[]> {
  return (await approvedRows(db, articleId)).map(toComment);
}

/** Approved comments per article; an article without any is absent from the map. */
export async function countApproved(db: DB, articleIds: readonly number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['articleId', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('articleId', 'in', articleIds)
    .where('state', '=', 'approved')
    .groupBy('articleId')
    .execute();
  return new Map(rows.map((r) => [r.articleId, Number(r.n)]));
}

/** How many comments (in any state) came from one hashed address since an instant. */
export async function countFromAddressSince(db: DB, ipHash: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('ipHash', '=', ipHash)
    .where('createdAt', '>=', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the same text was sent to this article, or from this address to any article, since an instant. */
export async function hasDuplicate(
  db: DB,
  {
    articleId,
    ipHash,
    bodyHash,
    since,
  }: { articleId: number; ipHash: string; bodyHash: string; since: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('bodyHash', '=', bodyHash)
    .where('createdAt', '>=', since.toISOString())
    .where((eb) => eb.or([eb('articleId', '=', articleId), eb('ipHash', '=', ipHash)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves comments into a state; returns those that actually changed. */
export async function setState(
  db: DB,
  ids: readonly number[],
  state: CommentState,
  by: number | null,
  at: Date,
): Promise<Comment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('comments')
    .set({ state, moderatedAt: at.toISOString(), moderatedBy: by })
    .where('id', 'in', ids)
    .where('state', '!=', state)
    .returningAll()
    .execute();
  return rows.map(toComment);
}

export interface QueueFilter {
  state: CommentState;
  articleId?: number | undefined;
  /** Keyset position: items strictly older than this. */
  before?: { createdAt: Date; id: number } | undefined;
  limit: number;
}

/** Comments in one state, newest first, with their article's code and title. */
export async function listQueue(db: DB, filter: QueueFilter): Promise<QueuedComment[]> {
  let query = db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.articleId')
    .selectAll('comments')
    .select(['articles.newsCode', 'articles.slug', 'articles.title'])
    .where('comments.state', '=', filter.state);
  if (filter.articleId !== undefined) query = query.where('comments.articleId', '=', filter.articleId);
  if (filter.before) {
    const { createdAt, id } = filter.before;
    const at = createdAt.toISOString();
    query = query.where((eb) =>
      eb.or([
        eb('comments.createdAt', '<', at),
        eb.and([eb('comments.createdAt', '=', at), eb('comments.id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('comments.createdAt', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(({ newsCode, slug, title, ...row }) => ({
    ...toComment(row),
    article: { id: row.articleId, newsCode: Number(newsCode), slug, title },
  }));
}

/** How many comments are in each state, for the queue's tabs. */
export async function countByState(
  db: DB,
  articleId?: number | undefined,
): Promise<Record<CommentState, number>> {
  let query = db
    .selectFrom('comments')
    .select(['state', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('state');
  if (articleId !== undefined) query = query.where('articleId', '=', articleId);
  const counts = Object.fromEntries(commentStates.map((s) => [s, 0])) as Record<CommentState, number>;
  for (const row of await query.execute()) if (isCommentState(row.state)) counts[row.state] = Number(row.n);
  return counts;
}

export async function countPending(db: DB): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The article id behind a news code, whatever the article's state; undefined when there is none. */
export async function articleIdByNewsCode(db: DB, newsCode: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('newsCode', '=', newsCode)
    .executeTakeFirst();
  return row?.id;
}

const addressKeyName = 'address_hash_key';

/**
 * The site's secret key for hashing client addresses, made on first use. Every
 * process reads the same row; two processes making it at once keep the first.
 */
export async function addressHashKey(db: DB): Promise<string> {
  const read = () =>
    db.selectFrom('commentSettings').select('value').where('key', '=', addressKeyName).executeTakeFirst();
  const existing = await read();
  if (existing) return existing.value;
  await db
    .insertInto('commentSettings')
    .values({ key: addressKeyName, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const made = await read();
  if (!made) throw new Error('the address hash key could not be stored');
  return made.value;
}
