import type { DB } from '../../platform/db/database.js';
import type { Author } from './author.js';

export async function findAuthorBySlug(db: DB, slug: string): Promise<Author | undefined> {
  return db
    .selectFrom('authors')
    .select(['id', 'slug', 'name', 'bio'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function insertAuthor(
  db: DB,
  author: Omit<Author, 'id'> & { userId?: number | null },
  now: Date,
): Promise<Author> {
  return db
    .insertInto('authors')
    .values({ ...author, userId: author.userId ?? null, createdAt: now.toISOString() })
    .returning(['id', 'slug', 'name', 'bio'])
    .executeTakeFirstOrThrow();
}
