import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.
//
// The search index holds folded keys (src/platform/persian/search-key.ts), never the text itself:
// the engines cannot fold Persian spellings, so the application does, and the index only tokenizes
// on spaces. Each article is in exactly one of two indexes: `search_public` holds what readers may
// find (published items), `search_desk` everything else the newsroom searches too. `writer` holds
// the newsroom user who created the item: only the newsroom's search reads it. The migration
// leaves them empty; `khabar reindex` fills them from the articles.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of ['search_public', 'search_desk']) {
      await db.schema
        .createTable(table)
        .addColumn('article_id', 'integer', (c) =>
          c.primaryKey().references('articles.id').onDelete('cascade'),
        )
        .addColumn('title', sql`tsvector`, (c) => c.notNull())
        .addColumn('document', sql`tsvector`, (c) => c.notNull())
        .addColumn('writer', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`create index ${sql.id(`${table}_document_idx`)} on ${sql.table(table)} using gin (document)`.execute(
        db,
      );
    }
    // Suggestions search titles alone.
    await sql`create index search_public_title_idx on search_public using gin (title)`.execute(db);
    return;
  }
  // Contentless: the keys are not stored twice, and contentless_delete lets a row be removed by rowid
  // (the article id). unicode61 with remove_diacritics 0 splits only at spaces and punctuation, which
  // the keys no longer contain, and leaves Persian letters as they are.
  for (const table of ['search_public', 'search_desk']) {
    await sql`create virtual table ${sql.table(table)} using fts5(title, document, writer, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
  // Suggestions match the first letters of title words; prefix indexes make that a lookup, and over
  // titles alone they stay small.
  await sql`create virtual table search_titles using fts5(title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['search_titles', 'search_desk', 'search_public']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
