import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import { requireSession } from '../users/user-session-http.js';
import { isMoveDirection, type SectionInput } from './section.js';
import { SectionEditPage } from './views/SectionEditPage.js';
import { SectionsPage } from './views/SectionsPage.js';

const notices: Record<string, string> = {
  created: 'سرویس تازه ساخته شد و در انتهای منوی سایت آمد.',
  updated: 'سرویس ذخیره شد؛ منوی سایت همین حالا نام تازه را نشان می‌دهد.',
  moved: 'ترتیب منو تغییر کرد و همین حالا در سایت دیده می‌شود.',
  deleted: 'سرویس حذف شد.',
};

type SectionRequest = FastifyRequest<{ Params: { id: string } }>;

function sectionId(request: SectionRequest): number {
  const id = Number(request.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError('این سرویس خبری وجود ندارد.');
  return id;
}

/** Sections in the newsroom: list in menu order, add, rename, reorder and delete. */
export async function sectionNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { sections } = app.services;

  async function listPage(request: FastifyRequest, reply: FastifyReply, status = 200, extra = {}) {
    const list = await sections.listForDesk(requireSession(request).actor);
    const ctx = await app.newsroomContext(request);
    return sendPage(reply, <SectionsPage ctx={ctx} sections={list} {...extra} />, status);
  }

  /** Runs a change and redirects with a notice; a refusal re-renders the list with the reason. */
  async function act(
    request: FastifyRequest,
    reply: FastifyReply,
    outcome: { done: string; draft?: SectionInput },
    change: () => Promise<unknown>,
  ) {
    try {
      await change();
      return reply.redirect(`/newsroom/sections?done=${outcome.done}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status === 403) throw error;
      return listPage(request, reply, error.status, { draft: outcome.draft, error: error.message });
    }
  }

  app.get<{ Querystring: { done?: string } }>('/newsroom/sections', async (request, reply) =>
    listPage(request, reply, 200, { notice: request.query.done ? notices[request.query.done] : undefined }),
  );

  app.post('/newsroom/sections', async (request, reply) => {
    const form = formFields(request.body);
    const draft: SectionInput = {
      name: form.text('name'),
      slug: form.text('slug'),
      description: form.text('description'),
    };
    return act(request, reply, { done: 'created', draft }, () =>
      sections.create(requireSession(request).actor, draft),
    );
  });

  app.get<{ Params: { id: string } }>('/newsroom/sections/:id', async (request, reply) => {
    const section = await sections.getForDesk(requireSession(request).actor, sectionId(request));
    const ctx = await app.newsroomContext(request);
    return sendPage(reply, <SectionEditPage ctx={ctx} section={section} />);
  });

  app.post<{ Params: { id: string } }>('/newsroom/sections/:id', async (request, reply) => {
    const { actor } = requireSession(request);
    const form = formFields(request.body);
    const draft = { name: form.text('name'), description: form.text('description') };
    const id = sectionId(request);
    try {
      await sections.update(actor, id, draft);
      return reply.redirect('/newsroom/sections?done=updated', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status === 403 || error.status === 404) throw error;
      const section = await sections.getForDesk(actor, id);
      const ctx = await app.newsroomContext(request);
      return sendPage(
        reply,
        <SectionEditPage ctx={ctx} section={section} draft={draft} error={error.message} />,
        error.status,
      );
    }
  });

  app.post<{ Params: { id: string } }>('/newsroom/sections/:id/move', async (request, reply) =>
    act(request, reply, { done: 'moved' }, async () => {
      const direction = formFields(request.body).text('direction');
      if (!isMoveDirection(direction))
        throw new ValidationError('جهت جابه‌جایی را «بالا» یا «پایین» بفرستید.');
      await sections.move(requireSession(request).actor, sectionId(request), direction);
    }),
  );

  app.post<{ Params: { id: string } }>('/newsroom/sections/:id/delete', async (request, reply) =>
    act(request, reply, { done: 'deleted' }, () =>
      sections.remove(requireSession(request).actor, sectionId(request)),
    ),
  );
}
