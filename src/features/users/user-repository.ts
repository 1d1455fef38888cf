import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { isRole, type User } from './user.js';
import type { ApiTokensTable, UsersTable } from './user.table.js';

/** A user as the admins' list shows them. */
export interface ListedUser extends User {
  createdAt: string;
}

/** What a token's holder may see of it: never the secret, which is not stored anyway. */
export interface ApiTokenInfo {
  id: number;
  userId: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toUser(
  row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'name' | 'role' | 'disabled'>,
): User {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role "${row.role}"`);
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled !== 0 };
}

export async function findUserById(db: DB, id: number): Promise<ListedUser | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...toUser(row), createdAt: row.createdAt };
}

export async function listUsers(db: DB): Promise<ListedUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map((row) => ({ ...toUser(row), createdAt: row.createdAt }));
}

export async function updateUser(
  db: DB,
  id: number,
  changes: { role?: string; disabled?: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
      updatedAt: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Takes a write lock on every active admin's row without changing it. Run at
 * the start of a transaction, it makes two admins demoting each other at the
 * same moment queue up, so the second one counts after the first has committed
 * (PostgreSQL locks the rows; SQLite locks the whole database on the write).
 */
export async function lockActiveAdmins(db: DB): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ role: eb.ref('role') }))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .execute();
}

export async function countActiveAdmins(db: DB): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.count);
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

function toApiToken(row: Selectable<ApiTokensTable>): ApiTokenInfo {
  return {
    id: row.id,
    userId: row.userId,
    label: row.label,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** A user's tokens, live ones first, newest first. */
export async function listApiTokens(db: DB, userId: number): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toApiToken).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export async function findApiToken(db: DB, id: number): Promise<ApiTokenInfo | undefined> {
  const row = await db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toApiToken(row);
}

/** Marks a token revoked; revoking it again keeps the first time. */
export async function revokeApiToken(db: DB, id: number, now: Date): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: now.toISOString() })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
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
