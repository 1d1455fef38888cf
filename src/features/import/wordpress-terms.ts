import { AppError } from '../../platform/errors.js';
import { decodeEntities } from '../../platform/html-entities.js';
import { slugify } from '../../platform/persian/slug.js';
import { findSectionById } from '../sections/section-repository.js';
import { tagSlug } from '../tags/tag.js';
import { findOrCreateTags, findTagBySlug, saveAlias } from '../tags/tag-repository.js';
import { systemActor } from '../users/user.js';
import type { ImportContext } from './import-context.js';
import { findMapping, saveMapping } from './import-mapping-repository.js';
import { categoryAddresses, decodeSlug } from './wordpress-permalinks.js';
import { cutText, foldArabicLetters } from './wordpress-text.js';
import type { WxrCategory, WxrTermRef } from './wxr.js';

const maxSectionName = 40;
const sameName = (a: string, b: string) =>
  foldArabicLetters(a).replace(/\s+/g, ' ').trim() === foldArabicLetters(b).replace(/\s+/g, ' ').trim();

/** The category's slugs from the top of its tree down to itself; loops in a damaged export stop the walk. */
function slugPath(ctx: ImportContext, slug: string): string[] {
  const path = [slug];
  let parent = ctx.categories.get(slug)?.parentSlug;
  while (parent && !path.includes(parent) && path.length < 10) {
    path.unshift(parent);
    parent = ctx.categories.get(parent)?.parentSlug;
  }
  return path;
}

/** The section a category already became in an earlier run, if it still exists. */
async function mappedSection(ctx: ImportContext, category: WxrCategory): Promise<string | undefined> {
  const mapped = category.termId
    ? await findMapping(ctx.deps.db, ctx.source, 'category', category.termId)
    : undefined;
  if (mapped?.targetId == null) return undefined;
  return (await findSectionById(ctx.deps.db, mapped.targetId))?.slug;
}

/** Finds the section a category joins: the --map-category choice, one with its slug, or one with its name. */
async function matchSection(ctx: ImportContext, category: WxrCategory, name: string) {
  const sections = await ctx.deps.sections.list();
  const decoded = decodeSlug(category.slug);
  const chosen = ctx.options.categoryMap?.get(decoded) ?? ctx.options.categoryMap?.get(name);
  if (chosen) return sections.find((s) => s.slug === chosen);
  return (
    sections.find((s) => s.slug === slugify(decoded, 60)) ?? sections.find((s) => sameName(s.name, name))
  );
}

/**
 * The section a post of this category goes to, made the first time a post needs it: categories
 * without posts do not crowd the site's menu. A category joins a section chosen with
 * --map-category, else one with its slug or name, else a new section; its old addresses
 * (/category/…/, /?cat=) then lead to that section.
 */
export async function sectionForCategory(ctx: ImportContext, ref: WxrTermRef): Promise<string> {
  const cached = ctx.sectionOfCategory.get(ref.nicename);
  if (cached) return cached;
  const category = ctx.categories.get(ref.nicename) ?? {
    termId: '',
    slug: ref.nicename,
    parentSlug: '',
    name: ref.name,
    description: '',
  };
  const name = cutText(
    foldArabicLetters(decodeEntities(category.name || decodeSlug(category.slug))).trim(),
    maxSectionName,
  );
  const entry = { kind: 'sections' as const, id: category.termId || category.slug, title: name };
  let slug = await mappedSection(ctx, category);
  if (slug) {
    ctx.report.already('sections');
  } else {
    const match = await matchSection(ctx, category, name);
    if (match) {
      slug = match.slug;
      ctx.report.warn({ ...entry, reason: `category joined the existing section ${match.slug}` });
    } else {
      slug = slugify(decodeSlug(category.slug), 60) || slugify(name, 60);
      ctx.report.imported('sections');
      if (!ctx.options.dryRun) {
        const created = await ctx.deps.sections.create(systemActor, {
          name,
          slug,
          description: cutText(foldArabicLetters(decodeEntities(category.description)).trim(), 300),
        });
        slug = created.slug;
      }
    }
    if (!ctx.options.dryRun) await rememberCategory(ctx, category, slug);
  }
  ctx.sectionOfCategory.set(ref.nicename, slug);
  return slug;
}

async function rememberCategory(ctx: ImportContext, category: WxrCategory, sectionSlug: string) {
  const { db, sections, redirects, clock } = ctx.deps;
  const section = (await sections.list()).find((s) => s.slug === sectionSlug);
  if (!section) throw new AppError(500, 'import_failed', `section ${sectionSlug} vanished during the import`);
  const to = `/section/${encodeURIComponent(section.slug)}`;
  const from = categoryAddresses(slugPath(ctx, category.slug), category.termId || category.slug, ctx.blogUrl);
  await db.transaction().execute(async (trx) => {
    if (category.termId) {
      await saveMapping(
        trx,
        { source: ctx.source, kind: 'category', sourceId: category.termId, targetId: section.id },
        clock.now(),
      );
    }
    const saved = await redirects.save(
      trx,
      from.map((address) => ({ from: address, to })),
      clock.now(),
    );
    ctx.report.imported('redirects', saved.added);
  });
}

/**
 * The names of a post's tags, each tag made (and remembered) the first time a post carries it.
 * A WordPress slug that differs from Khabar's (an English slug for a Persian name) stays as the
 * tag's alias, so the old /tag/slug/ address answers 301 through the tag page itself.
 */
export async function tagNamesFor(ctx: ImportContext, refs: readonly WxrTermRef[]): Promise<string[]> {
  const names: string[] = [];
  for (const ref of refs) {
    const name = foldArabicLetters(decodeEntities(ref.name || decodeSlug(ref.nicename)))
      .replace(/\s+/g, ' ')
      .trim();
    if (!tagSlug(name)) continue;
    names.push(name);
    if (ctx.ensuredTags.has(ref.nicename)) continue;
    ctx.ensuredTags.add(ref.nicename);
    await ensureTag(ctx, ref, name);
  }
  return names;
}

async function ensureTag(ctx: ImportContext, ref: WxrTermRef, name: string) {
  const { db, clock } = ctx.deps;
  const termId = ctx.tags.get(ref.nicename)?.termId || `slug:${ref.nicename}`;
  if (await findMapping(db, ctx.source, 'tag', termId)) {
    ctx.report.already('tags');
    return;
  }
  ctx.report.imported('tags');
  if (ctx.options.dryRun) return;
  const [tag] = await findOrCreateTags(db, [name], clock.now());
  if (!tag) return;
  const alias = decodeSlug(ref.nicename).toLowerCase();
  if (alias && alias !== tag.slug && !(await findTagBySlug(db, alias))) await saveAlias(db, alias, tag.id);
  await saveMapping(db, { source: ctx.source, kind: 'tag', sourceId: termId, targetId: tag.id }, clock.now());
}
