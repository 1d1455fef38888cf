import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { type Actor, actorOf, isRole, normalizeEmail, roles, type User } from './user.js';
import {
  findUserByEmail,
  findUserByTokenHash,
  insertApiToken,
  insertUser,
  touchApiToken,
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

const minPasswordLength = 10;
// Writing last-used on every API call would turn reads into writes; a few minutes' precision is enough.
const tokenTouchIntervalMs = 5 * 60_000;

/** API tokens are stored as SHA-256: they are long random secrets, so no slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createUserService({ db, clock }: UserServiceDeps) {
  return {
    async createUser(input: NewUser): Promise<User> {
      const email = normalizeEmail(input.email);
      const name = input.name.trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ValidationError('نشانی ایمیل درست نیست.');
      if (!name) throw new ValidationError('نام کاربر را بنویسید.');
      if (!isRole(input.role)) {
        throw new ValidationError(`نقش باید یکی از این‌ها باشد: ${roles.join('، ')}.`);
      }
      if (input.password.length < minPasswordLength) {
        throw new ValidationError(`گذرواژه باید دست‌کم ${minPasswordLength} نویسه باشد.`);
      }
      if (await findUserByEmail(db, email)) throw new ConflictError('کاربری با این ایمیل از پیش وجود دارد.');
      // @node-rs/argon2 hashes with Argon2id unless told otherwise.
      const passwordHash = await hash(input.password);
      return insertUser(db, { email, name, role: input.role, passwordHash }, clock.now());
    },

    /** Issues a new API token for a user; the plain token is returned once and never stored. */
    async createApiToken(emailInput: string, label = 'cli'): Promise<{ token: string; user: User }> {
      const user = await findUserByEmail(db, normalizeEmail(emailInput));
      if (!user) throw new NotFoundError('کاربری با این ایمیل پیدا نشد.');
      if (user.disabled) throw new ValidationError('این کاربر غیرفعال است.');
      const token = `khb_${randomBytes(32).toString('base64url')}`;
      await insertApiToken(db, { userId: user.id, tokenHash: hashToken(token), label }, clock.now());
      return { token, user };
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
