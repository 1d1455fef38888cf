import { PostgresAdapter, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { ArticleState } from '../articles/article.js';
import type { OutboxState } from './telegram.table.js';

/**
 * Queues the given articles that are public and first went public at or after `since`, in the
 * caller's transaction. An article already queued (even long ago, even since sent) is left alone:
 * the unique article id turns a second queueing into nothing.
 */
export async function queueArticles(
  db: DB,
  articleIds: readonly number[],
  since: Date,
  now: Date,
): Promise<void> {
  if (articleIds.length === 0) return;
  const stamp = now.toISOString();
  await db
    .insertInto('telegramOutbox')
    .columns(['articleId', 'nextAttemptAt', 'createdAt'])
    .expression((eb) =>
      eb
        .selectFrom('articles')
        .select(['articles.id', sql.lit(stamp).as('nextAttemptAt'), sql.lit(stamp).as('createdAt')])
        .where('articles.id', 'in', articleIds)
        .where('articles.state', '=', 'published' satisfies ArticleState)
        .where('articles.publishedAt', '>=', since.toISOString()),
    )
    .onConflict((oc) => oc.column('articleId').doNothing())
    .execute();
}

export interface ClaimedPost {
  id: number;
  articleId: number;
  attempts: number;
}

/**
 * Takes up to `limit` due rows for this process: they become `sending` with a lease, and no other
 * process can take them. On PostgreSQL the candidates are locked with SKIP LOCKED, so processes
 * claiming at once split the rows instead of queueing behind each other; SQLite has one writer
 * at a time, so its UPDATE alone is already exclusive.
 */
export async function claimDuePosts(
  db: DB,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedPost[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return db
    .updateTable('telegramOutbox')
    .set((eb) => ({
      state: 'sending' satisfies OutboxState,
      leaseUntil: leaseUntil.toISOString(),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('telegramOutbox')
        .select('id')
        .where('state', '=', 'pending' satisfies OutboxState)
        .where('nextAttemptAt', '<=', now.toISOString())
        .orderBy('id')
        .limit(limit);
      return postgres ? due.forUpdate().skipLocked() : due;
    })
    .where('state', '=', 'pending' satisfies OutboxState)
    .returning(['id', 'articleId', 'attempts'])
    .execute();
}

/**
 * Rows whose posting process died mid-call (its lease ran out) become `unknown`: the post may or
 * may not have reached the channel, and trying again could post it twice.
 */
export async function abandonExpiredLeases(db: DB, now: Date): Promise<{ id: number; articleId: number }[]> {
  return db
    .updateTable('telegramOutbox')
    .set({
      state: 'unknown' satisfies OutboxState,
      leaseUntil: null,
      lastError: 'the posting process stopped mid-call',
    })
    .where('state', '=', 'sending' satisfies OutboxState)
    .where('leaseUntil', '<', now.toISOString())
    .returning(['id', 'articleId'])
    .execute();
}

/**
 * Records how a claimed row ended. The update only applies while the row is still `sending`,
 * so a row that was declared abandoned meanwhile is never flipped back.
 */
export async function finishPost(
  db: DB,
  id: number,
  outcome:
    | { state: 'sent'; messageId: string; at: Date }
    | { state: 'pending'; nextAttemptAt: Date; error: string }
    | { state: 'failed' | 'unknown' | 'skipped'; error: string },
): Promise<void> {
  const changes =
    outcome.state === 'sent'
      ? {
          state: outcome.state,
          messageId: outcome.messageId,
          sentAt: outcome.at.toISOString(),
          lastError: null,
        }
      : outcome.state === 'pending'
        ? {
            state: outcome.state,
            nextAttemptAt: outcome.nextAttemptAt.toISOString(),
            lastError: outcome.error,
          }
        : { state: outcome.state, lastError: outcome.error };
  await db
    .updateTable('telegramOutbox')
    .set({ ...changes, leaseUntil: null })
    .where('id', '=', id)
    .where('state', '=', 'sending' satisfies OutboxState)
    .execute();
}

export interface PostSource {
  newsCode: number;
  title: string;
  lead: string;
  state: string;
  coverImageId: number | null;
}

/** What a post says, read from the article when it is posted (its latest headline, not the queued one). */
export async function findPostSource(db: DB, articleId: number): Promise<PostSource | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['newsCode', 'title', 'lead', 'state', 'coverImageId'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  return row && { ...row, newsCode: Number(row.newsCode) };
}

export interface OutboxRow {
  articleId: number;
  state: OutboxState;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
}

/** The whole outbox, oldest first: for tests and for an operator's look. */
export async function listOutbox(db: DB): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('telegramOutbox')
    .select(['articleId', 'state', 'attempts', 'messageId', 'lastError'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, state: row.state as OutboxState }));
}
