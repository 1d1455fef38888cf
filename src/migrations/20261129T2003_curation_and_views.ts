import type { Kysely } from 'kysely';

// Frozen: never edit after merge; write a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // Ordered, named lists the desk curates: slot 'topStory' holds one row, 'editorPick' several.
  await db.schema
    .createTable('curation_slots')
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('curation_slots_pk', ['slot', 'position'])
    .execute();

  // Views are added into hourly buckets, so a window (day, week) is a range sum
  // and old hours can be pruned without touching articles.
  await db.schema
    .createTable('article_views_hourly')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_views_hourly_pk', ['article_id', 'hour'])
    .execute();
  await db.schema.createIndex('article_views_hour_idx').on('article_views_hourly').column('hour').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_views_hourly').execute();
  await db.schema.dropTable('curation_slots').execute();
}
