import { createHmac } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { toPersianDigits } from '../../platform/persian/digits.js';
import type { Article } from '../articles/article.js';
import type { ArticleService } from '../articles/article-service.js';
import type { Actor } from '../users/user.js';
import {
  type ArticleComments,
  bodyFingerprint,
  type Comment,
  type CommentState,
  commentLimits,
  countLinks,
  isPlausibleEmail,
  isSameOrigin,
  type ModerationAction,
  moderationActions,
  normalizeBody,
  normalizeName,
  type QueuedComment,
  type RequestOrigin,
  threadComments,
  threadRoot,
} from './comment.js';
import { canModerate, canReplyAsNewsroom } from './comment-policy.js';
import {
  addressHashKey,
  articleIdByNewsCode,
  countApproved,
  countByState,
  countFromAddressSince,
  countPending,
  findComment,
  hasDuplicate,
  insertComment,
  listApproved,
  listQueue,
  setState,
} from './comment-repository.js';

/** The limits that keep floods and copies out; the defaults suit one news site. */
export interface AbuseRules {
  /** Comments one address may send inside the window, in any state. */
  perAddress: number;
  perAddressWindowMs: number;
  /** How long the same text is refused again. */
  duplicateWindowMs: number;
}

export const defaultAbuseRules: AbuseRules = {
  perAddress: 5,
  perAddressWindowMs: 10 * 60_000,
  duplicateWindowMs: 24 * 3600_000,
};

export interface CommentServiceDeps {
  db: DB;
  clock: Clock;
  events: EventBus;
  articles: Pick<ArticleService, 'getPublished'>;
  /** The site's origin; form posts must come from it. */
  siteUrl: string;
  siteName: string;
  /** Whether addresses in approved comments are shown as links (KHABAR_COMMENT_LINKS). */
  linksClickable: boolean;
  rules?: AbuseRules;
}

/** What a reader's form sent, and what the request says about where it came from. */
export interface Submission extends RequestOrigin {
  newsCode: number;
  name: string;
  email: string;
  body: string;
  /** The id of the comment answered, as typed in the form; "" for a new thread. */
  parentId: string;
  /** The field people never see; only robots fill it. */
  honeypot: string;
  clientAddress: string;
}

export interface SubmitResult {
  state: CommentState;
  article: Pick<Article, 'newsCode' | 'slug'>;
}

export interface QueuePage {
  items: QueuedComment[];
  counts: Record<CommentState, number>;
  nextCursor: string | null;
}

const maxBulk = 200;

function encodeQueueCursor(comment: Pick<Comment, 'createdAt' | 'id'>): string {
  return Buffer.from(`${comment.createdAt.toISOString()}|${comment.id}`).toString('base64url');
}

function decodeQueueCursor(value: string): { createdAt: Date; id: number } {
  const [at = '', id = ''] = Buffer.from(value, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  const n = Number(id);
  if (Number.isNaN(createdAt.getTime()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new ValidationError('cursor نادرست است؛ nextCursor صفحهٔ قبل را بفرستید.');
  }
  return { createdAt, id: n };
}

function refuse(code: string, message: string): AppError {
  return new AppError(400, code, message);
}

/**
 * Readers' comments: taking them in from the public form behind the abuse
 * checks, the moderation queue, replies as the newsroom, and what article pages
 * show. Every change a reader can see announces `comment.approved` or
 * `comment.rejected`, so a page cache can drop the article's page.
 */
export function createCommentService({
  db,
  clock,
  events,
  articles,
  siteUrl,
  siteName,
  linksClickable,
  rules = defaultAbuseRules,
}: CommentServiceDeps) {
  const siteOrigin = new URL(siteUrl).origin;
  let key: Promise<string> | undefined;

  /** A keyed hash: the address itself is never stored, and without the key the hash cannot be looked up. */
  async function hashAddress(address: string): Promise<string> {
    key ??= addressHashKey(db).catch((error) => {
      key = undefined;
      throw error;
    });
    return createHmac('sha256', await key)
      .update(address)
      .digest('hex');
  }

  function authorize(actor: Actor): void {
    if (!canModerate(actor)) throw new ForbiddenError('بررسی نظرها با ناظران نظر، دبیران و مدیران است.');
  }

  function readFields(submission: Submission) {
    const name = normalizeName(submission.name);
    const email = submission.email.trim();
    const body = normalizeBody(submission.body);
    if (!name) throw new ValidationError('نام خود را بنویسید.');
    if ([...name].length > commentLimits.name) {
      throw new ValidationError(`نام حداکثر ${toPersianDigits(commentLimits.name)} نویسه است.`);
    }
    if (email && (email.length > commentLimits.email || !isPlausibleEmail(email))) {
      throw new ValidationError('ایمیل درست نیست؛ می‌توانید آن را خالی بگذارید.');
    }
    if (!body) throw new ValidationError('متن نظر خالی است.');
    if ([...body].length > commentLimits.body) {
      throw new ValidationError(
        `متن نظر حداکثر ${toPersianDigits(commentLimits.body)} نویسه است؛ این متن ${toPersianDigits([...body].length)} نویسه است.`,
      );
    }
    return { name, email: email || null, body };
  }

  /** The thread a reader's reply joins; it must answer an approved comment of the same article. */
  async function parentFor(articleId: number, parentId: string): Promise<number | null> {
    if (!parentId.trim()) return null;
    const id = Number(parentId);
    const parent = Number.isSafeInteger(id) && id > 0 ? await findComment(db, id) : undefined;
    if (!parent || parent.articleId !== articleId || parent.state !== 'approved') {
      throw refuse('invalid_parent', 'نظری که به آن پاسخ می‌دهید دیگر در این صفحه نیست.');
    }
    return threadRoot(parent);
  }

  function announce(changed: readonly Comment[]): void {
    for (const comment of changed) {
      if (comment.state === 'approved') {
        events.emit('comment.approved', { commentId: comment.id, articleId: comment.articleId });
      } else if (comment.state === 'rejected' || comment.state === 'spam') {
        events.emit('comment.rejected', {
          commentId: comment.id,
          articleId: comment.articleId,
          state: comment.state,
        });
      }
    }
  }

  return {
    /**
     * Takes a reader's comment in. It waits for moderation; a robot that filled
     * the hidden field is told the same, and its comment goes straight to spam.
     */
    async submit(submission: Submission): Promise<SubmitResult> {
      if (!isSameOrigin(submission, siteOrigin)) {
        throw new AppError(
          403,
          'cross_origin',
          'این فرم از صفحه‌ای بیرون از این سایت فرستاده شده است. از صفحهٔ خود خبر دوباره بفرستید.',
        );
      }
      const article = await articles.getPublished(submission.newsCode);
      if (!article.commentsEnabled) {
        throw new AppError(403, 'comments_closed', 'نظرها برای این مطلب بسته است.');
      }
      const fields = readFields(submission);
      const now = clock.now();
      const ipHash = await hashAddress(submission.clientAddress);
      const recent = await countFromAddressSince(
        db,
        ipHash,
        new Date(now.getTime() - rules.perAddressWindowMs),
      );
      if (recent >= rules.perAddress) {
        const minutes = toPersianDigits(Math.ceil(rules.perAddressWindowMs / 60_000));
        throw new TooManyRequestsError(
          `از این نشانی در ${minutes} دقیقهٔ گذشته نظرهای زیادی رسیده است. کمی بعد دوباره بفرستید.`,
          Math.ceil(rules.perAddressWindowMs / 1000),
        );
      }
      const bodyHash = bodyFingerprint(fields.body);
      const base = { articleId: article.id, ...fields, bodyHash, ipHash, isStaff: false, authorUserId: null };
      const result = { article: { newsCode: article.newsCode, slug: article.slug } };
      // Kept rather than dropped: a person whose browser filled the field by itself can be found in «هرزنامه».
      if (submission.honeypot.trim()) {
        await insertComment(db, { ...base, parentId: null, state: 'spam', createdAt: now });
        return { state: 'pending', ...result };
      }
      if (countLinks(fields.body) > commentLimits.links) {
        throw refuse(
          'too_many_links',
          `نظر بیش از ${toPersianDigits(commentLimits.links)} پیوند دارد و پذیرفته نمی‌شود؛ پیوندها را کم کنید.`,
        );
      }
      const since = new Date(now.getTime() - rules.duplicateWindowMs);
      if (await hasDuplicate(db, { articleId: article.id, ipHash, bodyHash, since })) {
        throw refuse(
          'duplicate_comment',
          'همین نظر پیش‌تر فرستاده شده است و در انتظار بررسی یا منتشرشده است.',
        );
      }
      const parentId = await parentFor(article.id, submission.parentId);
      await insertComment(db, { ...base, parentId, state: 'pending', createdAt: now });
      return { state: 'pending', ...result };
    },

    /** The comments an article page shows, with their count. */
    async forArticle(article: Pick<Article, 'id' | 'commentsEnabled'>): Promise<ArticleComments> {
      const approved = await listApproved(db, article.id);
      return {
        count: approved.length,
        threads: threadComments(approved),
        open: article.commentsEnabled,
        linksClickable,
      };
    },

    /** Approved comments per article, for lists; articles without any are absent. */
    commentCounts: (articleIds: readonly number[]) => countApproved(db, articleIds),

    /** For the newsroom's navigation; callers show it to moderators only. */
    pendingCount: () => countPending(db),

    async queue(
      actor: Actor,
      filter: {
        state: CommentState;
        newsCode?: number | undefined;
        cursor?: string | undefined;
        limit: number;
      },
    ): Promise<QueuePage> {
      authorize(actor);
      let articleId: number | undefined;
      if (filter.newsCode !== undefined) {
        articleId = await articleIdByNewsCode(db, filter.newsCode);
        if (articleId === undefined) throw new NotFoundError('مطلبی با این کد خبر نیست.');
      }
      const before = filter.cursor ? decodeQueueCursor(filter.cursor) : undefined;
      const [rows, counts] = await Promise.all([
        listQueue(db, { state: filter.state, articleId, before, limit: filter.limit + 1 }),
        countByState(db, articleId),
      ]);
      const items = rows.slice(0, filter.limit);
      const last = items.at(-1);
      return {
        items,
        counts,
        nextCursor: rows.length > filter.limit && last ? encodeQueueCursor(last) : null,
      };
    },

    /** Applies one decision to several comments; returns how many changed. */
    async moderate(actor: Actor, ids: readonly number[], action: ModerationAction): Promise<number> {
      authorize(actor);
      const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
      if (unique.length === 0) throw new ValidationError('هیچ نظری انتخاب نشده است.');
      if (unique.length > maxBulk) {
        throw new ValidationError(`هر بار حداکثر ${toPersianDigits(maxBulk)} نظر را می‌توان بررسی کرد.`);
      }
      const changed = await setState(db, unique, moderationActions[action], actor.userId, clock.now());
      announce(changed);
      return changed.length;
    },

    /** One decision on one comment, answered with the comment as it now is. */
    async moderateOne(actor: Actor, id: number, action: ModerationAction): Promise<Comment> {
      authorize(actor);
      const found = await findComment(db, id);
      if (!found) throw new NotFoundError('چنین نظری نیست.');
      const [changed] = await setState(db, [id], moderationActions[action], actor.userId, clock.now());
      announce(changed ? [changed] : []);
      return changed ?? found;
    },

    /** A reply in the newsroom's name, visible at once and marked as the newsroom's. */
    async replyAsNewsroom(actor: Actor, commentId: number, text: string): Promise<Comment> {
      if (!canReplyAsNewsroom(actor)) throw new ForbiddenError('پاسخ به نام تحریریه با ناظران و دبیران است.');
      const parent = await findComment(db, commentId);
      if (!parent) throw new NotFoundError('چنین نظری نیست.');
      if (parent.state !== 'approved') {
        throw new ValidationError('فقط به نظرهای تأییدشده می‌توان پاسخ داد؛ نخست نظر را تأیید کنید.');
      }
      const body = normalizeBody(text);
      if (!body) throw new ValidationError('متن پاسخ خالی است.');
      if ([...body].length > commentLimits.body) {
        throw new ValidationError(`متن پاسخ حداکثر ${toPersianDigits(commentLimits.body)} نویسه است.`);
      }
      const now = clock.now();
      const reply = await insertComment(db, {
        articleId: parent.articleId,
        parentId: threadRoot(parent),
        name: `تحریریهٔ ${siteName}`,
        email: null,
        body,
        bodyHash: bodyFingerprint(body),
        state: 'approved',
        isStaff: true,
        authorUserId: actor.userId,
        ipHash: null,
        createdAt: now,
        moderatedAt: now,
        moderatedBy: actor.userId,
      });
      announce([reply]);
      return reply;
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
