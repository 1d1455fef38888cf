import type { DB } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors.js';
import type { Author } from './author.js';
import { findAuthorBySlug } from './author-repository.js';

/** The people who write for the site, as readers find them on their author pages. */
export function createAuthorService({ db }: { db: DB }) {
  return {
    async getBySlug(slug: string): Promise<Author> {
      const author = await findAuthorBySlug(db, slug);
      if (!author) throw new NotFoundError('نویسنده‌ای با این نشانی پیدا نشد.');
      return author;
    },
  };
}

export type AuthorService = ReturnType<typeof createAuthorService>;
