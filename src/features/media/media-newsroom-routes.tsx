import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { wantsJson } from '../../platform/http/error-handler.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import { requireSession } from '../users/user-session-http.js';
import { toPickerItem } from './media-presenter.js';
import { MediaEditPage } from './views/MediaEditPage.js';
import { MediaLibraryPage } from './views/MediaLibraryPage.js';

/** Must match the multipart `fileSize` limit of the newsroom scope; shown to uploaders. */
export const maxUploadMegabytes = 15;

const notices: Record<string, string> = {
  uploaded: 'عکس بارگذاری شد و نسخه‌های آن ساخته شد.',
  saved: 'مشخصات عکس ذخیره شد.',
};

// @fastify/multipart raises these while reading the body, before the handler
// runs; without this map the uploader would see a bare "bad request".
const multipartLimits: Record<string, { status: number; code: string; message: string }> = {
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'too_large',
    message: `فایل بزرگ‌تر از ${maxUploadMegabytes.toLocaleString('fa-IR')} مگابایت است. عکس را کوچک‌تر یا فشرده‌تر ذخیره کنید و دوباره بفرستید.`,
  },
  FST_FILES_LIMIT: { status: 413, code: 'too_many_files', message: 'هر بار فقط یک فایل بفرستید.' },
  FST_FIELDS_LIMIT: { status: 413, code: 'too_many_fields', message: 'فرم بیش از حد فیلد دارد.' },
  FST_PARTS_LIMIT: { status: 413, code: 'too_many_fields', message: 'فرم بیش از حد فیلد دارد.' },
};

function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const known = multipartLimits[(error as FastifyError | undefined)?.code ?? ''];
  return known && new AppError(known.status, known.code, known.message, { cause: error });
}

function imageId(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError('تصویری با این شناسه در کتابخانه نیست.');
  return Number(raw);
}

/** The uploaded file of a multipart form, read whole (the scope's limits bound its size). */
async function uploadedFile(body: unknown): Promise<Buffer> {
  const file = (body as { file?: unknown } | undefined)?.file;
  if (!file || typeof file !== 'object' || !('toBuffer' in file) || typeof file.toBuffer !== 'function') {
    throw new ValidationError('فایل عکسی انتخاب نشده است.');
  }
  const buffer: Buffer = await file.toBuffer();
  if (buffer.length === 0) throw new ValidationError('فایل فرستاده‌شده خالی است.');
  return buffer;
}

/**
 * The newsroom's media library: the library page with its upload form, one
 * image's edit page, and the JSON the editor's picker dialog reads and posts to.
 */
export async function mediaNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { media } = app.services;

  async function libraryPage(
    request: FastifyRequest,
    reply: FastifyReply,
    query: { q?: string | undefined; cursor?: string | undefined },
    extra: {
      upload?: { alt: string; credit: string; caption: string };
      notice?: string;
      error?: AppError;
    } = {},
  ) {
    const { actor } = requireSession(request);
    const page = await media.search(actor, query);
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <MediaLibraryPage
        ctx={ctx}
        q={query.q ?? ''}
        cursor={query.cursor}
        page={page}
        upload={extra.upload}
        maxUploadMegabytes={maxUploadMegabytes}
        notice={extra.notice}
        error={extra.error?.message}
      />,
      extra.error?.status ?? 200,
    );
  }

  /**
   * Answers a refused upload: JSON for the picker, otherwise the library page
   * again with what was typed. Refusals of the person rather than the file
   * (no session, no right, no form token) go to the newsroom's error page.
   */
  async function refuseUpload(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    const refusal = asAppError(error);
    if (!refusal) throw error;
    // The picker asked for JSON, and the shared error handler answers it so; so it does refusals of the person.
    if (wantsJson(request) || refusal.status === 401 || refusal.status === 403) throw refusal;
    const form = formFields(request.body);
    const upload = { alt: form.text('alt'), credit: form.text('credit'), caption: form.text('caption') };
    return libraryPage(request, reply, {}, { upload, error: refusal });
  }

  app.get<{ Querystring: { q?: string; cursor?: string; done?: string } }>(
    '/newsroom/media',
    async (request, reply) => {
      const { q, cursor, done } = request.query;
      return libraryPage(request, reply, { q, cursor }, { notice: done ? notices[done] : undefined });
    },
  );

  app.get<{ Querystring: { q?: string; cursor?: string } }>('/newsroom/media.json', async (request) => {
    const { actor } = requireSession(request);
    // Only the two known parameters: anything else in the query (a stray `limit`) must not reach the SQL.
    const page = await media.search(actor, { q: request.query.q, cursor: request.query.cursor });
    return {
      items: page.items.map(toPickerItem),
      nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
    };
  });

  app.post(
    '/newsroom/media',
    { errorHandler: (error, request, reply) => refuseUpload(error, request, reply) },
    async (request, reply) => {
      const { actor } = requireSession(request);
      const form = formFields(request.body);
      const details = { alt: form.text('alt'), credit: form.text('credit'), caption: form.text('caption') };
      const image = await media.upload(actor, await uploadedFile(request.body), details);
      if (wantsJson(request)) return reply.status(201).send({ item: toPickerItem(image) });
      return reply.redirect('/newsroom/media?done=uploaded', 303);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/newsroom/media/:id',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const { image, uses } = await media.get(actor, imageId(request.params.id));
      const ctx = await app.newsroomContext(request);
      const notice = request.query.done ? notices[request.query.done] : undefined;
      return sendPage(reply, <MediaEditPage ctx={ctx} image={image} uses={uses} notice={notice} />);
    },
  );

  app.post<{ Params: { id: string } }>('/newsroom/media/:id', async (request, reply) => {
    const { actor } = requireSession(request);
    const id = imageId(request.params.id);
    const form = formFields(request.body);
    const values = { alt: form.text('alt'), credit: form.text('credit'), caption: form.text('caption') };
    try {
      await media.describe(actor, id, values);
      return reply.redirect(`/newsroom/media/${id}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { image, uses } = await media.get(actor, id);
      const ctx = await app.newsroomContext(request);
      return sendPage(
        reply,
        <MediaEditPage ctx={ctx} image={image} uses={uses} values={values} error={error.message} />,
        error.status,
      );
    }
  });
}
