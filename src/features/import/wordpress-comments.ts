import { decodeEntities } from '../../platform/html-entities.js';
import {
  bodyFingerprint,
  isPlausibleEmail,
  normalizeBody,
  normalizeName,
  threadRoot,
} from '../comments/comment.js';
import { findComment, insertComment } from '../comments/comment-repository.js';
import type { ImportContext } from './import-context.js';
import { findMapping, saveMapping } from './import-mapping-repository.js';
import { cutText, foldArabicLetters } from './wordpress-text.js';
import { parseWxrGmt, type WxrComment, type WxrItem } from './wxr.js';

/** A comment's text as Khabar keeps comments: plain text with its line breaks, links as their addresses. */
function commentText(content: string): string {
  const text = content
    .replace(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_w, href: string, label: string) =>
      label.includes(href) ? label : `${label} (${href})`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return normalizeBody(foldArabicLetters(decodeEntities(text)));
}

function skipReason(comment: WxrComment): string | undefined {
  if (comment.type && comment.type !== 'comment') return `${comment.type} not imported`;
  if (comment.approved !== '1') return 'comment not approved';
  return undefined;
}

/**
 * Imports a post's approved comments, parents before replies. Khabar threads one level deep, so a
 * reply to a reply joins the thread of its top comment. Each comment and its mapping are written
 * in one transaction: a run stopped halfway through a post's comments resumes at the next one.
 */
export async function importComments(ctx: ImportContext, item: WxrItem, articleId: number | undefined) {
  const { db, clock } = ctx.deps;
  const ordered = [...item.comments].sort((a, b) => Number(a.id) - Number(b.id));
  for (const comment of ordered) {
    const entry = { kind: 'comments' as const, id: comment.id, title: item.title };
    const reason = skipReason(comment);
    if (reason) {
      ctx.report.skip({ ...entry, reason });
      continue;
    }
    if (await findMapping(db, ctx.source, 'comment', comment.id)) {
      ctx.report.already('comments');
      continue;
    }
    const body = commentText(comment.content);
    if (!body) {
      ctx.report.skip({ ...entry, reason: 'comment without text' });
      continue;
    }
    ctx.report.imported('comments');
    if (ctx.options.dryRun || articleId === undefined) continue;
    let parentId: number | null = null;
    if (comment.parentId && comment.parentId !== '0') {
      const parent = await findMapping(db, ctx.source, 'comment', comment.parentId);
      const found = parent?.targetId != null ? await findComment(db, parent.targetId) : undefined;
      if (found) parentId = threadRoot(found);
      else
        ctx.report.warn({
          ...entry,
          reason: 'reply to a comment not imported: shown as a comment of its own',
        });
    }
    const email = comment.authorEmail.trim();
    const createdAt = parseWxrGmt(comment.dateGmt) ?? parseWxrGmt(comment.date) ?? clock.now();
    await db.transaction().execute(async (trx) => {
      const saved = await insertComment(trx, {
        articleId,
        parentId,
        name: cutText(normalizeName(foldArabicLetters(decodeEntities(comment.author))), 60) || 'ناشناس',
        email: email && isPlausibleEmail(email) ? email : null,
        body,
        bodyHash: bodyFingerprint(body),
        state: 'approved',
        isStaff: false,
        authorUserId: null,
        ipHash: null,
        createdAt,
        moderatedAt: createdAt,
        moderatedBy: null,
      });
      await saveMapping(
        trx,
        { source: ctx.source, kind: 'comment', sourceId: comment.id, targetId: saved.id },
        clock.now(),
      );
    });
  }
}
