import type { Kysely } from 'kysely';
import { identity } from './helpers.js';

// Frozen: never edit after merge; write a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  const id = identity(db);
  // Readers' comments. A reply points at a top-level comment only (one level of
  // threading); no raw address is kept, only a keyed hash for rate limits.
  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ip_hash', 'text')
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('comments_article_state_idx')
    .on('comments')
    .columns(['article_id', 'state', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_state_idx').on('comments').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('comments_ip_idx').on('comments').columns(['ip_hash', 'created_at']).execute();
  await db.schema
    .createIndex('comments_body_hash_idx')
    .on('comments')
    .columns(['body_hash', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();

  // Small named values of the comments feature, such as the site's random key for address hashes.
  await db.schema
    .createTable('comment_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_settings').execute();
  await db.schema.dropTable('comments').execute();
}
