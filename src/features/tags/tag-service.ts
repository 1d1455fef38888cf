import type { DB } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { Actor } from '../users/user.js';
import { normalizeTagName, type Tag, type TagUsage, tagSlug } from './tag.js';
import { canManageTags, canSeeTagSuggestions } from './tag-policy.js';
import {
  countTagUsage,
  deleteAlias,
  deleteTag,
  findTagByAlias,
  findTagById,
  findTagBySlug,
  listAliasesOf,
  moveAliases,
  moveArticleTags,
  saveAlias,
  searchTags,
  updateTag,
} from './tag-repository.js';

export const tagsPerPage = 50;
export const suggestionLimit = 10;
const maxNameLength = 60;

/** Finds a tag by its slug, by its name as a reader might type it, or by an old slug it replaced. */
async function lookUp(db: DB, slugOrName: string): Promise<Tag | undefined> {
  const slug = tagSlug(slugOrName);
  return (
    (await findTagBySlug(db, slugOrName)) ??
    (await findTagBySlug(db, slug)) ??
    (await findTagByAlias(db, slugOrName)) ??
    (await findTagByAlias(db, slug))
  );
}

export interface TagServiceDeps {
  db: DB;
  events: EventBus;
  /** Runs in the transaction that changed the name a tag's articles show (the search index). */
  onRenamed?: (trx: DB, tagId: number) => Promise<void>;
}

export function createTagService({ db, events, onRenamed }: TagServiceDeps) {
  function authorize(actor: Actor): void {
    if (!canManageTags(actor)) throw new ForbiddenError('مدیریت برچسب‌ها فقط با دبیران و مدیران است.');
  }

  async function load(trx: DB, id: number): Promise<Tag> {
    const tag = await findTagById(trx, id);
    if (!tag) throw new NotFoundError('این برچسب دیگر وجود ندارد؛ شاید ادغام یا حذف شده است.');
    return tag;
  }

  return {
    /**
     * Finds a tag by its slug, by its name as a reader might type it («بانك مركزي»),
     * or by a slug it had before a rename or a merge; callers redirect when the slug differs.
     */
    async find(slugOrName: string): Promise<Tag> {
      const tag = await lookUp(db, slugOrName);
      if (!tag) throw new NotFoundError('برچسبی با این نام پیدا نشد.');
      return tag;
    },

    /** One page of tags whose name contains the query, most used first; `more` says whether a next page exists. */
    async listForDesk(
      actor: Actor,
      query: string,
      page: number,
    ): Promise<{ items: TagUsage[]; more: boolean }> {
      authorize(actor);
      const rows = await searchTags(db, {
        text: normalizeTagName(query),
        limit: tagsPerPage + 1,
        offset: (page - 1) * tagsPerPage,
      });
      return { items: rows.slice(0, tagsPerPage), more: rows.length > tagsPerPage };
    },

    /** What the editor's tag field offers: names starting with the text first, then containing it, by usage. */
    async suggest(actor: Actor, query: string): Promise<TagUsage[]> {
      if (!canSeeTagSuggestions(actor)) throw new ForbiddenError();
      return searchTags(db, {
        text: normalizeTagName(query),
        limit: suggestionLimit,
        offset: 0,
        prefixFirst: true,
      });
    },

    async getForDesk(actor: Actor, id: number): Promise<TagUsage & { aliases: string[] }> {
      authorize(actor);
      const tag = await load(db, id);
      const [count, aliases] = await Promise.all([countTagUsage(db, id), listAliasesOf(db, id)]);
      return { ...tag, count, aliases };
    },

    /**
     * Renames a tag. Its slug follows the new name, and the old slug stays as an
     * alias so links to /tag/old-slug redirect instead of breaking.
     */
    async rename(actor: Actor, id: number, newName: string): Promise<Tag> {
      authorize(actor);
      const name = normalizeTagName(newName);
      if (!name) throw new ValidationError('نام تازهٔ برچسب را بنویسید.');
      if (name.length > maxNameLength)
        throw new ValidationError(`نام برچسب حداکثر ${maxNameLength.toLocaleString('fa-IR')} نویسه باشد.`);
      const slug = tagSlug(name);
      if (!slug) throw new ValidationError('نام برچسب باید دست‌کم یک حرف یا رقم داشته باشد.');
      const renamed = await db.transaction().execute(async (trx) => {
        const tag = await load(trx, id);
        const other = await findTagBySlug(trx, slug);
        if (other && other.id !== id) {
          throw new ConflictError(
            `برچسب «${other.name}» همین نشانی را دارد؛ اگر هر دو یکی‌اند، این برچسب را در آن ادغام کنید.`,
          );
        }
        if (slug !== tag.slug) {
          // The slug now names a live tag, so it can no longer redirect anywhere.
          await deleteAlias(trx, slug);
          await saveAlias(trx, tag.slug, id);
        }
        await updateTag(trx, id, { slug, name });
        await onRenamed?.(trx, id);
        return { id, slug, name };
      });
      events.emit('tag.changed', { tagIds: [id] });
      return renamed;
    },

    /**
     * Merges tag `fromId` into the tag named `into`: its articles get that tag
     * (once each), its slug and aliases redirect there, and it is deleted.
     */
    async merge(actor: Actor, fromId: number, into: string): Promise<Tag> {
      authorize(actor);
      if (!normalizeTagName(into))
        throw new ValidationError('نام برچسبی را که این برچسب در آن ادغام شود بنویسید.');
      const merged = await db.transaction().execute(async (trx) => {
        const from = await load(trx, fromId);
        const target = await lookUp(trx, into);
        if (!target) throw new ValidationError(`برچسبی به نام «${normalizeTagName(into)}» پیدا نشد.`);
        if (target.id === from.id) throw new ValidationError('یک برچسب را نمی‌توان در خودش ادغام کرد.');
        await moveArticleTags(trx, from.id, target.id);
        await moveAliases(trx, from.id, target.id);
        await saveAlias(trx, from.slug, target.id);
        await deleteTag(trx, from.id);
        await onRenamed?.(trx, target.id);
        return target;
      });
      events.emit('tag.changed', { tagIds: [fromId, merged.id] });
      return merged;
    },

    /** Deletes a tag no article carries; a used tag is merged, not deleted. */
    async remove(actor: Actor, id: number): Promise<Tag> {
      authorize(actor);
      return db.transaction().execute(async (trx) => {
        const tag = await load(trx, id);
        const used = await countTagUsage(trx, id);
        if (used > 0) {
          throw new ConflictError(
            `برچسب «${tag.name}» روی ${used.toLocaleString('fa-IR')} مطلب است و حذف نمی‌شود؛ آن را در برچسب دیگری ادغام کنید.`,
          );
        }
        await deleteTag(trx, id);
        return tag;
      });
    },
  };
}

export type TagService = ReturnType<typeof createTagService>;
