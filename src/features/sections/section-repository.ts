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

export async function findSectionById(db: DB, id: number): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSection(row);
}

/** Every section in menu order with how many articles (in any state) belong to it. */
export async function listSectionsWithCounts(db: DB): Promise<(Section & { articleCount: number })[]> {
  const rows = await db
    .selectFrom('sections')
    .leftJoin('articles', 'articles.sectionId', 'sections.id')
    .selectAll('sections')
    .select((eb) => eb.fn.count<number | string | bigint>('articles.id').as('articleCount'))
    .groupBy([
      'sections.id',
      'sections.slug',
      'sections.name',
      'sections.description',
      'sections.position',
      'sections.createdAt',
    ])
    .orderBy('sections.position')
    .orderBy('sections.id')
    .execute();
  return rows.map(({ articleCount, ...row }) => ({ ...toSection(row), articleCount: Number(articleCount) }));
}

export async function countArticlesInSection(db: DB, id: number): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('sectionId', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateSectionText(
  db: DB,
  id: number,
  text: Pick<Section, 'name' | 'description'>,
): Promise<void> {
  await db.updateTable('sections').set(text).where('id', '=', id).execute();
}

/** Writes menu positions 1, 2, 3… in the order of the given ids. */
export async function setSectionOrder(db: DB, ids: readonly number[]): Promise<void> {
  for (const [index, id] of ids.entries()) {
    await db
      .updateTable('sections')
      .set({ position: index + 1 })
      .where('id', '=', id)
      .execute();
  }
}

export async function deleteSection(db: DB, id: number): Promise<void> {
  await db.deleteFrom('sections').where('id', '=', id).execute();
}
