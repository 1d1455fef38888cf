import { setTimeout as sleep } from 'node:timers/promises';
import type { ExpressionBuilder } from 'kysely';
import { boundedMemo } from '../../platform/bounded-memo.js';
import type { DB } from '../../platform/db/database.js';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import type { Database } from '../../platform/db/schema.js';
import type { EventBus } from '../../platform/events.js';
import { assembleGzip, type DeflatedPart, deflatePart } from '../../platform/http/gzip-assembly.js';
import { jalaliDateParts } from '../../platform/persian/jalali.js';
import type { SiteContext } from '../../platform/views/site-context.js';
import type { CommentService } from '../comments/comment-service.js';
import type { ArticleLine, ArticleSummary } from './article.js';
import { type ArticlePageService, relatedShown } from './article-page-service.js';
import { findPublishedLines } from './article-repository.js';
import type { ArticleService } from './article-service.js';
import {
  partsFingerprint,
  renderSlot,
  renderStoredParts,
  type SlotBoxes,
  type SlotName,
  slotNames,
} from './views/stored-page-parts.js';

// A first visit to an article (a crawler walking the archive, a link shared a week ago) finds no
// page in the page cache. Rendering and compressing the page cost about 6 ms of processor time at
// 100,000 articles, and two cores served about 300 such pages a second. Most of the page changes
// only when the article, its comments or the site's frame change: those parts are rendered once,
// compressed on their own and kept in `article_renders`. A first visit then adds the boxes that
// change with other articles (most viewed and other news: remembered, shared by many pages) and
// puts the gzip response together from the stored parts without compressing the article again.
//
// «مطالب مرتبط» differs on every page, and reading and rendering it was most of a first visit's
// cost. It is stored with the parts and used while the article's tags keep the relatedVersion
// stored with it: a trigger raises a tag's version whenever a published article carrying it comes,
// goes, or changes its teaser. A row whose box is older has its box read and rendered on the visit.
//
// A row is used only if it was made for the current template and frame, from the article as it
// is now and its comments as they are now; otherwise the page is rendered as before. Rows are
// made by one process in the background (`keepStored`), so a publish never waits for them.

type PartShape = [deflatedLength: number, length: number, crc: number];

interface PartsLayout {
  /** Per stored part: compressed length, plain length, CRC-32. */
  parts: PartShape[];
  sectionId: number;
  tagIds: number[];
  related?: StoredRelated;
}

/**
 * «مطالب مرتبط» as it was when the parts were stored, valid while the article's tags keep the
 * relatedVersion stored with the row. Its compressed slot follows the parts in the row's body.
 */
interface StoredRelated {
  /** The related articles ranked, deep enough to leave out any «سایر اخبار». */
  ranked: number[];
  /** Those the slot shows: the ranked ones «سایر اخبار» did not show then. */
  shown: number[];
  slot: PartShape;
  /** The Jalali day the slot's stamps were made for, if one of them shows only the clock. */
  day?: string;
}

export interface AssembledPage {
  articleId: number;
  slug: string;
  /** The whole page as one gzip member. */
  gzip: Buffer;
  /** A strong validator of this gzip form: the plain page's CRC-32 and length, as its trailer has them. */
  etag: string;
}

/** What an article's page shows of its comments: how many are visible, and the latest moderation. */
function commentsState(eb: ExpressionBuilder<Database, 'articles'>) {
  return [
    eb
      .selectFrom('comments')
      .select((c) => c.fn.countAll<number>().as('n'))
      .whereRef('comments.articleId', '=', 'articles.id')
      .where('comments.state', '=', 'approved')
      .as('approvedComments'),
    eb
      .selectFrom('comments')
      .select((c) => c.fn.max('comments.moderatedAt').as('m'))
      .whereRef('comments.articleId', '=', 'articles.id')
      .as('lastModeration'),
  ];
}

const storedRow = preparedQuery((db, newsCode: number) =>
  db
    .selectFrom('articles')
    .innerJoin('articleRenders', 'articleRenders.articleId', 'articles.id')
    .select([
      'articles.id',
      'articles.slug',
      'articles.updatedAt',
      'articleRenders.madeFor',
      'articleRenders.articleVersion',
      'articleRenders.commentsVersion',
      'articleRenders.parts',
      'articleRenders.body',
      'articleRenders.relatedVersion',
    ])
    .select(commentsState)
    .select(relatedVersionNow)
    .where('articles.newsCode', '=', newsCode)
    .where('articles.state', '=', 'published'),
);

/** The sum of the article's tags' relatedVersion: it grows whenever «مطالب مرتبط» may change. */
function relatedVersionNow(eb: ExpressionBuilder<Database, 'articles'>) {
  return eb
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select((t) => t.fn.coalesce(t.fn.sum<number | string>('tags.relatedVersion'), t.lit(0)).as('v'))
    .whereRef('articleTags.articleId', '=', 'articles.id')
    .as('relatedNow');
}

const versionRow = preparedQuery((db, articleId: number) =>
  db
    .selectFrom('articles')
    .select(['articles.newsCode', 'articles.state', 'articles.updatedAt'])
    .select(commentsState)
    .select(relatedVersionNow)
    .where('articles.id', '=', articleId),
);

const commentsVersion = (row: { approvedComments: number | string | null; lastModeration: string | null }) =>
  `${Number(row.approvedComments ?? 0)}|${row.lastModeration ?? ''}`;

/**
 * The compressed HTML of the slots that repeat from page to page: the section's newest, the
 * day's most viewed, today's date. Each is kept by the slot, the minute (teasers' times are
 * shown to the minute) and its teasers. A teaser is a new object whenever its article changes
 * (see publishedSummaries), so it is known by its object, never by its id. «مطالب مرتبط»
 * differs on every page and is stored with the page's parts instead.
 */
function sharedSlotMemo(maxEntries: number) {
  const kept = boundedMemo<DeflatedPart>(maxEntries);
  const serials = new WeakMap<ArticleSummary, number>();
  let lastSerial = 0;
  const serialOf = (item: ArticleSummary) => {
    let serial = serials.get(item);
    if (serial === undefined) {
      serial = ++lastSerial;
      serials.set(item, serial);
    }
    return serial;
  };
  return (name: Exclude<SlotName, 'related'>, site: SiteContext, boxes: SlotBoxes): DeflatedPart => {
    const minute = Math.floor(site.now.getTime() / 60_000);
    const items = name === 'today' ? [] : boxes[name];
    const key = `${name}|${site.timeZone}|${minute}|${items.map(serialOf).join(',')}`;
    return kept(key, () => deflatePart(renderSlot(name, site, boxes)));
  };
}

/** «مطالب مرتبط» compressed, as the slot between stored parts. */
function deflateRelated(site: SiteContext, related: ArticleLine[]): DeflatedPart {
  return deflatePart(renderSlot('related', site, { related, mostViewed: [], otherNews: [] }));
}

/** The Jalali day of a time (now by default) where the site is: a teaser of that day shows only its clock. */
function dayOf(site: SiteContext, date = site.now): string {
  const { year, month, day } = jalaliDateParts(date, site.timeZone);
  return `${year}-${month}-${day}`;
}

export function createStoredArticlePages({
  db,
  articles,
  articlePages,
  comments,
  linksClickable,
}: {
  db: DB;
  articles: Pick<ArticleService, 'getPublished'>;
  articlePages: Pick<ArticlePageService, 'beside' | 'otherNewsOf' | 'relatedRanked'>;
  comments: Pick<CommentService, 'forArticle'>;
  linksClickable: boolean;
}) {
  // The menu comes from a memo, so the same list means the same frame.
  const fingerprints = new WeakMap<object, string>();
  const fingerprintOf = (site: SiteContext) => {
    let fingerprint = fingerprints.get(site.sections);
    if (!fingerprint) {
      fingerprint = partsFingerprint(site, linksClickable);
      fingerprints.set(site.sections, fingerprint);
    }
    return fingerprint;
  };
  const sharedSlot = sharedSlotMemo(512);

  /** The page of a published article put together from its stored parts, if they are current. */
  async function assemble(newsCode: number, site: SiteContext): Promise<AssembledPage | undefined> {
    const [row] = await storedRow(db, newsCode);
    if (
      !row ||
      row.articleVersion !== row.updatedAt ||
      row.commentsVersion !== commentsVersion(row) ||
      row.madeFor !== fingerprintOf(site)
    )
      return undefined;
    const layout = JSON.parse(row.parts) as PartsLayout;
    const article = { id: row.id, sectionId: layout.sectionId, tagIds: layout.tagIds };
    const storedRelated = row.relatedVersion === Number(row.relatedNow) ? layout.related : undefined;
    const [boxes, ranked] = await Promise.all([
      articlePages.beside(article),
      storedRelated ? undefined : articlePages.relatedRanked(article),
    ]);
    const slotBoxes = { ...boxes, related: [] };
    const partsEnd = layout.parts.reduce((sum, [deflatedLength]) => sum + deflatedLength, 0);
    const related = storedRelated
      ? await storedRelatedSlot(storedRelated, row.body.subarray(partsEnd), site, boxes)
      : deflateRelated(site, relatedShown(ranked ?? [], boxes.otherNews));
    const parts: DeflatedPart[] = [];
    let offset = 0;
    layout.parts.forEach(([deflatedLength, length, crc], index) => {
      parts.push({ deflated: row.body.subarray(offset, offset + deflatedLength), crc, length });
      offset += deflatedLength;
      const name = slotNames[index];
      if (name) parts.push(name === 'related' ? related : sharedSlot(name, site, slotBoxes));
    });
    const gzip = assembleGzip(parts);
    return { articleId: row.id, slug: row.slug, gzip, etag: `"s${gzip.subarray(-8).toString('hex')}-gzip"` };
  }

  /**
   * The stored «مطالب مرتبط» while it still shows what the page would: the same articles after
   * leaving out today's «سایر اخبار», with stamps made for today. Otherwise the articles it
   * should show are read again (they are the stored ranking's, which is still current).
   */
  async function storedRelatedSlot(
    stored: StoredRelated,
    bytes: Buffer,
    site: SiteContext,
    boxes: { otherNews: readonly { id: number }[] },
  ): Promise<DeflatedPart> {
    const shown = relatedShown(
      stored.ranked.map((id) => ({ id })),
      boxes.otherNews,
    ).map((item) => item.id);
    const [deflatedLength, length, crc] = stored.slot;
    if (shown.join() === stored.shown.join() && (stored.day === undefined || stored.day === dayOf(site)))
      return { deflated: bytes.subarray(0, deflatedLength), length, crc };
    return deflateRelated(site, await findPublishedLines(db, shown));
  }

  /** Renders and keeps the parts of one article's page; false if it is not published. */
  async function store(articleId: number, site: SiteContext): Promise<boolean> {
    // The versions are read before the content: a change in between leaves a row that is not used.
    const [version] = await versionRow(db, articleId);
    if (version?.state !== 'published') {
      await db.deleteFrom('articleRenders').where('articleId', '=', articleId).execute();
      return false;
    }
    const article = await articles.getPublished(Number(version.newsCode));
    const texts = renderStoredParts(site, article, await comments.forArticle(article));
    if (!texts) return false;
    const deflated = texts.map((text) => deflatePart(text));
    const beside = {
      id: article.id,
      sectionId: article.section.id,
      tagIds: article.tags.map((tag) => tag.id),
    };
    const [ranked, otherNews] = await Promise.all([
      articlePages.relatedRanked(beside),
      articlePages.otherNewsOf(beside),
    ]);
    const shown = relatedShown(ranked, otherNews);
    const slot = deflateRelated(site, shown);
    const today = dayOf(site);
    const related: StoredRelated = {
      ranked: ranked.map((item) => item.id),
      shown: shown.map((item) => item.id),
      slot: [slot.deflated.length, slot.length, slot.crc],
      ...(shown.some((item) => dayOf(site, item.publishedAt) === today) && { day: today }),
    };
    const row = {
      madeFor: fingerprintOf(site),
      articleVersion: version.updatedAt,
      commentsVersion: commentsVersion(version),
      relatedVersion: Number(version.relatedNow),
      parts: JSON.stringify({
        parts: deflated.map((part) => [part.deflated.length, part.length, part.crc]),
        sectionId: beside.sectionId,
        tagIds: beside.tagIds,
        related,
      } satisfies PartsLayout),
      body: Buffer.concat([...deflated.map((part) => part.deflated), slot.deflated]),
    };
    await db
      .insertInto('articleRenders')
      .values({ articleId, ...row })
      .onConflict((oc) => oc.column('articleId').doUpdateSet(row))
      .execute();
    return true;
  }

  /**
   * Published articles, newest first, whose stored parts are missing or were made from something
   * older, «مطالب مرتبط» included.
   */
  async function outdated(site: SiteContext, batch = 1000): Promise<number[]> {
    const madeFor = fingerprintOf(site);
    const ids: number[] = [];
    let before: { publishedAt: string; id: number } | undefined;
    for (;;) {
      let query = db
        .selectFrom('articles')
        .leftJoin('articleRenders', 'articleRenders.articleId', 'articles.id')
        .select([
          'articles.id',
          'articles.publishedAt',
          'articles.updatedAt',
          'articleRenders.madeFor',
          'articleRenders.articleVersion',
          'articleRenders.relatedVersion',
        ])
        .select(relatedVersionNow)
        .where('articles.state', '=', 'published')
        .orderBy('articles.publishedAt', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(batch);
      if (before) {
        const { publishedAt, id } = before;
        query = query.where((eb) =>
          eb.or([
            eb('articles.publishedAt', '<', publishedAt),
            eb.and([eb('articles.publishedAt', '=', publishedAt), eb('articles.id', '<', id)]),
          ]),
        );
      }
      const rows = await query.execute();
      for (const row of rows) {
        if (
          row.madeFor !== madeFor ||
          row.articleVersion !== row.updatedAt ||
          row.relatedVersion !== Number(row.relatedNow)
        )
          ids.push(row.id);
      }
      const last = rows.at(-1);
      if (!last || rows.length < batch || last.publishedAt === null) return ids;
      before = { publishedAt: last.publishedAt, id: last.id };
    }
  }

  /** Stores every outdated article's parts, reporting after each; for the command line. */
  async function storeOutdated(
    site: SiteContext,
    progress: (state: { done: number; total: number }) => void = () => {},
  ): Promise<{ stored: number; total: number }> {
    const ids = await outdated(site);
    let stored = 0;
    progress({ done: 0, total: ids.length });
    for (const [index, id] of ids.entries()) {
      if (await store(id, site)) stored++;
      progress({ done: index + 1, total: ids.length });
    }
    return { stored, total: ids.length };
  }

  /** Drops the stored parts that name these tags or show this picture; returns their articles. */
  async function dropShowing(what: { tagIds: number[] } | { imageId: number }): Promise<number[]> {
    if ('tagIds' in what && what.tagIds.length === 0) return [];
    const query =
      'tagIds' in what
        ? db.selectFrom('articleTags').select('articleId').where('tagId', 'in', what.tagIds)
        : db
            .selectFrom('articles')
            .select('id as articleId')
            .where('coverImageId', '=', what.imageId)
            .union(db.selectFrom('articleGallery').select('articleId').where('imageId', '=', what.imageId));
    const ids = (await query.execute()).map((row) => row.articleId);
    // Until they are stored again, their pages are rendered.
    for (let i = 0; i < ids.length; i += 500)
      await db
        .deleteFrom('articleRenders')
        .where('articleId', 'in', ids.slice(i, i + 500))
        .execute();
    return ids;
  }

  return { assemble, store, outdated, storeOutdated, dropShowing };
}

export type StoredArticlePages = ReturnType<typeof createStoredArticlePages>;

const sweepEveryMs = 60 * 60_000;

export interface KeepStoredLog {
  info(line: string): void;
  error(o: object, line: string): void;
}

/**
 * Keeps the stored parts current from one process: every outdated article at start, newest
 * first, then the articles that events change (here or in another process). One article at a
 * time, yielding between them, so that readers are served meanwhile.
 */
export function keepStored({
  stored,
  siteContext,
  buses,
  log,
}: {
  stored: StoredArticlePages;
  siteContext: () => Promise<SiteContext>;
  buses: EventBus[];
  log: KeepStoredLog;
}): { idle(): Promise<void>; stop(): Promise<void> } {
  const queue = new Set<number>();
  /** Finding the articles an event changed, before they are stored again. */
  const lookups: (() => Promise<number[]>)[] = [];
  let stopping = false;
  const stopped = () => stopping;
  let sweep = true;
  let running: Promise<void> | undefined;
  let failures = 0;
  const pending = () => sweep || queue.size > 0 || lookups.length > 0;

  // Storing takes about 2 ms of processor time per article: after each, the keeper rests as long
  // as it worked, so that it takes at most half of this process's core from its readers.
  const storeOne = async (articleId: number, site: SiteContext) => {
    const started = performance.now();
    try {
      await stored.store(articleId, site);
    } catch (error) {
      // A page that cannot be stored is rendered on each first visit, as without stored parts.
      if (failures++ < 5) log.error({ err: error }, `article ${articleId}: page parts not stored`);
    }
    await sleep(performance.now() - started);
  };

  /** What events asked for comes before the sweep: a new article's page is stored first. */
  async function drainChanges(): Promise<void> {
    for (let lookup = lookups.shift(); lookup && !stopped(); lookup = lookups.shift()) {
      for (const id of await lookup()) queue.add(id);
    }
    for (const articleId of queue) {
      if (stopped()) return;
      queue.delete(articleId);
      await storeOne(articleId, await siteContext());
    }
  }

  async function drain(): Promise<void> {
    while (!stopped() && pending()) {
      await drainChanges();
      if (!sweep) continue;
      sweep = false;
      let count = 0;
      const started = Date.now();
      const site = await siteContext();
      for (const articleId of await stored.outdated(site)) {
        if (stopped()) return;
        await drainChanges();
        await storeOne(articleId, site);
        count++;
      }
      if (count > 0)
        log.info(`stored the pages of ${count} articles in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }

  const wake = () => {
    running ??= drain()
      .catch((error: unknown) => log.error({ err: error }, 'storing article pages stopped'))
      .finally(() => {
        running = undefined;
        if (!stopped() && pending()) wake();
      });
  };
  const enqueue = (ids: Iterable<number>) => {
    for (const id of ids) queue.add(id);
    wake();
  };
  const lookUp = (lookup: () => Promise<number[]>) => {
    lookups.push(lookup);
    wake();
  };
  const sweepAll = () => {
    sweep = true;
    wake();
  };

  const unsubscribe = buses.flatMap((bus) => [
    bus.on('article.published', ({ articleId }) => enqueue([articleId])),
    bus.on('article.updated', ({ articleId }) => enqueue([articleId])),
    bus.on('article.unpublished', ({ articleId }) => enqueue([articleId])),
    bus.on('comment.approved', ({ articleId }) => enqueue([articleId])),
    bus.on('comment.rejected', ({ articleId }) => enqueue([articleId])),
    // A section's name is in the frame, so every row's fingerprint changes; a tag's name and a
    // picture's credit are only in the pages showing them.
    bus.on('section.changed', sweepAll),
    bus.on('tag.changed', ({ tagIds }) => lookUp(() => stored.dropShowing({ tagIds }))),
    bus.on('media.described', ({ imageId }) => lookUp(() => stored.dropShowing({ imageId }))),
  ]);
  // Changes that send no event (a command-line import beside the running site) are found by a
  // sweep now and then; at 100,000 articles finding nothing outdated takes about 2 s.
  const sweeps = setInterval(sweepAll, sweepEveryMs);
  sweeps.unref();
  const idle = async () => {
    while (running) await running;
  };
  wake();
  return {
    idle,
    async stop() {
      stopping = true;
      clearInterval(sweeps);
      for (const off of unsubscribe) off();
      await idle();
    },
  };
}
