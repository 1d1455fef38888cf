import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { mediaLimits } from '../media/media-service.js';
import { type FormFields, formFields } from '../newsroom/form.js';
import { requireSession } from '../users/user-session-http.js';
import type { GalleryItem } from './article.js';
import { GalleryBuilderPage } from './views/GalleryBuilderPage.js';

/** More pictures than this is an archive, not a story; readers scroll through every one. */
export const maxGalleryItems = 60;

export interface GalleryEntry {
  imageId: number;
  caption: string | null;
}

const notices: Record<string, string> = {
  saved: 'گالری ذخیره شد.',
  added: 'عکس‌ها به انتهای گالری افزوده و ذخیره شدند.',
  moved: 'ترتیب گالری تغییر کرد و ذخیره شد.',
  removed: 'عکس از گالری برداشته شد (از کتابخانه پاک نشد).',
};

function imageIdOf(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw new ValidationError('شناسهٔ یکی از تصویرها درست نیست.');
  return Number(raw);
}

/**
 * Applies one button of the builder form to the list the form carried. Every
 * button posts the whole list with its captions, so editing captions and then
 * moving an item loses nothing; without JavaScript each step is one round trip.
 * Returns the new list, the item to bring into view, and which notice to show.
 */
export function applyGalleryAction(form: FormFields): {
  items: GalleryEntry[];
  focus: number | undefined;
  done: keyof typeof notices;
} {
  const ids = form.all('imageId').map(imageIdOf);
  const captions = form.all('caption');
  if (captions.length !== ids.length)
    throw new ValidationError('فرم گالری ناقص رسید؛ صفحه را دوباره باز کنید.');
  const items: GalleryEntry[] = ids.map((imageId, i) => {
    const caption = captions[i]?.trim() || null;
    if (caption && caption.length > mediaLimits.caption) {
      throw new ValidationError(
        `شرح عکس شمارهٔ ${(i + 1).toLocaleString('fa-IR')} بلندتر از ${mediaLimits.caption.toLocaleString('fa-IR')} نویسه است.`,
      );
    }
    return { imageId, caption };
  });

  const [action = 'save', rawIndex = ''] = form.text('op').split(':');
  const index = Number(rawIndex);
  const item = Number.isInteger(index) ? items[index] : undefined;
  let done: keyof typeof notices = 'saved';
  if (action === 'add') {
    const present = new Set(items.map((entry) => entry.imageId));
    for (const id of form.all('add').map(imageIdOf)) {
      if (!present.has(id)) items.push({ imageId: id, caption: null });
      present.add(id);
    }
    done = 'added';
  } else if ((action === 'up' || action === 'down') && item) {
    const to = action === 'up' ? index - 1 : index + 1;
    if (to >= 0 && to < items.length) items.splice(to, 0, ...items.splice(index, 1));
    done = 'moved';
  } else if (action === 'remove' && item) {
    items.splice(index, 1);
    done = 'removed';
  } else if (action !== 'save') {
    throw new ValidationError('این دکمه شناخته نیست؛ صفحه را دوباره باز کنید.');
  }
  if (items.length > maxGalleryItems) {
    throw new ValidationError(`گالری بیش از ${maxGalleryItems.toLocaleString('fa-IR')} عکس نمی‌گیرد.`);
  }
  const focus = action === 'remove' ? items[Math.min(index, items.length - 1)]?.imageId : item?.imageId;
  return { items, focus: action === 'add' ? items.at(-1)?.imageId : focus, done };
}

function newsCodeOf(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError('خبری با این کد پیدا نشد.');
  return Number(raw);
}

function galleryUrl(newsCode: number, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return `/newsroom/articles/${newsCode}/gallery${query ? `?${query}` : ''}`;
}

/**
 * The photo-story builder: an article's gallery in order, with the library
 * beside it to add from. Saving goes through the article service, so its rules
 * (a writer edits only their own draft) and its revision history apply.
 */
export async function galleryNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { articles, media } = app.services;

  async function builderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    view: { newsCode: number; q: string; items?: GalleryItem[]; notice?: string; error?: AppError },
  ) {
    const { actor } = requireSession(request);
    const article = await articles.getFor(actor, view.newsCode);
    const library = await media.search(actor, { q: view.q });
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <GalleryBuilderPage
        ctx={ctx}
        article={article}
        items={view.items ?? article.gallery}
        library={library.items}
        q={view.q}
        notice={view.notice}
        error={view.error?.message}
      />,
      view.error?.status ?? 200,
    );
  }

  app.get<{ Params: { newsCode: string }; Querystring: { q?: string; done?: string } }>(
    '/newsroom/articles/:newsCode/gallery',
    async (request, reply) => {
      const { q = '', done } = request.query;
      const newsCode = newsCodeOf(request.params.newsCode);
      return builderPage(request, reply, { newsCode, q, notice: done ? notices[done] : undefined });
    },
  );

  app.post<{ Params: { newsCode: string } }>(
    '/newsroom/articles/:newsCode/gallery',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const newsCode = newsCodeOf(request.params.newsCode);
      const form = formFields(request.body);
      const q = form.text('q').trim();
      let items: GalleryEntry[] = [];
      try {
        const change = applyGalleryAction(form);
        items = change.items;
        await media.requireImages(items.map((entry) => entry.imageId));
        await articles.update(actor, newsCode, { gallery: items });
        const anchor = change.focus === undefined ? '' : `#gallery-item-${change.focus}`;
        return reply.redirect(`${galleryUrl(newsCode, { q, done: change.done })}${anchor}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const known = await media.imagesByIds(items.map((entry) => entry.imageId));
        const shown = items.flatMap((entry) => {
          const image = known.get(entry.imageId);
          return image ? [{ image, caption: entry.caption }] : [];
        });
        return builderPage(request, reply, { newsCode, q, items: items.length ? shown : undefined, error });
      }
    },
  );
}
