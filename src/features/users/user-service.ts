import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { deleteUserSessions } from './session-repository.js';
import { type Actor, actorOf, isRole, normalizeEmail, type Role, roles, type User } from './user.js';
import { canHoldTokens, canManageTokensOf, canManageUsers } from './user-policy.js';
import {
  type ApiTokenInfo,
  countActiveAdmins,
  findApiToken,
  findUserByEmail,
  findUserById,
  findUserByTokenHash,
  insertApiToken,
  insertUser,
  type ListedUser,
  listApiTokens,
  listUsers,
  lockActiveAdmins,
  revokeApiToken,
  touchApiToken,
  updatePasswordHash,
  updateUser,
} from './user-repository.js';

export interface UserServiceDeps {
  db: DB;
  clock: Clock;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

export const minPasswordLength = 10;
export const maxTokenLabelLength = 80;
// Writing last-used on every API call would turn reads into writes; a few minutes' precision is enough.
const tokenTouchIntervalMs = 5 * 60_000;

/** API tokens are stored as SHA-256: they are long random secrets, so no slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new ValidationError(`نقش باید یکی از این‌ها باشد: ${roles.join('، ')}.`);
  return role;
}

function checkPassword(password: string): void {
  if (password.length < minPasswordLength) {
    throw new ValidationError(`گذرواژه باید دست‌کم ${minPasswordLength.toLocaleString('fa-IR')} نویسه باشد.`);
  }
}

function requireAdmin(actor: Actor): void {
  if (!canManageUsers(actor)) throw new ForbiddenError('فقط مدیران سایت می‌توانند کاربران را مدیریت کنند.');
}

/** The id of the person acting; the system actor has no account and so no tokens. */
function ownId(actor: Actor): number {
  if (!canHoldTokens(actor)) throw new ForbiddenError('توکن API فقط برای کاربران اتاق خبر ساخته می‌شود.');
  return actor.userId;
}

const lastAdminMessage =
  'سایت باید دست‌کم یک مدیر فعال داشته باشد؛ اول کاربر دیگری را مدیر کنید و بعد این کار را انجام دهید.';

export function createUserService({ db, clock }: UserServiceDeps) {
  async function existingUser(target: DB, id: number): Promise<ListedUser> {
    const user = await findUserById(target, id);
    if (!user) throw new NotFoundError('کاربری با این شناسه پیدا نشد.');
    return user;
  }

  /**
   * Applies an admin's change of role or state. The checks and the write share
   * one transaction that first locks the active admins, so two admins demoting
   * each other at once cannot leave the site with none.
   */
  async function changeUser(
    actor: Actor,
    userId: number,
    changes: { role?: Role; disabled?: boolean },
  ): Promise<ListedUser> {
    requireAdmin(actor);
    return db.transaction().execute(async (trx) => {
      await lockActiveAdmins(trx);
      const target = await existingUser(trx, userId);
      const demoted = changes.role !== undefined && changes.role !== 'admin';
      const losesAnAdmin =
        target.role === 'admin' && !target.disabled && (demoted || changes.disabled === true);
      if (losesAnAdmin && (await countActiveAdmins(trx)) <= 1) throw new ValidationError(lastAdminMessage);
      if (target.id === actor.userId && changes.disabled) {
        throw new ValidationError('نمی‌توانید حساب خودتان را غیرفعال کنید؛ این کار را مدیر دیگری باید بکند.');
      }
      if (target.id === actor.userId && demoted) {
        throw new ValidationError('نمی‌توانید نقش مدیر را از خودتان بگیرید؛ این کار را مدیر دیگری باید بکند.');
      }
      await updateUser(trx, userId, changes, clock.now());
      // A disabled person is signed out everywhere at once; their tokens fail because authenticateToken checks the flag.
      if (changes.disabled) await deleteUserSessions(trx, userId);
      return { ...target, ...changes };
    });
  }

  async function createUser(input: NewUser): Promise<User> {
    const email = normalizeEmail(input.email);
    const name = input.name.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ValidationError('نشانی ایمیل درست نیست.');
    if (!name) throw new ValidationError('نام کاربر را بنویسید.');
    const role = checkRole(input.role);
    checkPassword(input.password);
    if (await findUserByEmail(db, email)) throw new ConflictError('کاربری با این ایمیل از پیش وجود دارد.');
    // @node-rs/argon2 hashes with Argon2id unless told otherwise.
    const passwordHash = await hash(input.password);
    return insertUser(db, { email, name, role, passwordHash }, clock.now());
  }

  async function issueToken(user: User, label: string): Promise<{ token: string; info: ApiTokenInfo }> {
    const token = `khb_${randomBytes(32).toString('base64url')}`;
    const now = clock.now();
    const id = await insertApiToken(db, { userId: user.id, tokenHash: hashToken(token), label }, now);
    const info = {
      id,
      userId: user.id,
      label,
      createdAt: now.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    return { token, info };
  }

  return {
    /** Adds a user as the system (CLI, demo, tests); admins in the newsroom go through createUserAs. */
    createUser,

    async createUserAs(actor: Actor, input: NewUser): Promise<User> {
      requireAdmin(actor);
      return createUser(input);
    },

    async listUsers(actor: Actor): Promise<ListedUser[]> {
      requireAdmin(actor);
      return listUsers(db);
    },

    /** One user and all their tokens, for the admin's page about them. */
    async getUser(actor: Actor, userId: number): Promise<{ user: ListedUser; tokens: ApiTokenInfo[] }> {
      requireAdmin(actor);
      const user = await existingUser(db, userId);
      return { user, tokens: await listApiTokens(db, userId) };
    },

    /** Changes a role; it takes effect on the person's next request, in the newsroom and on the API. */
    async setRole(actor: Actor, userId: number, role: string): Promise<ListedUser> {
      return changeUser(actor, userId, { role: checkRole(role) });
    },

    async setDisabled(actor: Actor, userId: number, disabled: boolean): Promise<ListedUser> {
      return changeUser(actor, userId, { disabled });
    },

    /** An admin sets a new password for someone who lost theirs; every session of that person ends. */
    async resetPassword(actor: Actor, userId: number, password: string): Promise<void> {
      requireAdmin(actor);
      const target = await existingUser(db, userId);
      if (target.id === actor.userId) {
        throw new ValidationError('گذرواژهٔ خودتان را از صفحهٔ «حساب من» تغییر دهید.');
      }
      checkPassword(password);
      const passwordHash = await hash(password);
      await db.transaction().execute(async (trx) => {
        await updatePasswordHash(trx, userId, passwordHash, clock.now());
        await deleteUserSessions(trx, userId);
      });
    },

    /** Issues a new API token for a user from the CLI; the plain token is returned once and never stored. */
    async createApiToken(emailInput: string, label = 'cli'): Promise<{ token: string; user: User }> {
      const user = await findUserByEmail(db, normalizeEmail(emailInput));
      if (!user) throw new NotFoundError('کاربری با این ایمیل پیدا نشد.');
      if (user.disabled) throw new ValidationError('این کاربر غیرفعال است.');
      const { token } = await issueToken(user, label);
      return { token, user };
    },

    /** A token for the person acting, carrying their role; the plain token is returned once. */
    async createTokenFor(actor: Actor, labelInput: string): Promise<{ token: string; info: ApiTokenInfo }> {
      const user = await findUserById(db, ownId(actor));
      if (!user || user.disabled) throw new ForbiddenError('این حساب غیرفعال است.');
      const label = labelInput.trim();
      if (!label) throw new ValidationError('برای توکن برچسبی بنویسید تا بعدها بدانید کجا به کار رفته است.');
      if (label.length > maxTokenLabelLength) {
        throw new ValidationError(
          `برچسب توکن حداکثر ${maxTokenLabelLength.toLocaleString('fa-IR')} نویسه می‌تواند باشد.`,
        );
      }
      return issueToken(user, label);
    },

    /** The tokens of the person acting, or, for an admin, of anyone. Never the secrets. */
    async listTokens(actor: Actor, ownerId: number = ownId(actor)): Promise<ApiTokenInfo[]> {
      if (!canManageTokensOf(actor, ownerId)) throw new ForbiddenError();
      return listApiTokens(db, ownerId);
    },

    /** Revokes a token at once: the next API request carrying it gets 401. */
    async revokeToken(actor: Actor, tokenId: number): Promise<ApiTokenInfo> {
      const token = await findApiToken(db, tokenId);
      // Someone else's token is "not found", so token ids cannot be probed.
      if (!token || !canManageTokensOf(actor, token.userId)) throw new NotFoundError('توکن پیدا نشد.');
      const now = clock.now();
      await revokeApiToken(db, tokenId, now);
      return { ...token, revokedAt: token.revokedAt ?? now.toISOString() };
    },

    async authenticateToken(token: string): Promise<Actor | undefined> {
      const found = await findUserByTokenHash(db, hashToken(token));
      if (!found || found.user.disabled) return undefined;
      const now = clock.now();
      if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > tokenTouchIntervalMs) {
        await touchApiToken(db, found.tokenId, now);
      }
      return actorOf(found.user);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
