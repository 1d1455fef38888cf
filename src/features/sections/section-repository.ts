import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { Section } from './section.js';
import type { SectionsTable } from './section.table.js';

function toSection(row: Selectable<SectionsTable>): Section {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    position: row.position,
  };
}

export async function listSections(db: DB): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toSection);
}

export async function findSectionBySlug(db: DB, slug: string): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toSection(row);
}

export async function countSections(db: DB): Promise<number> {
  const row = await db
    .selectFrom('sections')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSection(db: DB, section: Omit<Section, 'id'>, now: Date): Promise<Section> {
  const row = await db
    .insertInto('sections')
    .values({ ...section, createdAt: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSection(row);
}
