import type { Kysely } from 'kysely';
import { identity } from './helpers.js';

// Frozen: never edit after merge; write a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  const id = identity(db);
  // Newsroom sign-ins. Only a hash of the cookie's token is kept, so a leaked
  // database does not hand out live sessions; the CSRF token belongs to the session.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', id)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  // Failed sign-ins per account and per client address (hashed), shared by every process.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  // Old tag slugs that still answer: after a rename or a merge they redirect to the surviving tag.
  await db.schema
    .createTable('tag_aliases')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .execute();

  // Which encodings exist on disk for an image; uploads from the newsroom add AVIF.
  await db.schema
    .alterTable('images')
    .addColumn('formats', 'text', (c) => c.notNull().defaultTo('webp,jpg'))
    .execute();

  // Autosaves keep one rolling revision per editing spell instead of one per keystroke pause.
  await db.schema
    .alterTable('article_revisions')
    .addColumn('autosave', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('articles_updated_idx').on('articles').columns(['updated_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_updated_idx').execute();
  await db.schema.alterTable('article_revisions').dropColumn('autosave').execute();
  await db.schema.alterTable('images').dropColumn('formats').execute();
  for (const table of ['tag_aliases', 'login_throttle', 'sessions'])
    await db.schema.dropTable(table).execute();
}
