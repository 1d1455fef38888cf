import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors.js';
import { defaultSections, type Section } from './section.js';
import { countSections, findSectionBySlug, insertSection, listSections } from './section-repository.js';

export interface SectionServiceDeps {
  db: DB;
  clock: Clock;
}

export function createSectionService({ db, clock }: SectionServiceDeps) {
  return {
    list: (): Promise<Section[]> => listSections(db),

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
      return defaultSections.length;
    },
  };
}

export type SectionService = ReturnType<typeof createSectionService>;
