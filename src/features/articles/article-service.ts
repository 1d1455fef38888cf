import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { slugify } from '../../platform/persian/slug.js';
import { findAuthorBySlug } from '../authors/author-repository.js';
import { findSectionBySlug } from '../sections/section-repository.js';
import { findOrCreateTags, replaceArticleTags } from '../tags/tag-repository.js';
import type { Actor } from '../users/user.js';
import {
  type Article,
  type ArticleKind,
  type ArticleState,
  type ArticleSummary,
  isArticleKind,
  isStorableTime,
  type ListCursor,
} from './article.js';
import { sanitizeBody } from './article-body.js';
import { canEdit, canPublish, canSeeUnpublished, canSetState } from './article-policy.js';
import {
  type ArticleRowChanges,
  allocateNewsCode,
  findArticleByNewsCode,
  findPublishedSummaries,
  insertArticle,
  insertRevision,
  listPublished,
  publishDueArticles,
  replaceGallery,
  updateArticleRow,
} from './article-repository.js';

export interface ArticleServiceDeps {
  db: DB;
  clock: Clock;
  events: EventBus;
  newsCodeStart: number;
}

/** The fields a writer or an integrator sets; every one is optional on update. */
export interface ArticleFields {
  title: string;
  surtitle?: string | null;
  lead?: string;
  body: string;
  section: string;
  tags?: string[];
  kind?: string;
  state?: 'draft' | 'inReview' | 'published' | 'scheduled';
  publishAt?: string | null;
  author?: string | null;
  byline?: string | null;
  source?: string | null;
  coverImageId?: number | null;
  commentsEnabled?: boolean;
  gallery?: { imageId: number; caption: string | null }[];
}

export interface CreateOptions {
  /** Only for imports and demo content: when the item first went public. */
  publishedAt?: Date;
}

const limits = { title: 300, surtitle: 150, lead: 1200, byline: 150, source: 150, tags: 20 } as const;

export function createArticleService({ db, clock, events, newsCodeStart }: ArticleServiceDeps) {
  async function resolve(fields: Partial<ArticleFields>, now: Date) {
    const changes: ArticleRowChanges = {};
    if (fields.title !== undefined) {
      const title = requireText(fields.title, 'تیتر', limits.title);
      changes.title = title;
      changes.slug = slugify(title);
    }
    if (fields.surtitle !== undefined)
      changes.surtitle = optionalText(fields.surtitle, 'روتیتر', limits.surtitle);
    if (fields.lead !== undefined) changes.lead = optionalText(fields.lead, 'لید', limits.lead) ?? '';
    if (fields.byline !== undefined)
      changes.byline = optionalText(fields.byline, 'نام نویسنده', limits.byline);
    if (fields.source !== undefined) changes.source = optionalText(fields.source, 'منبع', limits.source);
    if (fields.body !== undefined) changes.body = sanitizeBody(fields.body);
    if (fields.kind !== undefined) {
      if (!isArticleKind(fields.kind)) throw new ValidationError(`نوع مطلب «${fields.kind}» شناخته نیست.`);
      changes.kind = fields.kind;
    }
    if (fields.section !== undefined) {
      const section = await findSectionBySlug(db, fields.section);
      if (!section) throw new ValidationError(`سرویس «${fields.section}» وجود ندارد.`);
      changes.sectionId = section.id;
    }
    if (fields.author !== undefined) {
      const author = fields.author === null ? undefined : await findAuthorBySlug(db, fields.author);
      if (fields.author !== null && !author)
        throw new ValidationError(`نویسنده «${fields.author}» وجود ندارد.`);
      changes.authorId = author?.id ?? null;
    }
    if (fields.coverImageId !== undefined) changes.coverImageId = fields.coverImageId;
    if (fields.commentsEnabled !== undefined) changes.commentsEnabled = fields.commentsEnabled ? 1 : 0;
    if (fields.publishAt !== undefined) changes.publishAt = parseInstant(fields.publishAt);
    if (fields.tags !== undefined && fields.tags.length > limits.tags) {
      throw new ValidationError(`حداکثر ${limits.tags} برچسب می‌شود گذاشت.`);
    }
    changes.updatedAt = now.toISOString();
    return changes;
  }

  async function saveRelations(trx: DB, articleId: number, fields: Partial<ArticleFields>, now: Date) {
    if (fields.tags !== undefined)
      await replaceArticleTags(trx, articleId, await findOrCreateTags(trx, fields.tags, now));
    if (fields.gallery !== undefined) await replaceGallery(trx, articleId, fields.gallery);
  }

  async function snapshot(trx: DB, article: Article, actor: Actor, now: Date) {
    const { id, newsCode, state, surtitle, title, lead, body, kind, byline, source } = article;
    const saved = {
      newsCode,
      state,
      surtitle,
      title,
      lead,
      body,
      kind,
      byline,
      source,
      section: article.section.slug,
    };
    await insertRevision(
      trx,
      {
        articleId: id,
        snapshot: JSON.stringify({ ...saved, tags: article.tags.map((t) => t.name) }),
        createdBy: actor.userId,
      },
      now,
    );
  }

  function announce(before: ArticleState | undefined, after: Article) {
    const payload = { articleId: after.id, newsCode: after.newsCode, sectionId: after.section.id };
    if (after.state === 'published')
      events.emit(before === 'published' ? 'article.updated' : 'article.published', payload);
    else if (before === 'published') events.emit('article.unpublished', payload);
  }

  function checkState(actor: Actor, state: ArticleState, publishAt: string | null | undefined, now: Date) {
    if (!canSetState(actor, state)) {
      throw new ForbiddenError('انتشار و زمان‌بندی مطلب با دبیر است؛ مطلب را برای بررسی بفرستید.');
    }
    if (state === 'scheduled') {
      if (!publishAt) throw new ValidationError('برای زمان‌بندی، زمان انتشار (publishAt) را بدهید.');
      if (Date.parse(publishAt) <= now.getTime())
        throw new ValidationError('زمان انتشار باید در آینده باشد.');
    }
  }

  async function load(newsCode: number): Promise<Article> {
    const article = await findArticleByNewsCode(db, newsCode);
    if (!article) throw new NotFoundError('خبری با این کد پیدا نشد.');
    return article;
  }

  return {
    async create(actor: Actor, fields: ArticleFields, options: CreateOptions = {}): Promise<Article> {
      if (!canSetState(actor, 'draft')) throw new ForbiddenError('نقش شما اجازهٔ نوشتن مطلب ندارد.');
      const now = clock.now();
      const state: ArticleState = fields.state ?? 'draft';
      const changes = await resolve({ kind: 'news', ...fields }, now);
      checkState(actor, state, changes.publishAt, now);
      if (!changes.body) throw new ValidationError('متن خبر خالی است.');
      const publishedAt = state === 'published' ? (options.publishedAt ?? now).toISOString() : null;

      const article = await db.transaction().execute(async (trx) => {
        const newsCode = await allocateNewsCode(trx, newsCodeStart);
        const id = await insertArticle(trx, {
          newsCode,
          slug: changes.slug ?? '',
          kind: changes.kind ?? 'news',
          state,
          surtitle: changes.surtitle ?? null,
          title: changes.title ?? '',
          lead: changes.lead ?? '',
          body: changes.body ?? '',
          sectionId: changes.sectionId ?? 0,
          authorId: changes.authorId ?? null,
          byline: changes.byline ?? null,
          source: changes.source ?? null,
          coverImageId: changes.coverImageId ?? null,
          commentsEnabled: changes.commentsEnabled ?? 1,
          publishAt: changes.publishAt ?? null,
          publishedAt,
          createdBy: actor.userId,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        });
        await saveRelations(trx, id, fields, now);
        const saved = await findArticleByNewsCode(trx, newsCode);
        if (!saved) throw new Error(`article ${newsCode} vanished inside its own transaction`);
        await snapshot(trx, saved, actor, now);
        return saved;
      });
      announce(undefined, article);
      return article;
    },

    async update(actor: Actor, newsCode: number, fields: Partial<ArticleFields>): Promise<Article> {
      const current = await load(newsCode);
      if (!canEdit(actor, current)) throw new ForbiddenError('اجازهٔ ویرایش این مطلب را ندارید.');
      const now = clock.now();
      const changes = await resolve(fields, now);
      if (fields.body !== undefined && !changes.body) throw new ValidationError('متن خبر خالی است.');
      // Moving a scheduled article's time is rescheduling it: the same rules apply as to scheduling.
      const state = fields.state ?? current.state;
      const publishAt =
        changes.publishAt !== undefined ? changes.publishAt : current.publishAt?.toISOString();
      if (fields.state !== undefined || (state === 'scheduled' && fields.publishAt !== undefined)) {
        checkState(actor, state, publishAt, now);
      }
      if (fields.state !== undefined) {
        changes.state = fields.state;
        if (fields.state === 'published' && !current.publishedAt) changes.publishedAt = now.toISOString();
      }
      const article = await db.transaction().execute(async (trx) => {
        await updateArticleRow(trx, current.id, changes);
        await saveRelations(trx, current.id, fields, now);
        const saved = await findArticleByNewsCode(trx, newsCode);
        if (!saved) throw new NotFoundError('خبری با این کد پیدا نشد.');
        await snapshot(trx, saved, actor, now);
        return saved;
      });
      announce(current.state, article);
      return article;
    },

    /** Takes an article off the site; its news code stays taken and its URL answers 404. */
    async unpublish(actor: Actor, newsCode: number): Promise<Article> {
      const current = await load(newsCode);
      if (!canPublish(actor)) throw new ForbiddenError('برداشتن مطلب از سایت با دبیر است.');
      if (current.state === 'unpublished') return current;
      const now = clock.now();
      await updateArticleRow(db, current.id, { state: 'unpublished', updatedAt: now.toISOString() });
      const article = await load(newsCode);
      announce(current.state, article);
      return article;
    },

    /** A published article for readers; anything else is "not found" to them. */
    async getPublished(newsCode: number): Promise<Article> {
      const article = await findArticleByNewsCode(db, newsCode);
      if (article?.state !== 'published') throw new NotFoundError('خبری با این کد پیدا نشد.');
      return article;
    },

    /** Readers see published articles; the newsroom sees its work in any state. */
    async getFor(actor: Actor | undefined, newsCode: number): Promise<Article> {
      const article = await findArticleByNewsCode(db, newsCode);
      if (!article || (article.state !== 'published' && !canSeeUnpublished(actor))) {
        throw new NotFoundError('خبری با این کد پیدا نشد.');
      }
      return article;
    },

    listPublished(query: {
      sectionId?: number;
      tagId?: number;
      kind?: ArticleKind;
      excludeIds?: number[];
      before?: ListCursor;
      after?: ListCursor;
      limit: number;
    }): Promise<ArticleSummary[]> {
      return listPublished(db, query);
    },

    publishedSummaries: (ids: readonly number[]) => findPublishedSummaries(db, ids),

    /** Publishes what is due; returns how many went live. Called by the scheduler. */
    async publishDue(): Promise<number> {
      const published = await publishDueArticles(db, clock.now());
      for (const row of published) {
        events.emit('article.published', {
          articleId: row.id,
          newsCode: row.newsCode,
          sectionId: row.sectionId,
        });
      }
      return published.length;
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;

function requireText(value: string, label: string, max: number): string {
  const text = value.trim();
  if (!text) throw new ValidationError(`${label} خالی است.`);
  if (text.length > max) throw new ValidationError(`${label} بلندتر از ${max} نویسه است.`);
  return text;
}

function optionalText(value: string | null, label: string, max: number): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw new ValidationError(`${label} بلندتر از ${max} نویسه است.`);
  return text;
}

function parseInstant(value: string | null): string | null {
  if (value === null) return null;
  const time = Date.parse(value);
  // Without a zone an instant is ambiguous; the newsroom works in Tehran, servers in UTC.
  if (!isStorableTime(time) || !/(Z|[+-]\d\d:?\d\d)$/.test(value)) {
    throw new ValidationError(
      'زمان انتشار باید تاریخ و ساعت ISO 8601 با منطقهٔ زمانی باشد، مثل 2024-01-27T12:25:00+03:30.',
    );
  }
  return new Date(time).toISOString();
}
