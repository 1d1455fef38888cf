import type { DB } from '../../platform/db/database.js';
import { normalizeTagName, type Tag, tagSlug } from './tag.js';

export async function findTagBySlug(db: DB, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/**
 * Returns the tags with these names, creating the missing ones. Names that
 * normalize to the same slug become one tag. Names with no letters are skipped.
 */
export async function findOrCreateTags(db: DB, names: readonly string[], now: Date): Promise<Tag[]> {
  const wanted = new Map<string, string>();
  for (const raw of names) {
    const name = normalizeTagName(raw);
    const slug = tagSlug(name);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  if (wanted.size === 0) return [];
  await db
    .insertInto('tags')
    .values([...wanted].map(([slug, name]) => ({ slug, name, createdAt: now.toISOString() })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('slug', 'in', [...wanted.keys()])
    .execute();
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return [...wanted.keys()].flatMap((slug) => bySlug.get(slug) ?? []);
}

export async function listTagsOfArticles(db: DB, articleIds: readonly number[]): Promise<Map<number, Tag[]>> {
  const result = new Map<number, Tag[]>();
  if (articleIds.length === 0) return result;
  const rows = await db
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select(['articleTags.articleId', 'tags.id', 'tags.slug', 'tags.name'])
    .where('articleTags.articleId', 'in', articleIds)
    .orderBy('articleTags.position')
    .execute();
  for (const { articleId, ...tag } of rows) {
    result.set(articleId, [...(result.get(articleId) ?? []), tag]);
  }
  return result;
}

export async function replaceArticleTags(db: DB, articleId: number, tags: readonly Tag[]): Promise<void> {
  await db.deleteFrom('articleTags').where('articleId', '=', articleId).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('articleTags')
    .values(tags.map((tag, position) => ({ articleId, tagId: tag.id, position })))
    .execute();
}
