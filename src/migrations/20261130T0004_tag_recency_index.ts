import type { Kysely } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.

// «مطالب مرتبط» reads the newest articles of each of an article's tags. An index on
// (tag_id, article_id) answers that from the index alone, newest first; the old index
// on tag_id alone made every tag's whole list be read and sorted, which at 100,000
// articles took tens of milliseconds per page. It covers the old index, which goes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('article_tags_tag_article_idx')
    .on('article_tags')
    .columns(['tag_id', 'article_id'])
    .execute();
  await db.schema.dropIndex('article_tags_tag_idx').execute();
}
