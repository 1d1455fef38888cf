import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import type { Image } from './image.js';
import type { ImagesTable } from './image.table.js';

export function toImage(row: Selectable<ImagesTable>): Image {
  return {
    id: row.id,
    storageKey: row.storageKey,
    width: row.width,
    height: row.height,
    variantWidths: row.variantWidths.split(',').map(Number),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
  };
}

export async function insertImage(db: DB, image: Omit<Image, 'id'>, now: Date): Promise<Image> {
  const row = await db
    .insertInto('images')
    .values({ ...image, variantWidths: image.variantWidths.join(','), createdAt: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toImage(row);
}

export async function findImagesByIds(db: DB, ids: readonly number[]): Promise<Map<number, Image>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('images')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, toImage(row)]));
}
