import { AppError, ConflictError } from '../../platform/errors.js';
import { decodeEntities } from '../../platform/html-entities.js';
import { type ArticleState, articlePath } from '../articles/article.js';
import type { ArticleFields } from '../articles/article-service.js';
import { type Actor, systemActor } from '../users/user.js';
import type { ImportContext } from './import-context.js';
import { findMapping, saveMapping } from './import-mapping-repository.js';
import { importComments } from './wordpress-comments.js';
import { convertPostBody } from './wordpress-content.js';
import { imageAddressesFor } from './wordpress-media.js';
import { postAddresses } from './wordpress-permalinks.js';
import { sectionForCategory, tagNamesFor } from './wordpress-terms.js';
import { cutText, foldArabicLetters, plainText } from './wordpress-text.js';
import { parseWxrGmt, type WxrItem } from './wxr.js';

const limits = { title: 300, lead: 1200, tags: 20 } as const;

type Entry = { kind: 'posts'; id: string; title: string; link: string };

interface Workflow {
  state: Exclude<ArticleState, 'unpublished'>;
  publishedAt?: Date;
  publishAt?: string;
}

/** What a WordPress status becomes; undefined for what is not imported (trash, auto-drafts). */
function workflowOf(ctx: ImportContext, item: WxrItem, entry: Entry): Workflow | undefined {
  const date = parseWxrGmt(item.postDateGmt);
  const now = ctx.deps.clock.now();
  if (item.postPassword && item.status === 'publish') {
    ctx.report.warn({ ...entry, reason: 'password-protected post imported as a draft' });
    return { state: 'draft' };
  }
  switch (item.status) {
    case 'publish':
      return { state: 'published', publishedAt: date ?? now };
    case 'future':
      return date && date > now
        ? { state: 'scheduled', publishAt: date.toISOString() }
        : { state: 'published', publishedAt: date ?? now };
    case 'pending':
      return { state: 'inReview' };
    case 'draft':
      return { state: 'draft' };
    case 'private':
      ctx.report.warn({ ...entry, reason: 'private post imported as a draft' });
      return { state: 'draft' };
    default:
      return undefined;
  }
}

/** The headline: the post's title, or the first words of its text for an untitled post. */
function titleOf(ctx: ImportContext, item: WxrItem, entry: Entry): string {
  const title = foldArabicLetters(decodeEntities(item.title)).replace(/\s+/g, ' ').trim();
  if (title.length > limits.title) ctx.report.warn({ ...entry, reason: 'title cut to 300 characters' });
  if (title) return cutText(title, limits.title);
  const words = plainText(item.content).split(' ').slice(0, 12).join(' ');
  if (words) ctx.report.warn({ ...entry, reason: 'untitled post: the headline is its first words' });
  return cutText(words, limits.title);
}

async function sectionOf(ctx: ImportContext, item: WxrItem, entry: Entry): Promise<string> {
  const categories = item.terms.filter((t) => t.domain === 'category');
  // Yoast SEO records the category its author marked as primary; WordPress itself lists them by name.
  const primarySlug = ctx.categorySlugById.get(item.meta._yoast_wpseo_primary_category ?? '');
  const primary = categories.find((c) => c.nicename === primarySlug) ?? categories[0];
  if (primary) return sectionForCategory(ctx, primary);
  const [first] = await ctx.deps.sections.list();
  if (!first)
    throw new AppError(500, 'import_failed', 'the site has no section to put uncategorized posts in');
  ctx.report.warn({ ...entry, reason: `post without a category went to the section ${first.slug}` });
  return first.slug;
}

/** The imported writer acts with the import's rights, so the newsroom lists them as the writer. */
function actorFor(ctx: ImportContext, item: WxrItem, entry: Entry): { actor: Actor; author: string | null } {
  const writer = ctx.writers.get(item.creator);
  if (!writer) {
    const who = item.creator ? `author ${item.creator} is not in the export` : 'post has no author';
    ctx.report.warn({ ...entry, reason: `${who}: imported without a writer` });
    return { actor: systemActor, author: null };
  }
  return { actor: { userId: writer.userId, name: writer.name, role: 'admin' }, author: writer.authorSlug };
}

/** The article fields of a post, with warnings for what changed on the way. */
async function fieldsOf(ctx: ImportContext, item: WxrItem, entry: Entry, workflow: Workflow) {
  const { images, missing } = await imageAddressesFor(ctx, item.content);
  const body = convertPostBody(item.content, images);
  for (const reason of body.warnings) ctx.report.warn({ ...entry, reason });
  if (missing.length > 0) {
    ctx.report.warn({
      ...entry,
      reason: `pictures not imported, shown from /wp-content/uploads/ on this site: ${missing.join(' ')}`,
    });
  }
  const lead = plainText(item.excerpt);
  if (lead.length > limits.lead)
    ctx.report.warn({ ...entry, reason: 'excerpt cut to 1200 characters for the lead' });
  let tags = await tagNamesFor(
    ctx,
    item.terms.filter((t) => t.domain === 'post_tag'),
  );
  if (tags.length > limits.tags) {
    ctx.report.warn({ ...entry, reason: `only the first ${limits.tags} of ${tags.length} tags kept` });
    tags = tags.slice(0, limits.tags);
  }
  const thumbnail = item.meta._thumbnail_id;
  const cover = thumbnail ? await findMapping(ctx.deps.db, ctx.source, 'attachment', thumbnail) : undefined;
  if (thumbnail && cover?.targetId == null) {
    ctx.report.warn({
      ...entry,
      reason: `featured image not imported (attachment ${thumbnail}): the article has no cover`,
    });
  }
  const fields: ArticleFields = {
    title: titleOf(ctx, item, entry),
    lead: cutText(lead, limits.lead),
    body: body.html,
    section: await sectionOf(ctx, item, entry),
    tags,
    kind: 'news',
    state: workflow.state,
    publishAt: workflow.publishAt ?? null,
    commentsEnabled: item.commentStatus !== 'closed',
    coverImageId: cover?.targetId ?? null,
  };
  return fields;
}

/**
 * Imports one post as an article through the article service (sanitizing, news code, revision,
 * search index), with its mapping and its old addresses in the same transaction, so an
 * interrupted run never leaves an article that a second run would make again. Sticky posts join
 * the editor's picks; approved comments follow, each remembered on its own.
 */
export async function importPost(ctx: ImportContext, item: WxrItem): Promise<void> {
  const { db, articles, curation, redirects, clock } = ctx.deps;
  const entry: Entry = { kind: 'posts', id: item.postId, title: item.title, link: item.link };
  const mapped = await findMapping(db, ctx.source, 'post', item.postId);
  if (mapped?.targetId != null) {
    ctx.report.already('posts');
    await importComments(ctx, item, mapped.targetId);
    return;
  }
  const workflow = workflowOf(ctx, item, entry);
  if (!workflow) {
    ctx.report.skip({ ...entry, reason: `status ${item.status || '(none)'} is not imported` });
    return;
  }
  const { actor, author } = actorFor(ctx, item, entry);
  const fields = { ...(await fieldsOf(ctx, item, entry, workflow)), author };
  if (!fields.title || !plainText(fields.body)) {
    ctx.report.skip({ ...entry, reason: 'post has neither title nor text' });
    return;
  }
  if (ctx.options.dryRun) {
    ctx.report.imported('posts');
    if (workflow.state === 'published')
      ctx.report.imported('redirects', postAddresses(item, ctx.blogUrl).length);
    await importComments(ctx, item, undefined);
    return;
  }
  let taken: string[] = [];
  const modified = parseWxrGmt(item.postModifiedGmt);
  const article = await articles.create(actor, fields, {
    ...(workflow.publishedAt ? { publishedAt: workflow.publishedAt } : {}),
    ...(modified ? { updatedAt: modified } : {}),
    alsoInTransaction: async (trx, created) => {
      await saveMapping(
        trx,
        { source: ctx.source, kind: 'post', sourceId: item.postId, targetId: created.id },
        clock.now(),
      );
      if (created.state !== 'published') return;
      const to = articlePath(created);
      const saved = await redirects.save(
        trx,
        postAddresses(item, ctx.blogUrl).map((from) => ({ from, to })),
        clock.now(),
      );
      ctx.report.imported('redirects', saved.added);
      taken = saved.taken;
    },
  });
  ctx.report.imported('posts');
  if (taken.length > 0) {
    ctx.report.warn({
      ...entry,
      reason: `duplicate slug: these old addresses already lead to an earlier post: ${taken.join(' ')}`,
    });
  }
  if (item.isSticky && article.state === 'published') {
    await curation.addEditorPick(systemActor, article.id).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
      ctx.report.warn({ ...entry, reason: `sticky post not added to the editor's picks: ${error.message}` });
    });
  }
  await importComments(ctx, item, article.id);
}
