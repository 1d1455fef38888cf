import { type Selectable, sql } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { preparedForIds, preparedQuery } from '../../platform/db/prepared-query.js';
import { type Image, type ImageCrop, parseImageCrops, parseImageFormats } from './image.js';
import type { ImagesTable } from './image.table.js';

export function toImage(row: Selectable<ImagesTable>): Image {
  return {
    id: row.id,
    storageKey: row.storageKey,
    width: row.width,
    height: row.height,
    variantWidths: row.variantWidths.split(',').map(Number),
    formats: parseImageFormats(row.formats),
    crops: parseImageCrops(row.crops),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
  };
}

export async function insertImage(db: DB, image: Omit<Image, 'id'>, now: Date): Promise<Image> {
  const row = await db
    .insertInto('images')
    .values({
      ...image,
      variantWidths: image.variantWidths.join(','),
      formats: image.formats.join(','),
      crops: image.crops.join(','),
      createdAt: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toImage(row);
}

const imageRowById = preparedQuery((db, id: number) =>
  db.selectFrom('images').selectAll().where('id', '=', id),
);

const imageRowsByIds = preparedForIds((db, ids) =>
  db.selectFrom('images').selectAll().where('id', 'in', ids),
);

export async function findImagesByIds(db: DB, ids: readonly number[]): Promise<Map<number, Image>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows =
    unique.length === 1 ? await imageRowById(db, unique[0] as number) : await imageRowsByIds(db, unique);
  return new Map(rows.map((row) => [row.id, toImage(row)]));
}

export async function findImageById(db: DB, id: number): Promise<Image | undefined> {
  const [row] = await imageRowById(db, id);
  return row && toImage(row);
}

export async function updateImageDetails(
  db: DB,
  id: number,
  details: Pick<Image, 'alt' | 'caption' | 'credit'>,
): Promise<Image | undefined> {
  const row = await db
    .updateTable('images')
    .set(details)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toImage(row);
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Newest first, `limit` at a time, after the id `before` (keyset paging: a new
 * upload never shifts the next page). `q` matches alt, caption or credit; lower()
 * makes Latin credits («Reuters») match either case on both engines.
 */
export async function searchImages(
  db: DB,
  query: { q?: string; before?: number; limit: number },
): Promise<Image[]> {
  let select = db.selectFrom('images').selectAll();
  if (query.q) {
    const pattern = likePattern(query.q);
    select = select.where((eb) =>
      eb.or(
        (['alt', 'caption', 'credit'] as const).map(
          (column) => sql<boolean>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toImage);
}

export interface ImageUse {
  newsCode: number;
  title: string;
  as: 'cover' | 'gallery';
}

/**
 * The articles that show an image as their cover or in their gallery. A read
 * across into the articles' tables, kept here because only the library asks it;
 * pictures placed inside a body's HTML are not tracked.
 */
export async function findImageUses(db: DB, imageId: number): Promise<ImageUse[]> {
  const covers = await db
    .selectFrom('articles')
    .select(['newsCode', 'title'])
    .where('coverImageId', '=', imageId)
    .orderBy('newsCode', 'desc')
    .limit(20)
    .execute();
  const galleries = await db
    .selectFrom('articleGallery')
    .innerJoin('articles', 'articles.id', 'articleGallery.articleId')
    .select(['articles.newsCode', 'articles.title'])
    .where('articleGallery.imageId', '=', imageId)
    .groupBy(['articles.newsCode', 'articles.title'])
    .orderBy('articles.newsCode', 'desc')
    .limit(20)
    .execute();
  return [
    ...covers.map((row) => ({ ...row, as: 'cover' as const })),
    ...galleries.map((row) => ({ ...row, as: 'gallery' as const })),
  ];
}

/** Images after `afterId` whose crops have not been made yet (stored before crops existed), by id. */
export async function findImagesWithoutCrops(db: DB, afterId: number, limit: number): Promise<Image[]> {
  const rows = await db
    .selectFrom('images')
    .selectAll()
    .where('crops', '=', '')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toImage);
}

export async function setImageCrops(db: DB, id: number, crops: readonly ImageCrop[]): Promise<void> {
  await db
    .updateTable('images')
    .set({ crops: crops.join(',') })
    .where('id', '=', id)
    .execute();
}
