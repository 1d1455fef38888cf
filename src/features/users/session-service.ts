import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { TooManyRequestsError, ValidationError } from '../../platform/errors.js';
import { formatTime } from '../../platform/persian/jalali.js';
import { accountRule, addressRule, clearFailures, lockedUntil, recordFailure } from './login-throttle.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionByTokenHash,
  insertSession,
  touchSession,
} from './session-repository.js';
import { type Actor, actorOf, normalizeEmail, type User } from './user.js';
import { findPasswordHash, updatePasswordHash } from './user-repository.js';

export interface SessionServiceDeps {
  db: DB;
  clock: Clock;
  timeZone: string;
}

/** A signed-in newsroom member, as a request sees them. */
export interface Session {
  id: number;
  user: User;
  actor: Actor;
  csrfToken: string;
}

// A newsroom shift is long; a session idle for twelve hours ends, and none lives past a week.
const idleMs = 12 * 3600_000;
const maxAgeMs = 7 * 24 * 3600_000;
const touchIntervalMs = 5 * 60_000;
export const minPasswordLength = 10;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Verifying against this when the email is unknown makes a wrong email take as
// long as a wrong password, so timing does not tell which accounts exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hash(randomBytes(16).toString('hex'));
  return decoyHash;
};

export function createSessionService({ db, clock, timeZone }: SessionServiceDeps) {
  async function refuseIfLocked(keys: string[], now: Date) {
    for (const key of keys) {
      const until = await lockedUntil(db, key, now);
      if (until) {
        throw new TooManyRequestsError(
          `به‌خاطر چند تلاش نادرست، ورود تا ساعت ${formatTime(until, timeZone)} بسته است. بعد دوباره امتحان کنید.`,
          Math.ceil((until.getTime() - now.getTime()) / 1000),
        );
      }
    }
  }

  async function open(user: User, now: Date) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + idleMs).toISOString();
    await insertSession(
      db,
      {
        tokenHash: sha256(token),
        userId: user.id,
        csrfToken: randomBytes(24).toString('base64url'),
        expiresAt,
      },
      now,
    );
    return token;
  }

  return {
    /**
     * Checks a password and opens a new session (a fresh token every time, so a
     * token planted before sign-in is worthless). `clientKey` identifies the
     * client address without storing it.
     */
    async login(
      emailInput: string,
      password: string,
      clientKey: string,
    ): Promise<{ token: string; user: User }> {
      const now = clock.now();
      const email = normalizeEmail(emailInput);
      const keys = [`account:${sha256(email)}`, `address:${sha256(clientKey)}`];
      await refuseIfLocked(keys, now);
      const found = email ? await findPasswordHash(db, email) : undefined;
      const ok = await verify(found?.passwordHash ?? (await decoy()), password).catch(() => false);
      if (!found || !ok || found.user.disabled) {
        const [accountKey = '', addressKey = ''] = keys;
        const locks = [
          await recordFailure(db, accountKey, accountRule, now),
          await recordFailure(db, addressKey, addressRule, now),
        ];
        if (locks.some(Boolean)) await refuseIfLocked(keys, now);
        // A disabled account gets the same answer: the form must not confirm who works here.
        throw new ValidationError('ایمیل یا گذرواژه درست نیست.');
      }
      await clearFailures(db, keys[0] ?? '');
      await deleteExpiredSessions(db, now);
      return { token: await open(found.user, now), user: found.user };
    },

    /** The session behind a cookie's token, if it is live and its user still active. */
    async resume(token: string): Promise<Session | undefined> {
      const stored = await findSessionByTokenHash(db, sha256(token));
      if (!stored) return undefined;
      const now = clock.now();
      if (Date.parse(stored.expiresAt) <= now.getTime() || stored.user.disabled) {
        await deleteSession(db, stored.id);
        return undefined;
      }
      if (now.getTime() - Date.parse(stored.lastSeenAt) > touchIntervalMs) {
        const absoluteEnd = Date.parse(stored.createdAt) + maxAgeMs;
        const expiresAt = new Date(Math.min(now.getTime() + idleMs, absoluteEnd)).toISOString();
        await touchSession(db, stored.id, now, expiresAt);
      }
      return { id: stored.id, user: stored.user, actor: actorOf(stored.user), csrfToken: stored.csrfToken };
    },

    async logout(sessionId: number): Promise<void> {
      await deleteSession(db, sessionId);
    },

    /**
     * Changes the signed-in user's own password after checking the current one;
     * every other session of theirs ends, in case the old password had leaked.
     */
    async changePassword(session: Session, current: string, next: string): Promise<void> {
      const found = await findPasswordHash(db, session.user.email);
      if (!found || !(await verify(found.passwordHash, current).catch(() => false))) {
        throw new ValidationError('گذرواژهٔ کنونی درست نیست.');
      }
      if (next.length < minPasswordLength) {
        throw new ValidationError(`گذرواژهٔ تازه باید دست‌کم ${minPasswordLength} نویسه باشد.`);
      }
      if (next === current) throw new ValidationError('گذرواژهٔ تازه با گذرواژهٔ کنونی یکی است.');
      await updatePasswordHash(db, session.user.id, await hash(next), clock.now());
      await deleteUserSessions(db, session.user.id, session.id);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
