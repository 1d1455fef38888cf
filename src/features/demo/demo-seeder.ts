import { randomBytes } from 'node:crypto';
import type { Services } from '../../app.js';
import { hasIssuedNewsCodes } from '../articles/article-repository.js';
import { findAuthorBySlug, insertAuthor } from '../authors/author-repository.js';
import { replaceSlot } from '../curation/curation-repository.js';
import { type Image, imageVariantUrl, pickVariantWidth } from '../media/image.js';
import { systemActor } from '../users/user.js';
import { hasUsers } from '../users/user-repository.js';
import { type DemoArticle, demoAuthors } from './demo-article.js';
import { demoArticlesA } from './demo-articles-a.js';
import { demoArticlesB } from './demo-articles-b.js';
import { demoPicture } from './demo-images.js';

export const demoArticles: readonly DemoArticle[] = [...demoArticlesA, ...demoArticlesB];

type DemoServices = Pick<Services, 'db' | 'clock' | 'articles' | 'media' | 'views' | 'events'>;

export const demoAdminEmail = 'admin@demo.khabar';

/**
 * A site is untouched until it has a user or has issued a news code. Only such
 * a site gets the demo: a newsroom that started with the demo off and has not
 * published yet must not find 46 strangers' articles after a restart.
 */
export async function isUntouchedSite(db: DemoServices['db']): Promise<boolean> {
  return !(await hasUsers(db)) && !(await hasIssuedNewsCodes(db));
}

/**
 * Fills an untouched site with the demo newsroom's articles, pictures,
 * curation and a day of views, through the same services the newsroom uses.
 * Returns how many articles it added (0 when the site was not untouched).
 */
export async function seedDemoContent(services: DemoServices): Promise<number> {
  const { db, clock, articles, media } = services;
  if (!(await isUntouchedSite(db))) return 0;
  const now = clock.now();
  for (const author of demoAuthors) {
    if (!(await findAuthorBySlug(db, author.slug))) await insertAuthor(db, author, now);
  }

  const created: { id: number; item: DemoArticle }[] = [];
  // Oldest first, so news codes rise with publication time as on a real site.
  const ordered = [...demoArticles].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const [index, item] of ordered.entries()) {
    const cover = await media.storeImage(demoPicture(item.section, index * 31 + 1), {
      alt: item.coverCaption,
      caption: item.coverCaption,
      credit: 'تصویر نمایشی',
    });
    const gallery = [];
    for (const [n, caption] of (item.gallery ?? []).entries()) {
      const image = await media.storeImage(demoPicture(item.section, index * 31 + n + 2), {
        alt: caption,
        caption,
        credit: 'تصویر نمایشی',
      });
      gallery.push({ imageId: image.id, caption });
    }
    // Long reads carry a picture inside the body too, as reports on a news site do.
    const long = item.kind === 'report' || item.kind === 'interview';
    const inline = long
      ? await media.storeImage(demoPicture(item.section, index * 31 + 29), {
          alt: `نمایی از ${item.tags[0] ?? item.title}`,
          credit: 'تصویر نمایشی',
        })
      : undefined;
    const article = await articles.create(
      systemActor,
      {
        title: item.title,
        surtitle: item.surtitle ?? null,
        lead: item.lead,
        body: inline ? withPicture(item.body, inline) : item.body,
        section: item.section,
        tags: item.tags,
        kind: item.kind,
        state: 'published',
        author: item.author,
        byline: item.byline ?? null,
        source: item.source ?? null,
        coverImageId: cover.id,
        gallery,
      },
      { publishedAt: new Date(now.getTime() - item.hoursAgo * 3_600_000) },
    );
    created.push({ id: article.id, item });
  }

  await curate(services, created);
  return created.length;
}

/** Puts a figure after the body's second paragraph. */
function withPicture(body: string, image: Image): string {
  const width = pickVariantWidth(image, 960);
  const height = Math.round((image.height * width) / image.width);
  const figure = `<figure><img src="${imageVariantUrl(image, width, 'jpg')}" alt="${image.alt}" width="${width}" height="${height}" /><figcaption>${image.alt}</figcaption></figure>`;
  const second = body.indexOf('</p>', body.indexOf('</p>') + 4);
  return second < 0 ? body + figure : `${body.slice(0, second + 4)}${figure}${body.slice(second + 4)}`;
}

async function curate(services: DemoServices, created: { id: number; item: DemoArticle }[]) {
  const newestFirst = [...created].sort((a, b) => a.item.hoursAgo - b.item.hoursAgo);
  const top = newestFirst.find((c) => c.item.kind === 'report' || c.item.kind === 'news');
  const picks = newestFirst
    .filter((c) => c !== top && ['report', 'interview', 'opinion'].includes(c.item.kind))
    .slice(0, 4);
  if (top) await replaceSlot(services.db, 'topStory', [top.id]);
  await replaceSlot(
    services.db,
    'editorPick',
    picks.map((p) => p.id),
  );

  // Readers' views over the last day, heavier on fresher items, so most-viewed lists have something true to rank.
  for (const [rank, { id, item }] of newestFirst.entries()) {
    if (item.hoursAgo > 24) continue;
    const views = Math.max(1, 40 - rank * 3);
    for (let i = 0; i < views; i++) {
      // Each view from a different reader (documentation addresses), or the repeat-view filter would count one.
      services.views.record(id, { ip: `192.0.2.${i}`, userAgent: 'Mozilla/5.0 (demo reader)' });
    }
  }
  await services.views.flush();
}

/**
 * The demo newsroom's door: an admin with a random password, made once with the
 * demo content and shown once, so whoever starts the demo can try the newsroom.
 */
export async function createDemoAdmin(
  users: Pick<Services['users'], 'createUser'>,
): Promise<{ email: string; password: string }> {
  const password = randomBytes(12).toString('base64url');
  await users.createUser({ email: demoAdminEmail, name: 'دبیر نمونه', role: 'admin', password });
  return { email: demoAdminEmail, password };
}
