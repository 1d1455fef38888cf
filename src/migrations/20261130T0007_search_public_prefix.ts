import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.
//
// SQLite's whole public index gets an FTS5 prefix index for four letters. A rare word is looked up
// there (the recent tier has too few matches), and the query splits it into two words as a phrase
// («نخستوزیر» → «نخست وزیر*»), whose second part is a prefix from four letters on. Without a prefix
// index FTS5 merges the postings of every word starting so before it can test the phrase: «ریگا*»
// alone is 69,000 articles of the bench's 100,000, 14 ms, for a phrase that matched two. With it,
// a four-letter prefix is one posting list, walked only where the first word is (rare words'
// searches 491 → 190 ms of SQLite time for 148 words). Only four: each length costs about 140 MB
// at 100,000 articles; longer prefixes match fewer words and cost less without one.
//
// A prefix index is fixed when the table is made. The public side (the index, its titles, its
// recent tier and the row keys) is emptied here, and the next start rebuilds the index
// (search-upgrade.ts), as after 20261130T0003; the newsroom's index of drafts is kept.

async function remakePublicIndex(db: Kysely<any>, prefix: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await db.schema.dropTable('search_public').execute();
  await sql
    .raw(`create virtual table search_public using fts5(title, document, writer, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 0'${prefix ? `, prefix='${prefix}'` : ''})`)
    .execute(db);
  await sql`insert into search_titles (search_titles) values ('delete-all')`.execute(db);
  await sql`insert into search_recent (search_recent) values ('delete-all')`.execute(db);
  await sql`delete from search_public_rows`.execute(db);
  // As 20261130T0006: a site with published articles has no tier until the rebuild has filled it
  // (the whole index answers meanwhile); one without has a whole, empty tier.
  await sql`delete from search_recent_bound`.execute(db);
  await sql`insert into search_recent_bound (id, complete_from, fill_from)
    select 1, 0, 0 where not exists (select 1 from articles where state = 'published')`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await remakePublicIndex(db, '4');
}

export async function down(db: Kysely<any>): Promise<void> {
  await remakePublicIndex(db, '');
}
