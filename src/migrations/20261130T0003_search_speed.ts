import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.
//
// Readers' searches for common words must not rank every match. The public index is therefore kept
// in publication order: each published article gets a row key, its publication minute times 2^26
// plus its id, so the newest matches of a word are the first ones the index yields (FTS5 walks its
// rowids in order; PostgreSQL sorts the GIN matches by the key). The keys of the old index were
// article ids and its text keys lacked the prefix mark, so the public and desk indexes are emptied
// here; the application rebuilds them at its next start (search-upgrade.ts), as after the first
// search migration.

async function createPostgresPublic(db: Kysely<any>, withRowKey: boolean): Promise<void> {
  let table = db.schema
    .createTable('search_public')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'));
  if (withRowKey) table = table.addColumn('row_key', 'bigint', (c) => c.notNull().unique());
  await table
    .addColumn('title', sql`tsvector`, (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .addColumn('writer', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index search_public_document_idx on search_public using gin (document)`.execute(db);
  await sql`create index search_public_title_idx on search_public using gin (title)`.execute(db);
}

// With statistics on a tsvector column, PostgreSQL sees that a common word is in a third of the
// rows and scans the table, decompressing every document (seconds at 100k articles). Without them
// it takes `@@` as selective and always uses the GIN index; the recent tier bounds what that costs.
async function withoutTsvectorStatistics(db: Kysely<any>, table: string): Promise<void> {
  for (const column of ['title', 'document']) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics 0`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Recreated rather than altered, so no statistics gathered before survive.
    await db.schema.dropTable('search_public').execute();
    await createPostgresPublic(db, true);
    await withoutTsvectorStatistics(db, 'search_public');
    await sql`delete from search_desk`.execute(db);
    // The newest published articles again, in a small table with its own GIN indexes: a common
    // word's newest matches come from a few thousand rows instead of a third of the site.
    await db.schema
      .createTable('search_recent')
      .addColumn('row_key', 'bigint', (c) => c.primaryKey())
      .addColumn('title', sql`tsvector`, (c) => c.notNull())
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await withoutTsvectorStatistics(db, 'search_recent');
    await sql`create index search_recent_document_idx on search_recent using gin (document)`.execute(db);
    await sql`create index search_recent_title_idx on search_recent using gin (title)`.execute(db);
    return;
  }
  for (const table of ['search_public', 'search_desk', 'search_titles']) {
    await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('delete-all')`.execute(db);
  }
  // A contentless FTS5 table deletes by rowid, so the key each article was indexed under is kept
  // beside it: a new publication time gives a new key, and the old row must still be found.
  await db.schema
    .createTable('search_public_rows')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('row_key', 'integer', (c) => c.notNull().unique())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropTable('search_recent').execute();
    await db.schema.dropTable('search_public').execute();
    await createPostgresPublic(db, false);
    return;
  }
  await db.schema.dropTable('search_public_rows').execute();
  for (const table of ['search_public', 'search_titles']) {
    await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('delete-all')`.execute(db);
  }
}
