import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { isRole, type User } from './user.js';
import type { UsersTable } from './user.table.js';

export function toUser(
  row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'name' | 'role' | 'disabled'>,
): User {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role "${row.role}"`);
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled !== 0 };
}

export async function findUserByEmail(db: DB, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && toUser(row);
}

export async function insertUser(
  db: DB,
  user: { email: string; name: string; role: string; passwordHash: string },
  now: Date,
): Promise<User> {
  const stamp = now.toISOString();
  const row = await db
    .insertInto('users')
    .values({ ...user, createdAt: stamp, updatedAt: stamp })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function insertApiToken(
  db: DB,
  token: { userId: number; tokenHash: string; label: string },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('apiTokens')
    .values({ ...token, createdAt: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The active user behind a live token, with when the token was last used. */
export async function findUserByTokenHash(
  db: DB,
  tokenHash: string,
): Promise<{ user: User; tokenId: number; lastUsedAt: string | null } | undefined> {
  const row = await db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled',
      'apiTokens.id as tokenId',
      'apiTokens.lastUsedAt',
    ])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return { user: toUser(row), tokenId: row.tokenId, lastUsedAt: row.lastUsedAt };
}

export async function touchApiToken(db: DB, tokenId: number, now: Date): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ lastUsedAt: now.toISOString() })
    .where('id', '=', tokenId)
    .execute();
}

export async function hasUsers(db: DB): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function findPasswordHash(
  db: DB,
  email: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.passwordHash };
}

export async function updatePasswordHash(
  db: DB,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash, updatedAt: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}
