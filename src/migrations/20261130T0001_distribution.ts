import type { Kysely } from 'kysely';
import { identity } from './helpers.js';

// Frozen: never edit after merge; write a new migration instead.
//
// Distribution: the social and search crops of every image, the outbox of articles waiting to be
// posted to Telegram, and the index behind the author pages.

export async function up(db: Kysely<any>): Promise<void> {
  // Comma-separated crops on disk ("16x9,4x3,1x1,og"); empty for images stored before crops existed,
  // which the server crops from their largest variant after the upgrade.
  await db.schema
    .alterTable('images')
    .addColumn('crops', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // One row per article ever queued: the unique article id is what makes a second post impossible
  // when an article is unpublished and published again, or two processes queue it at once.
  await db.schema
    .createTable('telegram_outbox')
    .addColumn('id', 'integer', identity(db))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().unique().references('articles.id').onDelete('cascade'),
    )
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('telegram_outbox_due_idx')
    .on('telegram_outbox')
    .columns(['state', 'next_attempt_at'])
    .execute();

  await db.schema
    .createIndex('articles_author_published_idx')
    .on('articles')
    .columns(['author_id', 'state', 'published_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_author_published_idx').execute();
  await db.schema.dropTable('telegram_outbox').execute();
  await db.schema.alterTable('images').dropColumn('crops').execute();
}
