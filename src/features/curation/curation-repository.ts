import type { DB } from '../../platform/db/database.js';

export type CurationSlot = 'topStory' | 'editorPick';

export async function listSlot(db: DB, slot: CurationSlot): Promise<number[]> {
  const rows = await db
    .selectFrom('curationSlots')
    .select('articleId')
    .where('slot', '=', slot)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.articleId);
}

/** Replaces a slot's whole ordered list in one go. */
export async function replaceSlot(db: DB, slot: CurationSlot, articleIds: readonly number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('curationSlots').where('slot', '=', slot).execute();
    if (articleIds.length === 0) return;
    await trx
      .insertInto('curationSlots')
      .values(articleIds.map((articleId, position) => ({ slot, position, articleId })))
      .execute();
  });
}
