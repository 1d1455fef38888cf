import type { DB } from '../../platform/db/database.js';

// Guessing passwords must be slow for an attacker and harmless for a journalist
// who mistypes twice. Counts live in the database so every process sees them.

export interface ThrottleRule {
  /** Failures allowed inside the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** One account: five wrong passwords in a quarter of an hour lock it for fifteen minutes. */
export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
/** One client address, across accounts: wider, so a shared office network is not locked out by one person. */
export const addressRule: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** When the key is locked until, if it is locked now. */
export async function lockedUntil(db: DB, key: string, now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('loginThrottle')
    .select('lockedUntil')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row?.lockedUntil) return undefined;
  const until = new Date(row.lockedUntil);
  return until > now ? until : undefined;
}

/** Counts one failure against the key; returns the lock's end if this failure locked it. */
export async function recordFailure(
  db: DB,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<Date | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('loginThrottle').selectAll().where('key', '=', key).executeTakeFirst();
    const windowOpen = row && now.getTime() - Date.parse(row.windowStartedAt) < rule.windowMs;
    const failures = windowOpen ? row.failures + 1 : 1;
    const windowStartedAt = windowOpen ? row.windowStartedAt : now.toISOString();
    const lock = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : undefined;
    const values = {
      failures: lock ? 0 : failures,
      windowStartedAt: lock ? now.toISOString() : windowStartedAt,
      lockedUntil: lock ? lock.toISOString() : (row?.lockedUntil ?? null),
    };
    if (row) await trx.updateTable('loginThrottle').set(values).where('key', '=', key).execute();
    // Two first failures at the same instant: the second one simply does not count twice.
    else
      await trx
        .insertInto('loginThrottle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    return lock;
  });
}

export async function clearFailures(db: DB, key: string): Promise<void> {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}
