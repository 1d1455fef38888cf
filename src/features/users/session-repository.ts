import type { DB } from '../../platform/db/database.js';
import type { User } from './user.js';
import { toUser } from './user-repository.js';

export interface StoredSession {
  id: number;
  user: User;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(
  db: DB,
  session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: string },
  now: Date,
): Promise<number> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('sessions')
    .values({ ...session, createdAt: stamp, lastSeenAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findSessionByTokenHash(db: DB, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.createdAt',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.sessionId,
    user: toUser(row),
    csrfToken: row.csrfToken,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
  };
}

export async function touchSession(db: DB, id: number, now: Date, expiresAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: now.toISOString(), expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: DB, id: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Signs a user out everywhere, optionally keeping the session they act from. */
export async function deleteUserSessions(db: DB, userId: number, keepSessionId?: number): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: DB, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', now.toISOString()).execute();
}
