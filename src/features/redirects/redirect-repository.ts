import type { DB } from '../../platform/db/database.js';

export async function findRedirectTarget(db: DB, path: string): Promise<string | undefined> {
  const row = await db.selectFrom('redirects').select('target').where('path', '=', path).executeTakeFirst();
  return row?.target;
}

/**
 * Adds old addresses; one that is already taken keeps its first target (the first post imported
 * wins). Returns the paths that were added.
 */
export async function insertRedirects(
  db: DB,
  redirects: readonly { path: string; target: string }[],
  now: Date,
): Promise<string[]> {
  if (redirects.length === 0) return [];
  const rows = await db
    .insertInto('redirects')
    .values(redirects.map((r) => ({ ...r, createdAt: now.toISOString() })))
    .onConflict((oc) => oc.column('path').doNothing())
    .returning('path')
    .execute();
  return rows.map((r) => r.path);
}

export async function countRedirects(db: DB): Promise<number> {
  const row = await db
    .selectFrom('redirects')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
