import { type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { ArticleState } from '../articles/article.js';

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

/**
 * A slot's articles that are still published, in order. An article taken down
 * after it was curated keeps its row until the desk next edits the slot.
 */
export async function listPublishedInSlot(db: DB, slot: CurationSlot): Promise<number[]> {
  const rows = await db
    .selectFrom('curationSlots')
    .innerJoin('articles', 'articles.id', 'curationSlots.articleId')
    .select('curationSlots.articleId')
    .where('curationSlots.slot', '=', slot)
    .where('articles.state', '=', 'published' satisfies ArticleState)
    .orderBy('curationSlots.position')
    .execute();
  return rows.map((r) => r.articleId);
}

/**
 * Replaces a slot's whole ordered list. Run it in a transaction (the caller's)
 * so readers never see the slot empty between the delete and the insert.
 */
export async function replaceSlot(db: DB, slot: CurationSlot, articleIds: readonly number[]): Promise<void> {
  await db.deleteFrom('curationSlots').where('slot', '=', slot).execute();
  if (articleIds.length === 0) return;
  await db
    .insertInto('curationSlots')
    .values(articleIds.map((articleId, position) => ({ slot, position, articleId })))
    .execute();
}

// A typed % or _ is a character to find, not a wildcard.
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Ids of published articles whose title contains the text, or whose news code
 * is the number typed, newest first: what the desk searches to curate.
 */
export async function searchPublishedIds(db: DB, text: string, limit: number): Promise<number[]> {
  const newsCode = /^\d{1,9}$/.test(text) ? Number(text) : undefined;
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('state', '=', 'published' satisfies ArticleState)
    .where((eb) =>
      eb.or([
        sql<SqlBool>`${sql.ref('title')} like ${containsPattern(text)} escape '\\'`,
        ...(newsCode === undefined ? [] : [eb('newsCode', '=', newsCode)]),
      ]),
    )
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
