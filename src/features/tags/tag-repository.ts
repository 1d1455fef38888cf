import { sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import { normalizeTagName, type Tag, type TagUsage, tagSlug } from './tag.js';

export async function findTagBySlug(db: DB, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/**
 * Returns the tags with these names, creating the missing ones. Names that
 * normalize to the same slug become one tag, and a name whose slug is an old
 * alias (a renamed or merged tag) is the tag it now points to, so writers who
 * type the old spelling do not bring the old tag back. Names with no letters are skipped.
 */
export async function findOrCreateTags(db: DB, names: readonly string[], now: Date): Promise<Tag[]> {
  const wanted = new Map<string, string>();
  for (const raw of names) {
    const name = normalizeTagName(raw);
    const slug = tagSlug(name);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  if (wanted.size === 0) return [];
  const aliases = await db
    .selectFrom('tagAliases')
    .innerJoin('tags', 'tags.id', 'tagAliases.tagId')
    .select(['tagAliases.slug as alias', 'tags.id', 'tags.slug', 'tags.name'])
    .where('tagAliases.slug', 'in', [...wanted.keys()])
    .execute();
  const aliased = new Map(aliases.map(({ alias, ...tag }) => [alias, tag]));
  const fresh = [...wanted].filter(([slug]) => !aliased.has(slug));
  if (fresh.length > 0) {
    await db
      .insertInto('tags')
      .values(fresh.map(([slug, name]) => ({ slug, name, createdAt: now.toISOString() })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const rows =
    fresh.length === 0
      ? []
      : await db
          .selectFrom('tags')
          .select(['id', 'slug', 'name'])
          .where(
            'slug',
            'in',
            fresh.map(([slug]) => slug),
          )
          .execute();
  const bySlug = new Map<string, Tag>([...aliased, ...rows.map((row) => [row.slug, row] as const)]);
  const found = [...wanted.keys()].flatMap((slug) => bySlug.get(slug) ?? []);
  // Two spellings may now lead to one tag; an article carries each tag once.
  return found.filter((tag, index) => found.findIndex((t) => t.id === tag.id) === index);
}

function tagsQuery(db: DB) {
  return db
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select(['articleTags.articleId', 'tags.id', 'tags.slug', 'tags.name'])
    .orderBy('articleTags.position');
}

const tagRowsOfArticle = preparedQuery((db, articleId: number) =>
  tagsQuery(db).where('articleTags.articleId', '=', articleId),
);

export async function listTagsOfArticles(db: DB, articleIds: readonly number[]): Promise<Map<number, Tag[]>> {
  const result = new Map<number, Tag[]>();
  if (articleIds.length === 0) return result;
  // One article (its own page) is the usual case, and a prepared query.
  const rows =
    articleIds.length === 1
      ? await tagRowsOfArticle(db, articleIds[0] as number)
      : await tagsQuery(db).where('articleTags.articleId', 'in', articleIds).execute();
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

export async function findTagById(db: DB, id: number): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The tag an old slug now stands for, after a rename or a merge. */
export async function findTagByAlias(db: DB, slug: string): Promise<Tag | undefined> {
  return db
    .selectFrom('tagAliases')
    .innerJoin('tags', 'tags.id', 'tagAliases.tagId')
    .select(['tags.id', 'tags.slug', 'tags.name'])
    .where('tagAliases.slug', '=', slug)
    .executeTakeFirst();
}

export async function listAliasesOf(db: DB, tagId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tagAliases')
    .select('slug')
    .where('tagId', '=', tagId)
    .orderBy('slug')
    .execute();
  return rows.map((r) => r.slug);
}

/** Makes an old slug answer for a tag; a slug that pointed elsewhere now points here. */
export async function saveAlias(db: DB, slug: string, tagId: number): Promise<void> {
  await db
    .insertInto('tagAliases')
    .values({ slug, tagId })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ tagId }))
    .execute();
}

export async function deleteAlias(db: DB, slug: string): Promise<void> {
  await db.deleteFrom('tagAliases').where('slug', '=', slug).execute();
}

export async function updateTag(db: DB, id: number, tag: Pick<Tag, 'slug' | 'name'>): Promise<void> {
  await db.updateTable('tags').set(tag).where('id', '=', id).execute();
}

export async function deleteTag(db: DB, id: number): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute();
}

/**
 * Gives every article of tag `fromId` the tag `intoId` instead, in the same
 * place in its tag list. An article that already has both keeps its own row
 * for `intoId`, so no article ends up tagged twice.
 */
export async function moveArticleTags(db: DB, fromId: number, intoId: number): Promise<void> {
  await db
    .updateTable('articleTags')
    .set({ tagId: intoId })
    .where('tagId', '=', fromId)
    .where('articleId', 'not in', (eb) =>
      eb.selectFrom('articleTags as both').select('both.articleId').where('both.tagId', '=', intoId),
    )
    .execute();
  await db.deleteFrom('articleTags').where('tagId', '=', fromId).execute();
}

/** Every alias of `fromId` becomes an alias of `intoId`. */
export async function moveAliases(db: DB, fromId: number, intoId: number): Promise<void> {
  await db.updateTable('tagAliases').set({ tagId: intoId }).where('tagId', '=', fromId).execute();
}

export async function countTagUsage(db: DB, tagId: number): Promise<number> {
  const row = await db
    .selectFrom('articleTags')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tagId', '=', tagId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface TagSearch {
  /** Part of the name, already normalized; "" lists every tag. */
  text: string;
  limit: number;
  offset: number;
  /** Names that start with the text come before names that merely contain it. */
  prefixFirst?: boolean;
}

// A typed % or _ is a character to find, not a wildcard.
function likePattern(text: string, { prefix }: { prefix: boolean }): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefix ? `${escaped}%` : `%${escaped}%`;
}

/** Tags whose name contains the text, with how many articles use each, most used first. */
export async function searchTags(db: DB, search: TagSearch): Promise<TagUsage[]> {
  const name = sql.ref('tags.name');
  let query = db
    .selectFrom('tags')
    .leftJoin('articleTags', 'articleTags.tagId', 'tags.id')
    .select(['tags.id', 'tags.slug', 'tags.name'])
    .select((eb) => eb.fn.count<number | string | bigint>('articleTags.articleId').as('count'))
    .groupBy(['tags.id', 'tags.slug', 'tags.name']);
  if (search.text) {
    query = query.where(
      sql<boolean>`${name} like ${likePattern(search.text, { prefix: false })} escape '\\'`,
    );
    if (search.prefixFirst) {
      const prefix = likePattern(search.text, { prefix: true });
      query = query.orderBy(sql`case when ${name} like ${prefix} escape '\\' then 0 else 1 end`);
    }
  }
  const rows = await query
    .orderBy('count', 'desc')
    .orderBy('tags.name')
    .orderBy('tags.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
