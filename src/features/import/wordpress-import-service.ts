import { existsSync, statSync } from 'node:fs';
import { AppError } from '../../platform/errors.js';
import type { ImportContext, ImportDeps, ImportOptions } from './import-context.js';
import { createReport, type ImportReport } from './import-report.js';
import { importAttachment } from './wordpress-media.js';
import { importAuthor } from './wordpress-people.js';
import { importPost } from './wordpress-posts.js';
import type { WxrItem, WxrRecord, WxrSite } from './wxr.js';
import { readWxr, WxrFormatError } from './wxr-reader.js';

/** Stops an import with a message for the person running it (a malformed file, a wrong option). */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** The site's identity in the mappings: its host, so http/https and www. do not split one site in two. */
export function sourceOf(site: WxrSite): string {
  try {
    return new URL(site.siteUrl).host.replace(/^www\./, '').toLowerCase();
  } catch {
    throw new ImportError(`the export names its site as "${site.siteUrl}", which is not an address`);
  }
}

// Items WordPress stores beside posts that are not content: menus, styles, templates, revisions.
const otherTypeReason = (type: string) => `${type || 'untyped'} items are not content and are not imported`;

function skipPage(ctx: ImportContext, item: WxrItem) {
  ctx.report.skip({
    kind: 'pages',
    id: item.postId,
    title: item.title,
    link: item.link,
    reason: 'pages are not imported: recreate them by hand if needed',
  });
}

/** Runs one record of a pass; a record the site refuses is skipped with the refusal as its reason. */
async function guarded(ctx: ImportContext, item: WxrItem, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const kind = item.postType === 'attachment' ? 'attachments' : 'posts';
    ctx.report.skip({
      kind,
      id: item.postId,
      title: item.title,
      link: item.link,
      reason: `refused: ${error.message}`,
    });
  }
}

/** First pass: the site, its people and terms (which come first in an export) and its attachments. */
async function firstPass(ctx: ImportContext, record: WxrRecord) {
  switch (record.type) {
    case 'author':
      return importAuthor(ctx, record.author);
    case 'category':
      ctx.categories.set(record.category.slug, record.category);
      ctx.categorySlugById.set(record.category.termId, record.category.slug);
      return;
    case 'tag':
      ctx.tags.set(record.tag.slug, record.tag);
      return;
    case 'item':
      if (record.item.postType === 'attachment')
        return guarded(ctx, record.item, () => importAttachment(ctx, record.item));
      return;
    default:
      return;
  }
}

/** Second pass: posts (now that every attachment is known), pages reported, the rest skipped. */
async function secondPass(ctx: ImportContext, record: WxrRecord) {
  if (record.type !== 'item') return;
  const { item } = record;
  if (item.postType === 'post') return guarded(ctx, item, () => importPost(ctx, item));
  if (item.postType === 'page') return skipPage(ctx, item);
  if (item.postType !== 'attachment') {
    ctx.report.skip({
      kind: 'other',
      id: item.postId,
      title: item.title,
      reason: otherTypeReason(item.postType),
    });
  }
}

/**
 * Imports a WordPress export in two streaming passes over the file: people, terms and attachments
 * first, then posts with their comments (an attachment may come after the post it illustrates).
 * Every record is looked up in the mappings first, so a second run imports nothing twice and a run
 * stopped halfway resumes. Returns the report; a malformed file stops the run with an ImportError
 * naming the line, after the records before it were imported whole.
 */
export async function importWordPress(deps: ImportDeps, options: ImportOptions): Promise<ImportReport> {
  const reporter = createReport(options.file, options.dryRun, deps.clock.now());
  const ctx: ImportContext = {
    deps,
    options,
    report: reporter,
    source: '',
    blogUrl: '',
    categories: new Map(),
    categorySlugById: new Map(),
    tags: new Map(),
    writers: new Map(),
    sectionOfCategory: new Map(),
    ensuredTags: new Set(),
  };
  checkPaths(options);
  await checkCategoryMap(deps, options);
  const passes = [
    { phase: 'media', handle: firstPass },
    { phase: 'posts', handle: secondPass },
  ];
  try {
    for (const { phase, handle } of passes) {
      let records = 0;
      let progress = { bytesRead: 0, totalBytes: 0 };
      for await (const record of readWxr(options.file, (p) => {
        progress = p;
      })) {
        if (options.signal?.aborted) {
          reporter.report.interrupted = true;
          break;
        }
        if (record.type === 'site') {
          ctx.source = sourceOf(record.site);
          ctx.blogUrl = record.site.blogUrl;
          reporter.report.site = record.site.siteUrl;
          continue;
        }
        await handle(ctx, record);
        if (record.type === 'item') records += 1;
        options.onProgress?.({ phase, records, ...progress });
      }
      options.onProgress?.({ phase, records, ...progress, done: true });
      if (reporter.report.interrupted) break;
    }
  } catch (error) {
    reporter.report.interrupted = true;
    reporter.report.error = error instanceof Error ? error.message : String(error);
    if (error instanceof WxrFormatError) {
      throw new ImportFailure(
        `${options.file} is not a readable WordPress export: ${error.message}. The import stopped there, before any post (the first pass reads the whole file); fix the file, or export it again, and run the same command: nothing is imported twice.`,
        reporter.report,
      );
    }
    throw new ImportFailure(reporter.report.error, reporter.report, { cause: error });
  } finally {
    reporter.report.finishedAt = deps.clock.now().toISOString();
  }
  return reporter.report;
}

/** An import that stopped; carries the report of what it did before, for the CLI to write. */
export class ImportFailure extends ImportError {
  override name = 'ImportFailure';
  constructor(
    message: string,
    readonly report: ImportReport,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A missing export or media folder is said plainly before anything is read. */
function checkPaths(options: ImportOptions) {
  if (!existsSync(options.file) || !statSync(options.file).isFile()) {
    throw new ImportError(`there is no export file at ${options.file}`);
  }
  if (options.mediaDir && (!existsSync(options.mediaDir) || !statSync(options.mediaDir).isDirectory())) {
    throw new ImportError(
      `--media-dir ${options.mediaDir} is not a folder; give the copy of wp-content/uploads (the folder holding 2024/01/…)`,
    );
  }
}

/** A --map-category naming a section that does not exist stops the import before it writes anything. */
async function checkCategoryMap(deps: ImportDeps, options: ImportOptions) {
  const wanted = [...new Set(options.categoryMap?.values() ?? [])];
  if (wanted.length === 0) return;
  const slugs = new Set((await deps.sections.list()).map((s) => s.slug));
  const missing = wanted.filter((slug) => !slugs.has(slug));
  if (missing.length > 0) {
    throw new ImportError(
      `--map-category names sections that do not exist: ${missing.join(', ')} (existing: ${[...slugs].join(', ')})`,
    );
  }
}
