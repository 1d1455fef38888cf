import type { DB } from '../../platform/db/database.js';

/** What a WordPress record became: the kinds the importer keeps track of. */
export type MappingKind = 'user' | 'author' | 'category' | 'tag' | 'attachment' | 'post' | 'comment';

export interface Mapping {
  targetId: number | null;
  lookupKey: string | null;
}

export async function findMapping(
  db: DB,
  source: string,
  kind: MappingKind,
  sourceId: string,
): Promise<Mapping | undefined> {
  return db
    .selectFrom('importMappings')
    .select(['targetId', 'lookupKey'])
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('sourceId', '=', sourceId)
    .executeTakeFirst();
}

/** The attachment stored from a file, by the file's path under wp-content/uploads. */
export async function findAttachmentByPath(
  db: DB,
  source: string,
  path: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('importMappings')
    .select('targetId')
    .where('source', '=', source)
    .where('kind', '=', 'attachment')
    .where('lookupKey', '=', path)
    .where('targetId', 'is not', null)
    .executeTakeFirst();
  return row?.targetId ?? undefined;
}

/**
 * Records what a WordPress record became. An attachment first kept by its address alone is
 * updated when a later run (with --media-dir) stores its file.
 */
export async function saveMapping(
  db: DB,
  mapping: {
    source: string;
    kind: MappingKind;
    sourceId: string;
    targetId: number | null;
    lookupKey?: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('importMappings')
    .values({ ...mapping, lookupKey: mapping.lookupKey ?? null, createdAt: now.toISOString() })
    .onConflict((oc) =>
      oc
        .columns(['source', 'kind', 'sourceId'])
        .doUpdateSet({ targetId: mapping.targetId, lookupKey: mapping.lookupKey ?? null }),
    )
    .execute();
}

export async function countMappings(db: DB, source: string, kind: MappingKind): Promise<number> {
  const row = await db
    .selectFrom('importMappings')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('source', '=', source)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
