import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotFoundError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import { requireSession } from '../users/user-session-http.js';
import { TagEditPage } from './views/TagEditPage.js';
import { TagsPage } from './views/TagsPage.js';

const notices: Record<string, string> = {
  renamed: 'نام برچسب تغییر کرد؛ نشانی قدیمی به نشانی تازه می‌رسد.',
  merged: 'برچسب‌ها ادغام شدند؛ نشانی برچسب حذف‌شده به برچسب مانده می‌رسد.',
  deleted: 'برچسب حذف شد.',
};

type TagRequest = FastifyRequest<{ Params: { id: string } }>;

function tagId(request: TagRequest): number {
  const id = Number(request.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError('این برچسب وجود ندارد.');
  return id;
}

function pageNumber(value: string | undefined): number {
  const page = Number(value ?? '1');
  return Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** Tags in the newsroom: search, rename, merge, delete, and the editor's autocomplete. */
export async function tagNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { tags } = app.services;

  async function editPage(request: TagRequest, reply: FastifyReply, draft = {}, error?: AppError) {
    const tag = await tags.getForDesk(requireSession(request).actor, tagId(request));
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <TagEditPage ctx={ctx} tag={tag} draft={draft} error={error?.message} />,
      error?.status ?? 200,
    );
  }

  /** Runs a change and redirects with a notice; a refusal re-renders the tag's page with what was typed. */
  async function act(
    request: TagRequest,
    reply: FastifyReply,
    outcome: { done: string; draft?: { name?: string; into?: string } },
    change: () => Promise<unknown>,
  ) {
    try {
      await change();
      return reply.redirect(`/newsroom/tags?done=${outcome.done}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status === 403 || error.status === 404) throw error;
      return editPage(request, reply, outcome.draft, error);
    }
  }

  app.get<{ Querystring: { q?: string; page?: string; done?: string } }>(
    '/newsroom/tags',
    async (request, reply) => {
      const query = (request.query.q ?? '').trim();
      const page = pageNumber(request.query.page);
      const list = await tags.listForDesk(requireSession(request).actor, query, page);
      const ctx = await app.newsroomContext(request);
      const notice = request.query.done ? notices[request.query.done] : undefined;
      return sendPage(
        reply,
        <TagsPage ctx={ctx} query={query} page={page} tags={list.items} more={list.more} notice={notice} />,
      );
    },
  );

  // The editor's tag field asks this while a writer types; the client is written against this exact shape.
  app.get<{ Querystring: { q?: string } }>('/newsroom/tags.json', async (request) => {
    const items = await tags.suggest(requireSession(request).actor, request.query.q ?? '');
    return { items: items.map(({ slug, name, count }) => ({ slug, name, count })) };
  });

  app.get<{ Params: { id: string } }>('/newsroom/tags/:id', async (request, reply) =>
    editPage(request, reply),
  );

  app.post<{ Params: { id: string } }>('/newsroom/tags/:id', async (request, reply) => {
    const name = formFields(request.body).text('name');
    return act(request, reply, { done: 'renamed', draft: { name } }, () =>
      tags.rename(requireSession(request).actor, tagId(request), name),
    );
  });

  app.post<{ Params: { id: string } }>('/newsroom/tags/:id/merge', async (request, reply) => {
    const into = formFields(request.body).text('into');
    return act(request, reply, { done: 'merged', draft: { into } }, () =>
      tags.merge(requireSession(request).actor, tagId(request), into),
    );
  });

  app.post<{ Params: { id: string } }>('/newsroom/tags/:id/delete', async (request, reply) =>
    act(request, reply, { done: 'deleted' }, () =>
      tags.remove(requireSession(request).actor, tagId(request)),
    ),
  );
}
