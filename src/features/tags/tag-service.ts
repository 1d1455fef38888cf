import type { DB } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors.js';
import { type Tag, tagSlug } from './tag.js';
import { findTagBySlug } from './tag-repository.js';

export function createTagService({ db }: { db: DB }) {
  return {
    /** Finds a tag by its slug, or by its name as a reader might type it («بانك مركزي»). */
    async find(slugOrName: string): Promise<Tag> {
      const tag = (await findTagBySlug(db, slugOrName)) ?? (await findTagBySlug(db, tagSlug(slugOrName)));
      if (!tag) throw new NotFoundError('برچسبی با این نام پیدا نشد.');
      return tag;
    },
  };
}

export type TagService = ReturnType<typeof createTagService>;
