import type { Kysely } from 'kysely';
import { bytesType } from './helpers.js';

// Frozen: never edit after merge; write a new migration instead.
//
// An article page's own parts (head, article, comments, frame), rendered once and kept compressed,
// so that a first visit is assembled from them instead of rendered (stored-article-pages.ts). A row
// says what it was made from: the template and frame (made_for), the article's updated_at and its
// comments' state; a row made from anything older is not used.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_renders')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('made_for', 'text', (c) => c.notNull())
    .addColumn('article_version', 'text', (c) => c.notNull())
    .addColumn('comments_version', 'text', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('body', bytesType(db), (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_renders').execute();
}
