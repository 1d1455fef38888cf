import { pageTag } from '../../platform/cache/page-tags.js';
import { TaggedMemo } from '../../platform/cache/tagged-memo.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { slugify } from '../../platform/persian/slug.js';
import type { Actor } from '../users/user.js';
import { defaultSections, type MoveDirection, moved, type Section, type SectionInput } from './section.js';
import { canManageSections } from './section-policy.js';
import {
  countArticlesInSection,
  countSections,
  deleteSection,
  findSectionById,
  findSectionBySlug,
  insertSection,
  listSections,
  listSectionsWithCounts,
  setSectionOrder,
  updateSectionText,
} from './section-repository.js';

export interface SectionServiceDeps {
  db: DB;
  clock: Clock;
  events: EventBus;
  /** Runs in the transaction that renamed a section (the search index). */
  onRenamed?: (trx: DB, sectionId: number) => Promise<void>;
  /** Keeps the menu, which every page shows, until a section changes. */
  memo?: TaggedMemo;
}

const maxNameLength = 40;
const maxSlugLength = 60;
const maxDescriptionLength = 300;

function checkText(input: Pick<SectionInput, 'name' | 'description'>): Pick<Section, 'name' | 'description'> {
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!name) throw new ValidationError('نام سرویس را بنویسید.');
  if (name.length > maxNameLength)
    throw new ValidationError(`نام سرویس حداکثر ${maxNameLength.toLocaleString('fa-IR')} نویسه باشد.`);
  const description = input.description.trim();
  if (description.length > maxDescriptionLength) {
    throw new ValidationError(
      `توضیح سرویس حداکثر ${maxDescriptionLength.toLocaleString('fa-IR')} نویسه باشد.`,
    );
  }
  return { name, description: description || null };
}

/**
 * The slug a new section gets: the one typed, if it is already in slug form, or
 * one made from the name when none was typed. A typed slug is never rewritten
 * silently, because it becomes a URL people will share.
 */
function checkSlug(typed: string, name: string): string {
  const wanted = typed.trim();
  const slug = slugify(wanted || name, maxSlugLength);
  if (!slug)
    throw new ValidationError('از این نام نمی‌توان نشانی ساخت؛ نشانی را با حروف لاتین یا فارسی بنویسید.');
  if (wanted && slug !== wanted) {
    throw new ValidationError(
      `نشانی «${wanted}» فقط می‌تواند حروف، رقم و خط تیره داشته باشد؛ برای نمونه «${slug}».`,
    );
  }
  return slug;
}

export function createSectionService({
  db,
  clock,
  events,
  onRenamed,
  memo = new TaggedMemo({ maxEntries: 0 }),
}: SectionServiceDeps) {
  function authorize(actor: Actor): void {
    if (!canManageSections(actor)) throw new ForbiddenError('مدیریت سرویس‌ها فقط با دبیران و مدیران است.');
  }

  async function load(id: number): Promise<Section> {
    const section = await findSectionById(db, id);
    if (!section) throw new NotFoundError('این سرویس خبری وجود ندارد.');
    return section;
  }

  return {
    list: (): Promise<Section[]> =>
      memo.remember('sections', { tags: [pageTag.frame] }, () => listSections(db)),

    async getBySlug(slug: string): Promise<Section> {
      const section = await findSectionBySlug(db, slug);
      if (!section) throw new NotFoundError('این سرویس خبری وجود ندارد.');
      return section;
    },

    /** Gives a new site its default sections; a site that has any keeps its own. */
    async ensureDefaults(): Promise<number> {
      if ((await countSections(db)) > 0) return 0;
      await db.transaction().execute(async (trx) => {
        for (const section of defaultSections) await insertSection(trx, section, clock.now());
      });
      const [first] = await listSections(db);
      if (first) events.emit('section.changed', { sectionId: first.id });
      return defaultSections.length;
    },

    /** The newsroom's view: every section in menu order with its article count. */
    async listForDesk(actor: Actor) {
      authorize(actor);
      return listSectionsWithCounts(db);
    },

    async getForDesk(actor: Actor, id: number): Promise<Section> {
      authorize(actor);
      return load(id);
    },

    /** Adds a section at the end of the menu. */
    async create(actor: Actor, input: SectionInput): Promise<Section> {
      authorize(actor);
      const text = checkText(input);
      const slug = checkSlug(input.slug, text.name);
      const section = await db.transaction().execute(async (trx) => {
        if (await findSectionBySlug(trx, slug)) {
          throw new ConflictError(`سرویسی با نشانی «${slug}» هست؛ نشانی دیگری بنویسید.`);
        }
        const position = (await listSections(trx)).reduce((max, s) => Math.max(max, s.position), 0) + 1;
        return insertSection(trx, { ...text, slug, position }, clock.now());
      });
      events.emit('section.changed', { sectionId: section.id });
      return section;
    },

    /** Changes the name and description; the slug stays, so no published URL breaks. */
    async update(
      actor: Actor,
      id: number,
      input: Pick<SectionInput, 'name' | 'description'>,
    ): Promise<Section> {
      authorize(actor);
      const text = checkText(input);
      const before = await load(id);
      await db.transaction().execute(async (trx) => {
        await updateSectionText(trx, id, text);
        if (text.name !== before.name) await onRenamed?.(trx, id);
      });
      events.emit('section.changed', { sectionId: id });
      return load(id);
    },

    /** Moves a section one place up or down the menu; the first cannot go up nor the last down. */
    async move(actor: Actor, id: number, direction: MoveDirection): Promise<void> {
      authorize(actor);
      await db.transaction().execute(async (trx) => {
        const ids = (await listSections(trx)).map((s) => s.id);
        if (!ids.includes(id)) throw new NotFoundError('این سرویس خبری وجود ندارد.');
        await setSectionOrder(trx, moved(ids, id, direction));
      });
      events.emit('section.changed', { sectionId: id });
    },

    /** Deletes a section no article uses; articles are never left without a section. */
    async remove(actor: Actor, id: number): Promise<Section> {
      authorize(actor);
      const removed = await db.transaction().execute(async (trx) => {
        const section = await findSectionById(trx, id);
        if (!section) throw new NotFoundError('این سرویس خبری وجود ندارد.');
        const used = await countArticlesInSection(trx, id);
        if (used > 0) {
          throw new ConflictError(
            `سرویس «${section.name}» ${used.toLocaleString('fa-IR')} مطلب دارد و حذف نمی‌شود؛ نخست آن مطالب را به سرویس دیگری ببرید.`,
          );
        }
        await deleteSection(trx, id);
        return section;
      });
      events.emit('section.changed', { sectionId: id });
      return removed;
    },
  };
}

export type SectionService = ReturnType<typeof createSectionService>;
