import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.
//
// SQLite gets the recent tier PostgreSQL has had since 20261130T0003: the newest published articles
// a second time, in a small FTS5 table. A common word's newest matches and their bm25 weights then
// come from a few thousand rows; over the whole index FTS5 first reads every posting of the word and
// of each word it is a prefix of (a fifth of the site), which took 50–200 ms at 100,000 articles.
//
// `search_recent_bound.complete_from` is the row key from which the tier holds every published
// article (readers' queries ask the tier only for keys from there on); `fill_from` (never above it)
// is where new and re-indexed rows start being added, lowered during a rebuild so the tier fills
// while the rebuild runs. A site with an empty public index starts with a whole (empty) tier. One
// with articles in it gets no row: the tier is unused until the rebuild the application runs at
// its next start (search-upgrade.ts) has filled it.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create virtual table search_recent using fts5(title, document, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
    db,
  );
  await db.schema
    .createTable('search_recent_bound')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('complete_from', 'integer')
    .addColumn('fill_from', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into search_recent_bound (id, complete_from, fill_from)
    select 1, 0, 0 where not exists (select 1 from search_public_rows)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropTable('search_recent_bound').execute();
  await db.schema.dropTable('search_recent').execute();
}
