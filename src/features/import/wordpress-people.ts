import { randomBytes } from 'node:crypto';
import { decodeEntities } from '../../platform/html-entities.js';
import { slugify } from '../../platform/persian/slug.js';
import { findAuthorBySlug, insertAuthor } from '../authors/author-repository.js';
import { normalizeEmail, systemActor } from '../users/user.js';
import { findUserByEmail } from '../users/user-repository.js';
import type { ImportContext } from './import-context.js';
import { findMapping, saveMapping } from './import-mapping-repository.js';
import { cutText, foldArabicLetters } from './wordpress-text.js';
import type { WxrAuthor } from './wxr.js';

const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The newsroom account of a WordPress author: found by an earlier run or by email, or made disabled. */
async function accountFor(ctx: ImportContext, author: WxrAuthor, name: string): Promise<number | null> {
  const { db, users, clock } = ctx.deps;
  const mapped = await findMapping(db, ctx.source, 'user', author.login);
  if (mapped) {
    ctx.report.already('authors');
    return mapped.targetId;
  }
  const email = normalizeEmail(author.email);
  const entry = { kind: 'authors' as const, id: author.login, title: name };
  if (!plausibleEmail.test(email)) {
    ctx.report.warn({ ...entry, reason: 'author has no usable email: byline only, no newsroom account' });
    return null;
  }
  const existing = await findUserByEmail(db, email);
  if (existing) {
    ctx.report.warn({
      ...entry,
      reason: `author matched the existing newsroom user ${email}, left as it was`,
    });
  } else {
    ctx.report.imported('authors');
  }
  if (ctx.options.dryRun) return existing?.id ?? null;
  let userId = existing?.id;
  if (userId === undefined) {
    // Nobody knows this password: an admin enables the account and sets one (newsroom → users).
    const user = await users.createUser({
      email,
      name,
      role: 'writer',
      password: randomBytes(24).toString('base64url'),
    });
    await users.setDisabled(systemActor, user.id, true);
    userId = user.id;
  }
  await saveMapping(
    db,
    { source: ctx.source, kind: 'user', sourceId: author.login, targetId: userId },
    clock.now(),
  );
  return userId;
}

/** The byline slug of a WordPress author, made once and remembered in the mappings. */
async function bylineFor(ctx: ImportContext, author: WxrAuthor, name: string, userId: number | null) {
  const { db, clock } = ctx.deps;
  const mapped = await findMapping(db, ctx.source, 'author', author.login);
  if (mapped?.lookupKey) return mapped.lookupKey;
  const base = slugify(author.login, 50) || slugify(name, 50) || `wp-author-${author.id}`;
  const slug = (await findAuthorBySlug(db, base)) ? `${base}-${author.id || 'wp'}` : base;
  if (ctx.options.dryRun) return slug;
  const existing = await findAuthorBySlug(db, slug);
  const row = existing ?? (await insertAuthor(db, { slug, name, bio: null, userId }, clock.now()));
  await saveMapping(
    db,
    { source: ctx.source, kind: 'author', sourceId: author.login, targetId: row.id, lookupKey: slug },
    clock.now(),
  );
  return slug;
}

/**
 * A WordPress author becomes a newsroom user (role writer, disabled until an admin enables them)
 * and a byline; their posts carry both.
 */
export async function importAuthor(ctx: ImportContext, author: WxrAuthor): Promise<void> {
  if (!author.login) {
    ctx.report.skip({ kind: 'authors', id: author.id, reason: 'author without a login' });
    return;
  }
  const name = cutText(foldArabicLetters(decodeEntities(author.displayName || author.login)).trim(), 100);
  const userId = await accountFor(ctx, author, name);
  const authorSlug = await bylineFor(ctx, author, name, userId);
  ctx.writers.set(author.login, { userId, name, authorSlug });
}
