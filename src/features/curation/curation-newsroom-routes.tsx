import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { type FormFields, formFields } from '../newsroom/form.js';
import { isMoveDirection } from '../sections/section.js';
import type { Actor } from '../users/user.js';
import { requireSession } from '../users/user-session-http.js';
import { maxEditorPicks } from './curation-service.js';
import { CurationPage } from './views/CurationPage.js';

const notices: Record<string, string> = {
  top: 'تیتر یک عوض شد و همین حالا در صفحهٔ نخست است.',
  cleared: 'تیتر یک برداشته شد؛ صفحهٔ نخست با تازه‌ترین خبر آغاز می‌شود.',
  added: 'خبر به پیشنهادهای سردبیر اضافه شد و در صفحهٔ نخست است.',
  removed: 'خبر از پیشنهادهای سردبیر برداشته شد.',
  moved: 'ترتیب پیشنهادهای سردبیر عوض شد و در صفحهٔ نخست دیده می‌شود.',
};

function deskUrl(query: string, done?: string): string {
  const params = new URLSearchParams();
  if (done) params.set('done', done);
  if (query) params.set('q', query);
  const search = params.toString();
  return search ? `/newsroom/curation?${search}` : '/newsroom/curation';
}

function articleId(value: string): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id <= 0) throw new ValidationError('خبری انتخاب نشده است.');
  return id;
}

/** The home page's top story and editor's picks, curated from the newsroom. */
export async function curationNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { curation } = app.services;

  async function deskPage(
    request: FastifyRequest,
    reply: FastifyReply,
    query: string,
    status = 200,
    extra = {},
  ) {
    const desk = await curation.desk(requireSession(request).actor, query);
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <CurationPage ctx={ctx} desk={desk} maxEditorPicks={maxEditorPicks} query={query} {...extra} />,
      status,
    );
  }

  /** Reads the form, runs one change and redirects back to the same search; a refusal re-renders the page. */
  function action(path: string, done: string, run: (actor: Actor, form: FormFields) => Promise<void>) {
    app.post(path, async (request, reply) => {
      const form = formFields(request.body);
      const query = form.text('q').trim();
      try {
        await run(requireSession(request).actor, form);
        return reply.redirect(deskUrl(query, done), 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status === 403) throw error;
        return deskPage(request, reply, query, error.status, { error: error.message });
      }
    });
  }

  app.get<{ Querystring: { q?: string; done?: string } }>('/newsroom/curation', async (request, reply) => {
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return deskPage(request, reply, (request.query.q ?? '').trim(), 200, { notice });
  });

  action('/newsroom/curation/top', 'top', (actor, form) =>
    curation.setTopStory(actor, articleId(form.text('article'))),
  );
  action('/newsroom/curation/top/clear', 'cleared', (actor) => curation.clearTopStory(actor));
  action('/newsroom/curation/picks', 'added', (actor, form) =>
    curation.addEditorPick(actor, articleId(form.text('article'))),
  );
  action('/newsroom/curation/picks/remove', 'removed', (actor, form) =>
    curation.removeEditorPick(actor, articleId(form.text('article'))),
  );
  action('/newsroom/curation/picks/move', 'moved', (actor, form) => {
    const direction = form.text('direction');
    if (!isMoveDirection(direction)) throw new ValidationError('جهت جابه‌جایی را «بالا» یا «پایین» بفرستید.');
    return curation.moveEditorPick(actor, articleId(form.text('article')), direction);
  });
}
