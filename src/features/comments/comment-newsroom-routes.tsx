import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { toAsciiDigits } from '../../platform/persian/digits.js';
import { parseNewsCode } from '../articles/article.js';
import { type FormFields, formFields } from '../newsroom/form.js';
import type { Actor } from '../users/user.js';
import { requireSession } from '../users/user-session-http.js';
import { isCommentState, isModerationAction } from './comment.js';
import { CommentsQueuePage, type QueueView, queueUrl } from './views/CommentsQueuePage.js';

const pageSize = 30;

const notices: Record<string, string> = {
  approve: 'نظر تأیید شد و در صفحهٔ خبر دیده می‌شود.',
  reject: 'نظر رد شد.',
  spam: 'نظر هرزنامه شناخته شد.',
  bulk: 'نظرهای انتخاب‌شده بررسی شدند.',
  reply: 'پاسخ تحریریه منتشر شد.',
};

function viewOf(source: { state?: string | undefined; newsCode?: string | undefined }): QueueView {
  const state = source.state && isCommentState(source.state) ? source.state : 'pending';
  return { state, newsCode: toAsciiDigits((source.newsCode ?? '').trim()) };
}

function newsCodeFilter(view: QueueView): number | undefined {
  if (!view.newsCode) return undefined;
  const code = parseNewsCode(view.newsCode);
  if (code === undefined) throw new ValidationError('کد خبر باید عدد باشد.');
  return code;
}

function commentId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError('چنین نظری نیست.');
  return id;
}

/** The moderation queue at /newsroom/comments; every action is a small form that works without script. */
export async function commentNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { comments } = app.services;

  async function queuePage(
    request: FastifyRequest,
    reply: FastifyReply,
    view: QueueView,
    extra: { cursor?: string | undefined; notice?: string | undefined; error?: string | undefined },
    status = 200,
  ) {
    const { actor } = requireSession(request);
    let page: Awaited<ReturnType<typeof comments.queue>>;
    let error = extra.error;
    try {
      page = await comments.queue(actor, {
        state: view.state,
        newsCode: newsCodeFilter(view),
        cursor: extra.cursor,
        limit: pageSize,
      });
    } catch (problem) {
      // A mistyped news code shows the message over the unfiltered queue.
      if (!(problem instanceof AppError) || problem.status === 403 || !view.newsCode) throw problem;
      error = problem.message;
      status = problem.status;
      view = { ...view, newsCode: '' };
      page = await comments.queue(actor, { state: view.state, limit: pageSize });
    }
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <CommentsQueuePage
        ctx={ctx}
        view={view}
        items={page.items}
        counts={page.counts}
        nextUrl={page.nextCursor ? queueUrl(view, { cursor: page.nextCursor }) : undefined}
        notice={extra.notice}
        error={error}
      />,
      status,
    );
  }

  /** Runs one change and goes back to the same tab and filter; a refusal re-renders the queue with the message. */
  function action<P extends Record<string, string>>(
    path: string,
    run: (actor: Actor, form: FormFields, params: P) => Promise<string>,
  ) {
    app.post<{ Params: P }>(path, async (request, reply) => {
      const form = formFields(request.body);
      const view = viewOf({ state: form.text('state'), newsCode: form.text('newsCode') });
      try {
        const done = await run(requireSession(request).actor, form, request.params as P);
        return reply.redirect(queueUrl(view, { done }), 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status === 403 || error.status === 404) throw error;
        return queuePage(request, reply, view, { error: error.message }, error.status);
      }
    });
  }

  app.get<{ Querystring: { state?: string; newsCode?: string; cursor?: string; done?: string } }>(
    '/newsroom/comments',
    async (request, reply) => {
      const { done, cursor } = request.query;
      return queuePage(request, reply, viewOf(request.query), {
        cursor,
        notice: done ? notices[done] : undefined,
      });
    },
  );

  action('/newsroom/comments/bulk', async (actor, form) => {
    const decision = form.text('action');
    if (!isModerationAction(decision))
      throw new ValidationError('کاری را که با نظرها باید بشود انتخاب کنید.');
    await comments.moderate(actor, form.all('ids').map(Number), decision);
    return 'bulk';
  });

  action<{ id: string }>('/newsroom/comments/:id/reply', async (actor, form, params) => {
    await comments.replyAsNewsroom(actor, commentId(params.id), form.text('body'));
    return 'reply';
  });

  action<{ id: string; action: string }>('/newsroom/comments/:id/:action', async (actor, _form, params) => {
    if (!isModerationAction(params.action)) throw new NotFoundError();
    await comments.moderateOne(actor, commentId(params.id), params.action);
    return params.action;
  });
}
