import { pageTag } from '../../platform/cache/page-tags.js';
import { TaggedMemo } from '../../platform/cache/tagged-memo.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { slugify } from '../../platform/persian/slug.js';
import { findAuthorBySlug } from '../authors/author-repository.js';
import { findImagesByIds } from '../media/image-repository.js';
import { findSectionBySlug } from '../sections/section-repository.js';
import { normalizeTagName, tagSlug } from '../tags/tag.js';
import { findOrCreateTags, listTagsOfArticles, replaceArticleTags } from '../tags/tag-repository.js';
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
import {
  type DeskItem,
  type DeskListQuery,
  listForDesk,
  listRevisions,
  listWriters,
  saveAutosaveRevision,
  updateArticleIfUnchanged,
} from './article-desk-repository.js';
import { canEdit, canPublish, canSeeUnpublished, canSetState, canWrite } from './article-policy.js';
import {
  type ArticleRowChanges,
  allocateNewsCode,
  findArticleByNewsCode,
  findNewestTaggedIds,
  findPublishedLines,
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
  /**
   * Runs inside the transaction of every write, with the ids of the articles written, so that what
   * depends on them (the search index) commits or rolls back together with them.
   */
  onSaved?: (trx: DB, articleIds: readonly number[]) => Promise<void>;
  /**
   * Runs inside the transaction that makes articles public (created published, moved to published,
   * or published by the scheduler), so what must follow a publish (the Telegram outbox) is recorded
   * exactly when the publish commits.
   */
  onPublished?: (trx: DB, articleIds: readonly number[]) => Promise<void>;
  /** Teasers and tag lists that many pages share, dropped by the same events as cached pages. */
  memo?: TaggedMemo;
}

// Each tag's newest articles are the candidates for «مطالب مرتبط»: a tag on tens of
// thousands of articles must not make every article page count them all.
const relatedCandidatesPerTag = 40;
/** Candidates for «مطالب مرتبط» read beyond those asked for, in case some are not published. */
const relatedSpares = 4;

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
  /** Only for imports: when the item was last changed where it came from. */
  updatedAt?: Date;
  /**
   * Only for imports: runs inside the transaction that creates the article, so the importer's own
   * records (which source item became this article) commit or roll back together with it.
   */
  alsoInTransaction?: (trx: DB, article: Article) => Promise<void>;
}

export interface UpdateOptions {
  /**
   * The updatedAt the editor loaded. If someone saved since, the save is refused
   * with 409 instead of silently overwriting their work.
   */
  expectedUpdatedAt?: string;
}

/** What a revision keeps: the content of the article at that save, not its workflow. */
export interface RevisionSnapshot {
  newsCode: number;
  state: ArticleState;
  surtitle: string | null;
  title: string;
  lead: string;
  body: string;
  kind: ArticleKind;
  byline: string | null;
  source: string | null;
  section: string;
  tags: string[];
  coverImageId?: number | null;
  commentsEnabled?: boolean;
  gallery?: { imageId: number; caption: string | null }[];
}

export interface Revision {
  id: number;
  createdAt: Date;
  createdBy: string | null;
  autosave: boolean;
  snapshot: RevisionSnapshot;
}

const conflictMessage =
  'این مطلب را در این فاصله کس دیگری ذخیره کرده است. متن شما ذخیره نشد ولی در همین فرم مانده است؛ آن را جایی نگه دارید، صفحه را تازه کنید و تغییرها را دوباره اعمال کنید.';

const limits = { title: 300, surtitle: 150, lead: 1200, byline: 150, source: 150, tags: 20 } as const;

export function createArticleService({
  db,
  clock,
  events,
  newsCodeStart,
  onSaved = async () => {},
  onPublished = async () => {},
  memo = new TaggedMemo({ maxEntries: 0 }),
}: ArticleServiceDeps) {
  /**
   * Published teasers for these ids, in the order given. Each is remembered until its article (or a
   * section's or picture's wording, through `frame`) changes: lists on every page repeat them.
   */
  async function publishedSummaries(ids: readonly number[]): Promise<ArticleSummary[]> {
    const keyOf = (id: number) => `summary:${id}`;
    const missing = ids.filter((id) => !memo.has(keyOf(id)));
    const batch = missing.length > 0 ? findPublishedSummaries(db, missing) : undefined;
    const found = await Promise.all(
      ids.map((id) =>
        memo.remember(keyOf(id), { tags: [pageTag.article(id), pageTag.frame] }, async () => {
          const rows = (await batch) ?? (await findPublishedSummaries(db, [id]));
          return rows.find((row) => row.id === id) ?? null;
        }),
      ),
    );
    return found.filter((summary) => summary !== null);
  }

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

  async function snapshot(trx: DB, article: Article, actor: Actor, now: Date, autosave = false) {
    const { id, newsCode, state, surtitle, title, lead, body, kind, byline, source } = article;
    const saved: RevisionSnapshot = {
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
      tags: article.tags.map((t) => t.name),
      coverImageId: article.cover?.id ?? null,
      commentsEnabled: article.commentsEnabled,
      gallery: article.gallery.map((g) => ({ imageId: g.image.id, caption: g.caption })),
    };
    const revision = { articleId: id, snapshot: JSON.stringify(saved), createdBy: actor.userId };
    if (autosave) await saveAutosaveRevision(trx, revision, now);
    else await insertRevision(trx, revision, now);
  }

  function parseRevision(row: Awaited<ReturnType<typeof listRevisions>>[number]): Revision {
    return {
      id: row.id,
      createdAt: new Date(row.createdAt),
      createdBy: row.createdByName,
      autosave: row.autosave,
      snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
    };
  }

  /** Saves field changes in one transaction, refusing if someone saved since `expectedUpdatedAt`. */
  async function write(
    actor: Actor,
    current: Article,
    changes: ArticleRowChanges,
    fields: Partial<ArticleFields>,
    now: Date,
    options: UpdateOptions & { autosave?: boolean },
  ): Promise<Article> {
    return db.transaction().execute(async (trx) => {
      const expected = options.expectedUpdatedAt;
      if (expected !== undefined) {
        if (!(await updateArticleIfUnchanged(trx, current.id, expected, changes))) {
          throw new ConflictError(conflictMessage);
        }
      } else {
        await updateArticleRow(trx, current.id, changes);
      }
      await saveRelations(trx, current.id, fields, now);
      const saved = await findArticleByNewsCode(trx, current.newsCode);
      if (!saved) throw new NotFoundError('خبری با این کد پیدا نشد.');
      await snapshot(trx, saved, actor, now, options.autosave);
      await onSaved(trx, [saved.id]);
      if (saved.state === 'published' && current.state !== 'published') await onPublished(trx, [saved.id]);
      return saved;
    });
  }

  function announce(before: ArticleState | undefined, after: Article) {
    const payload = {
      articleId: after.id,
      newsCode: after.newsCode,
      sectionId: after.section.id,
      tagIds: after.tags.map((tag) => tag.id),
    };
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

  const service = {
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
          updatedAt: (options.updatedAt ?? now).toISOString(),
        });
        await saveRelations(trx, id, fields, now);
        const saved = await findArticleByNewsCode(trx, newsCode);
        if (!saved) throw new Error(`article ${newsCode} vanished inside its own transaction`);
        await snapshot(trx, saved, actor, now);
        await onSaved(trx, [id]);
        if (saved.state === 'published') await onPublished(trx, [id]);
        await options.alsoInTransaction?.(trx, saved);
        return saved;
      });
      announce(undefined, article);
      return article;
    },

    async update(
      actor: Actor,
      newsCode: number,
      fields: Partial<ArticleFields>,
      options: UpdateOptions = {},
    ): Promise<Article> {
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
      const article = await write(actor, current, changes, fields, now, options);
      announce(current.state, article);
      return article;
    },

    /**
     * Saves a draft while its writer types: content only, never the workflow
     * state, and only while the article is not live, so an autosave can never
     * change what readers see. Without a news code it creates the draft.
     */
    async autosave(
      actor: Actor,
      newsCode: number | undefined,
      fields: Partial<ArticleFields>,
      options: UpdateOptions = {},
    ): Promise<Article> {
      const { state: _ignored, publishAt: _alsoIgnored, ...content } = fields;
      if (newsCode === undefined) {
        const { title = '', body = '', section = '' } = content;
        return service.create(actor, { ...content, title, body, section, state: 'draft' });
      }
      const current = await load(newsCode);
      if (!canEdit(actor, current)) throw new ForbiddenError('اجازهٔ ویرایش این مطلب را ندارید.');
      if (current.state !== 'draft' && current.state !== 'inReview') {
        throw new ConflictError(
          'ذخیرهٔ خودکار فقط برای پیش‌نویس است؛ تغییرهای این مطلب را با دکمهٔ ذخیره بفرستید.',
        );
      }
      const now = clock.now();
      const changes = await resolve(content, now);
      if (content.body !== undefined && !changes.body) throw new ValidationError('متن خبر خالی است.');
      return write(actor, current, changes, content, now, { ...options, autosave: true });
    },

    /** An article's saves, newest first, for the newsroom's history page. */
    async revisions(actor: Actor, newsCode: number): Promise<{ article: Article; revisions: Revision[] }> {
      if (!canSeeUnpublished(actor)) throw new ForbiddenError('نقش شما اجازهٔ دیدن تاریخچهٔ مطالب ندارد.');
      const article = await load(newsCode);
      return { article, revisions: (await listRevisions(db, article.id)).map(parseRevision) };
    },

    /**
     * Puts an earlier version's content back as a new save; the workflow state
     * stays as it is, and the restore itself becomes a revision that can be undone.
     */
    async restoreRevision(actor: Actor, newsCode: number, revisionId: number): Promise<Article> {
      const { revisions } = await service.revisions(actor, newsCode);
      const revision = revisions.find((r) => r.id === revisionId);
      if (!revision) throw new NotFoundError('این نسخه در تاریخچهٔ این مطلب نیست.');
      const s = revision.snapshot;
      return service.update(actor, newsCode, {
        title: s.title,
        surtitle: s.surtitle,
        lead: s.lead,
        body: s.body,
        kind: s.kind,
        byline: s.byline,
        source: s.source,
        section: s.section,
        tags: s.tags,
        ...(s.coverImageId !== undefined ? { coverImageId: s.coverImageId } : {}),
        ...(s.commentsEnabled !== undefined ? { commentsEnabled: s.commentsEnabled } : {}),
        ...(s.gallery !== undefined ? { gallery: s.gallery } : {}),
      });
    },

    /** The newsroom's list: every state, newest change first. */
    async listForDesk(actor: Actor, query: DeskListQuery): Promise<DeskItem[]> {
      if (!canSeeUnpublished(actor)) throw new ForbiddenError('نقش شما اجازهٔ دیدن فهرست مطالب ندارد.');
      return listForDesk(db, query);
    },

    listWriters: () => listWriters(db),

    /**
     * The article as it would be with these fields, without saving anything:
     * the newsroom's preview renders it with the readers' own page.
     */
    async preview(actor: Actor, newsCode: number | undefined, fields: ArticleFields): Promise<Article> {
      if (!canWrite(actor)) throw new ForbiddenError('نقش شما اجازهٔ نوشتن مطلب ندارد.');
      const current = newsCode === undefined ? undefined : await load(newsCode);
      const now = clock.now();
      const changes = await resolve({ kind: 'news', ...fields }, now);
      const section = await findSectionBySlug(db, fields.section);
      if (!section) throw new ValidationError(`سرویس «${fields.section}» وجود ندارد.`);
      const coverId = fields.coverImageId ?? null;
      const cover = coverId === null ? null : ((await findImagesByIds(db, [coverId])).get(coverId) ?? null);
      const tagNames = [...new Set((fields.tags ?? []).map(normalizeTagName).filter(Boolean))];
      return {
        id: current?.id ?? 0,
        newsCode: current?.newsCode ?? 0,
        slug: changes.slug ?? '',
        kind: isArticleKind(changes.kind ?? '') ? (changes.kind as ArticleKind) : 'news',
        state: current?.state ?? 'draft',
        surtitle: changes.surtitle ?? null,
        title: changes.title ?? '',
        lead: changes.lead ?? '',
        body: changes.body ?? '',
        section: { id: section.id, slug: section.slug, name: section.name },
        author: current?.author ?? null,
        byline: changes.byline ?? null,
        source: changes.source ?? null,
        cover,
        commentsEnabled: fields.commentsEnabled ?? true,
        publishAt: current?.publishAt ?? null,
        publishedAt: current?.publishedAt ?? now,
        createdBy: current?.createdBy ?? actor.userId,
        createdAt: current?.createdAt ?? now,
        updatedAt: now,
        tags: tagNames.map((name, i) => ({ id: -1 - i, name, slug: tagSlug(name) })),
        gallery: current?.gallery ?? [],
      };
    },

    /** Takes an article off the site; its news code stays taken and its URL answers 404. */
    async unpublish(actor: Actor, newsCode: number): Promise<Article> {
      const current = await load(newsCode);
      if (!canPublish(actor)) throw new ForbiddenError('برداشتن مطلب از سایت با دبیر است.');
      if (current.state === 'unpublished') return current;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await updateArticleRow(trx, current.id, { state: 'unpublished', updatedAt: now.toISOString() });
        await onSaved(trx, [current.id]);
      });
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
      authorId?: number;
      kind?: ArticleKind;
      excludeIds?: number[];
      before?: ListCursor;
      after?: ListCursor;
      limit: number;
    }): Promise<ArticleSummary[]> {
      return listPublished(db, query);
    },

    publishedSummaries,

    /**
     * Published articles sharing tags with this one, ranked: those sharing the most tags first,
     * then the newest; chosen among each tag's newest. Never the article itself. A page leaves
     * out what its other boxes show, so it asks for that many more than it shows.
     */
    async related(article: { id: number; tags: readonly { id: number }[] }, limit: number) {
      const shared = new Map<number, number>();
      const perTag = await Promise.all(
        article.tags.map((tag) =>
          memo.remember(`tag-newest:${tag.id}`, { tags: [pageTag.tag(tag.id)] }, () =>
            findNewestTaggedIds(db, tag.id, relatedCandidatesPerTag),
          ),
        ),
      );
      for (const ids of perTag) {
        for (const id of ids) if (id !== article.id) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      // Ids follow creation, close to publication: the likeliest few are read (some may be drafts
      // or withdrawn, which have no teaser), then ordered by their real publication time.
      const likeliest = [...shared]
        .sort(([idA, a], [idB, b]) => b - a || idB - idA)
        .slice(0, limit + relatedSpares)
        .map(([id]) => id);
      const sharedWith = (id: number) => shared.get(id) ?? 0;
      return (await findPublishedLines(db, likeliest))
        .sort(
          (a, b) =>
            sharedWith(b.id) - sharedWith(a.id) ||
            b.publishedAt.getTime() - a.publishedAt.getTime() ||
            b.id - a.id,
        )
        .slice(0, limit);
    },

    /** Publishes what is due; returns how many went live. Called by the scheduler. */
    async publishDue(): Promise<number> {
      const published = await db.transaction().execute(async (trx) => {
        const rows = await publishDueArticles(trx, clock.now());
        const ids = rows.map((r) => r.id);
        await onSaved(trx, ids);
        await onPublished(trx, ids);
        return rows;
      });
      const tagsOf = await listTagsOfArticles(
        db,
        published.map((row) => row.id),
      );
      for (const row of published) {
        events.emit('article.published', {
          articleId: row.id,
          newsCode: row.newsCode,
          sectionId: row.sectionId,
          tagIds: (tagsOf.get(row.id) ?? []).map((tag) => tag.id),
        });
      }
      return published.length;
    },
  };
  return service;
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
