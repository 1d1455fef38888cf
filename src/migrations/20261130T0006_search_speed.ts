import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.
//
// SQLite's recent tier gets FTS5 prefix indexes for prefixes of three to six letters. Every query
// word is a prefix search («دولت*» for «دولت»), and without a prefix index FTS5 first merges the
// postings of every word starting so («دولتی», «دولتها», …), twice when bm25 weighs the matches:
// the slowest part of a common word's search. The tier is 10,000 articles, so the three times bigger
// tier costs tens of megabytes, not the whole index's hundreds. A prefix index is fixed when the
// table is made: the tier is made again, empty, and filled at the next start (search-upgrade.ts);
// until then the whole index answers, as after 20261130T0005.

const recentTier = (prefix: string) =>
  sql.raw(`create virtual table search_recent using fts5(title, document, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 0'${prefix ? `, prefix='${prefix}'` : ''})`);

async function remakeRecentTier(db: Kysely<any>, prefix: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropTable('search_recent').execute();
  await recentTier(prefix).execute(db);
  // A site with articles has no tier until it is filled again; an empty one has a whole empty tier.
  await sql`delete from search_recent_bound`.execute(db);
  await sql`insert into search_recent_bound (id, complete_from, fill_from)
    select 1, 0, 0 where not exists (select 1 from search_public_rows)`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await remakeRecentTier(db, '3 4 5 6');
}

export async function down(db: Kysely<any>): Promise<void> {
  await remakeRecentTier(db, '');
}
