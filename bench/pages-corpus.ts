// The site the page bench serves: a deterministic newsroom of N published articles with sections,
// tags, authors, cover pictures, photo stories, approved comments, a top story and editor's picks,
// written straight into the real tables in batched transactions, then indexed for search by the
// function `khabar reindex` runs. Text comes from the search bench's generator, so both benches read
// the same Persian.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Insertable } from 'kysely';
import sharp from 'sharp';
import { createServices } from '../src/app.js';
import { openMigratedDatabase } from '../src/cli/prepare.js';
import type { Config } from '../src/config/config.js';
import { articlePath } from '../src/features/articles/article.js';
import type { ArticlesTable } from '../src/features/articles/article.table.js';
import { sanitizeBody } from '../src/features/articles/article-body.js';
import { insertAuthor } from '../src/features/authors/author-repository.js';
import { bodyFingerprint } from '../src/features/comments/comment.js';
import type { CommentsTable } from '../src/features/comments/comment.table.js';
import { replaceSlot } from '../src/features/curation/curation-repository.js';
import { demoAuthors } from '../src/features/demo/demo-article.js';
import { reindexProgressBar } from '../src/features/search/reindex-progress.js';
import { floorToHour } from '../src/features/stats/view-repository.js';
import { normalizeTagName, tagSlug } from '../src/features/tags/tag.js';
import { migrations } from '../src/migrations/index.js';
import type { DB } from '../src/platform/db/database.js';
import { slugify } from '../src/platform/persian/slug.js';
import { type Corpus, makeCorpus } from './search-corpus.js';

const seed = 20261129;
/** Raise when the shape of the generated site changes, so cached corpora are rebuilt. */
const generatorVersion = 1;
export const firstNewsCode = 100_001;
/** Minutes between two articles: 100 000 articles span about a year, as a busy agency's do. */
const spacingMinutes = 5;
/** The newest articles are moved into the last day at every run, so «پربازدیدها» has a day to rank. */
export const freshCount = 240;
export const benchEditorEmail = 'bench-editor@bench.khabar';

export interface CorpusStats {
  articles: number;
  published: number;
  tags: number;
  images: number;
  comments: number;
}

/** What identifies a corpus: a cached file is reused only when all of it matches. */
export function corpusFingerprint(articleCount: number): string {
  const corpus = makeCorpus(seed);
  const sample = [0, 1, 2].map((i) => JSON.stringify(corpus.article(i))).join('');
  return createHash('sha256')
    .update(`${generatorVersion}|${articleCount}|${Object.keys(migrations).join(',')}|${sample}`)
    .digest('hex')
    .slice(0, 16);
}

function kindOf(i: number): string {
  if (i % 25 === 3) return 'photoStory';
  if (i % 11 === 5) return 'opinion';
  if (i % 9 === 2) return 'interview';
  if (i % 7 === 0) return 'report';
  return 'news';
}

/**
 * A body the way a news desk writes one: paragraphs with a subheading, and for long reads a quote
 * and a second part. Every save runs the service's sanitizer; these bodies are built of allowlisted
 * markup only, so they are stored as the sanitizer would leave them. Running it on each of 100 000
 * would cost a quarter of the generation time, so a sample proves it instead and stops the run if one
 * comes out different.
 */
function bodyOf(corpus: Corpus, i: number, kind: string, count: number): string {
  const main = corpus.article(i);
  const paragraphs = main.body.split('</p>').filter(Boolean);
  const heading = main.lead.split(' ').slice(0, 6).join(' ').replace(/\.$/, '');
  let body = `${paragraphs.slice(0, 2).join('</p>')}</p><h2>${heading}</h2>${paragraphs.slice(2).join('</p>')}</p>`;
  if (kind === 'report' || kind === 'interview') {
    const more = corpus.article((i + Math.floor(count / 2)) % count);
    body += `<blockquote><p>${more.lead}</p></blockquote><h2>${more.title}</h2>${more.body}`;
  }
  if (i % 50 === 0 && sanitizeBody(body) !== body) {
    throw new Error(`article ${i}: the generated body is not what the sanitizer would store`);
  }
  return body;
}

function tagNames(corpus: Corpus): { common: string[]; specific: string[] } {
  const common = [...new Set(corpus.commonWords(400))];
  const specific = [...new Set(corpus.wordPairs(2000))];
  return { common, specific };
}

/** Two to four tags: one broad (hundreds of articles share it), the rest narrow. */
function tagsOf(i: number, pool: { common: string[]; specific: string[] }): string[] {
  const names = [pool.common[(i * 31) % pool.common.length] ?? ''];
  const narrow = 1 + (i % 3);
  for (let k = 0; k < narrow; k++) names.push(pool.specific[(i * 7 + k * 613) % pool.specific.length] ?? '');
  return names;
}

async function insertTags(db: DB, pool: { common: string[]; specific: string[] }, at: string) {
  const names = [...pool.common, ...pool.specific].map(normalizeTagName);
  const rows = [...new Map(names.map((name) => [tagSlug(name), name])).entries()]
    .filter(([slug]) => slug)
    .map(([slug, name]) => ({ slug, name, createdAt: at }));
  for (let from = 0; from < rows.length; from += 500) {
    await db
      .insertInto('tags')
      .values(rows.slice(from, from + 500))
      .execute();
  }
  const stored = await db.selectFrom('tags').select(['id', 'slug']).execute();
  return new Map(stored.map((t) => [t.slug, t.id]));
}

/**
 * A few real pictures, drawn by sharp from a gradient (smooth, so encoding the stored AVIF, WebP and
 * JPEG variants takes seconds, not minutes) and stored through the media service like any upload.
 */
async function storePictures(services: ReturnType<typeof createServices>): Promise<number[]> {
  const colours = [
    ['#1d3557', '#a8dadc'],
    ['#264653', '#e9c46a'],
    ['#355070', '#eaac8b'],
  ];
  const ids: number[] = [];
  for (const [n, [from, to]] of colours.entries()) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="960" height="540" fill="url(#g)"/><circle cx="${200 + n * 250}" cy="200" r="90" fill="${to}"/></svg>`;
    const picture = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
    const image = await services.media.storeImage(picture, {
      alt: `تصویر شمارهٔ ${n + 1} بنچ`,
      caption: 'تصویر ساختگی برای سنجش کارایی',
      credit: 'بنچ خبر',
    });
    ids.push(image.id);
  }
  return ids;
}

/** Starts timing a step; the returned function tells its wall and processor seconds so far. */
function startPhase(): () => string {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    const processor = (used.user + used.system) / 1e6;
    return `${((performance.now() - wall) / 1000).toFixed(1)} s (${processor.toFixed(1)} s of processor)`;
  };
}

/**
 * Writes the whole corpus into the (migrated, empty) database of `config`, with a progress bar on
 * stderr for the articles and another for the search index.
 */
export async function generateCorpus(config: Config, count: number): Promise<CorpusStats> {
  const database = await openMigratedDatabase(config);
  const db = database.db;
  try {
    const services = createServices({ config, db }, (error, what) => console.error(what, error));
    await services.sections.ensureDefaults();
    const sections = await services.sections.list();
    const corpus = makeCorpus(seed);
    const start = Date.UTC(2025, 0, 1);
    const createdAt = new Date(start).toISOString();
    const authors = [];
    for (const author of demoAuthors) authors.push(await insertAuthor(db, author, new Date(start)));
    const pool = tagNames(corpus);
    const tagIds = await insertTags(db, pool, createdAt);
    let phase = startPhase();
    const pictures = await storePictures(services);
    console.error(`pictures: ${pictures.length} stored in ${phase()}`);
    await services.users.createUser({
      email: benchEditorEmail,
      name: 'دبیر بنچ',
      role: 'editor',
      password: 'bench-editor-password',
    });

    phase = startPhase();
    console.error(`writing ${count} articles`);
    const progress = reindexProgressBar(process.stderr);
    const batch = 500;
    let published = 0;
    let comments = 0;
    for (let from = 0; from < count; from += batch) {
      const rows: Insertable<ArticlesTable>[] = [];
      const links: { articleId: number; tagId: number; position: number }[] = [];
      const gallery: { articleId: number; position: number; imageId: number; caption: string }[] = [];
      const talk: Insertable<CommentsTable>[] = [];
      for (let i = from; i < Math.min(count, from + batch); i++) {
        const id = i + 1;
        const kind = kindOf(i);
        const text = corpus.article(i);
        const at = new Date(start + i * spacingMinutes * 60_000).toISOString();
        // One in a hundred is still a draft: the desk's index holds it, readers never see it.
        const state = i % 100 === 99 ? 'draft' : 'published';
        if (state === 'published') published++;
        const section = kind === 'opinion' ? sections.at(-1) : sections[i % (sections.length - 1)];
        rows.push({
          id,
          newsCode: firstNewsCode + i,
          slug: slugify(text.title),
          kind,
          state,
          surtitle: text.surtitle,
          title: text.title,
          lead: text.lead,
          body: bodyOf(corpus, i, kind, count),
          sectionId: section?.id ?? 1,
          authorId: kind === 'opinion' || i % 4 === 0 ? (authors[i % authors.length]?.id ?? null) : null,
          byline: kind === 'news' && i % 4 === 1 ? 'گروه خبر' : null,
          source: i % 6 === 0 ? 'خبرگزاری بنچ' : null,
          coverImageId: kind === 'photoStory' || i % 5 < 2 ? (pictures[i % pictures.length] ?? null) : null,
          publishAt: null,
          publishedAt: state === 'published' ? at : null,
          createdBy: null,
          createdAt: at,
          updatedAt: at,
        });
        const seen = new Set<number>();
        for (const name of tagsOf(i, pool)) {
          const tagId = tagIds.get(tagSlug(normalizeTagName(name)));
          if (tagId === undefined || seen.has(tagId)) continue;
          seen.add(tagId);
          links.push({ articleId: id, tagId, position: seen.size - 1 });
        }
        if (kind === 'photoStory') {
          for (let n = 0; n < 3; n++) {
            const imageId = pictures[(i + n) % pictures.length] ?? 0;
            gallery.push({ articleId: id, position: n, imageId, caption: `${text.surtitle} ${n + 1}` });
          }
        }
        if (i % 10 === 0 && state === 'published') {
          for (let n = 0; n < 2; n++) {
            const body = text.lead
              .split(' ')
              .slice(n * 6, n * 6 + 14)
              .join(' ');
            talk.push({
              articleId: id,
              parentId: null,
              name: authors[(i + n) % authors.length]?.name ?? 'خواننده',
              email: null,
              body,
              state: 'approved',
              authorUserId: null,
              ipHash: createHash('sha256').update(`reader ${i} ${n}`).digest('hex'),
              bodyHash: bodyFingerprint(body),
              createdAt: at,
              moderatedAt: at,
              moderatedBy: null,
            });
          }
        }
      }
      comments += talk.length;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('articles').values(rows).execute();
        if (links.length) await trx.insertInto('articleTags').values(links).execute();
        if (gallery.length) await trx.insertInto('articleGallery').values(gallery).execute();
        if (talk.length) await trx.insertInto('comments').values(talk).execute();
      });
      progress({ done: Math.min(count, from + batch), total: count });
    }
    await db
      .insertInto('newsCodeCounter')
      .values({ id: 1, lastValue: firstNewsCode + count - 1 })
      .execute();
    await curate(db, count);

    console.error(`articles written in ${phase()}`);
    phase = startPhase();
    console.error('building the search index (the function `khabar reindex` runs)');
    await services.search.reindex(reindexProgressBar(process.stderr));
    console.error(`search index built in ${phase()}`);
    return { articles: count, published, tags: tagIds.size, images: pictures.length, comments };
  } finally {
    await database.destroy();
  }
}

/** The desk's choices: the newest news item with a picture leads, five recent long reads are picks. */
async function curate(db: DB, count: number) {
  const recent = await db
    .selectFrom('articles')
    .select(['id', 'kind', 'coverImageId'])
    .where('state', '=', 'published')
    .where('id', '>', count - 200)
    .orderBy('id', 'desc')
    .execute();
  const top = recent.find((a) => a.kind === 'news' && a.coverImageId !== null);
  if (top) await replaceSlot(db, 'topStory', [top.id]);
  const picks = recent.filter((a) => a.id !== top?.id && ['report', 'interview', 'opinion'].includes(a.kind));
  await replaceSlot(
    db,
    'editorPick',
    picks.slice(0, 5).map((a) => a.id),
  );
}

export interface PreparedSite {
  stats: CorpusStats;
  /** Seconds the corpus took to generate in this run; null when a cached corpus was reused. */
  generatedSeconds: number | null;
  /** Processor seconds of that generation (one thread), which other work on the machine does not inflate. */
  generatedCpuSeconds: number | null;
  /** A Bearer token of the bench's editor, for the publish-to-visible probe. */
  token: string;
}

interface CacheMeta {
  fingerprint: string;
  stats: CorpusStats;
}

function readMeta(file: string): CacheMeta | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheMeta;
  } catch {
    return undefined;
  }
}

/**
 * Puts a site of `count` articles into the data directory of `config`: a copy of the cached corpus
 * when `cacheFile` holds one of the same fingerprint (the run then writes to its copy, never to the
 * cache), else a fresh generation that is saved to `cacheFile` when one is given. Then moves the
 * newest articles into the last day with views, and issues an API token.
 */
export async function prepareSite(config: Config, count: number, cacheFile?: string): Promise<PreparedSite> {
  const dbFile = path.join(config.dataDir, 'khabar.db');
  const mediaDir = path.join(config.dataDir, 'media');
  const fingerprint = corpusFingerprint(count);
  const meta = cacheFile ? readMeta(`${cacheFile}.json`) : undefined;
  let stats: CorpusStats;
  let generatedSeconds: number | null = null;
  let generatedCpuSeconds: number | null = null;
  if (cacheFile && meta?.fingerprint === fingerprint && existsSync(cacheFile)) {
    console.error(`reusing the corpus in ${cacheFile}`);
    copyFileSync(cacheFile, dbFile);
    cpSync(`${cacheFile}.media`, mediaDir, { recursive: true });
    stats = meta.stats;
  } else {
    const started = performance.now();
    const cpu = process.cpuUsage();
    stats = await generateCorpus(config, count);
    generatedSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    generatedCpuSeconds = (used.user + used.system) / 1e6;
    console.error(
      `corpus generated in ${generatedSeconds.toFixed(1)} s (${generatedCpuSeconds.toFixed(1)} s of processor)`,
    );
    if (cacheFile) {
      // The fingerprint goes first and comes back last, so an interrupted copy is never reused.
      rmSync(`${cacheFile}.json`, { force: true });
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      copyFileSync(dbFile, cacheFile);
      rmSync(`${cacheFile}.media`, { recursive: true, force: true });
      cpSync(mediaDir, `${cacheFile}.media`, { recursive: true });
      writeFileSync(`${cacheFile}.json`, JSON.stringify({ fingerprint, stats } satisfies CacheMeta));
    }
  }
  return { stats, generatedSeconds, generatedCpuSeconds, token: await freshen(config) };
}

/** The day's news and its readers: without them «پربازدیدها» would be empty on a year-old corpus. */
async function freshen(config: Config): Promise<string> {
  const database = await openMigratedDatabase(config);
  const db = database.db;
  try {
    const now = Date.now();
    const newest = await db
      .selectFrom('articles')
      .select('id')
      .where('state', '=', 'published')
      .orderBy('id', 'desc')
      .limit(freshCount)
      .execute();
    const hour = floorToHour(new Date(now));
    const services = createServices({ config, db }, (error, what) => console.error(what, error));
    await db.transaction().execute(async (trx) => {
      for (const [k, { id }] of newest.entries()) {
        const at = new Date(now - (k + 1) * Math.floor((23 * 3_600_000) / freshCount)).toISOString();
        await trx
          .updateTable('articles')
          .set({ publishedAt: at, updatedAt: at })
          .where('id', '=', id)
          .execute();
      }
      await trx.deleteFrom('articleViewsHourly').execute();
      const views = newest.map(({ id }, k) => ({ articleId: id, hour, views: Math.max(1, 600 - k * 2) }));
      for (let from = 0; from < views.length; from += 200) {
        await trx
          .insertInto('articleViewsHourly')
          .values(views.slice(from, from + 200))
          .execute();
      }
      // The index orders by publication time, so the moved articles are saved to it again, as an edit would.
      await services.search.articlesSaved(
        trx,
        newest.map((a) => a.id),
      );
    });
    return (await services.users.createApiToken(benchEditorEmail, 'bench')).token;
  } finally {
    await database.destroy();
  }
}

/** The canonical paths of the published articles, newest first (the freshened day leads). */
export async function publishedPaths(config: Config): Promise<string[]> {
  const database = await openMigratedDatabase(config);
  try {
    const rows = await database.db
      .selectFrom('articles')
      .select(['newsCode', 'slug'])
      .where('state', '=', 'published')
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => articlePath({ newsCode: Number(row.newsCode), slug: row.slug }));
  } finally {
    await database.destroy();
  }
}

/** Search queries of the corpus's own words: frequent ones (many hits to rank) and rare ones. */
export function searchQueries(count: number): { common: string[]; rare: string[] } {
  const corpus = makeCorpus(seed);
  return {
    common: [...new Set(corpus.commonWords(count * 8))].slice(0, count),
    rare: corpus.rareWords(count),
  };
}
