import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formatTime, parseJalaliDateTime } from '../../platform/persian/jalali.js';
import { formFields } from '../newsroom/form.js';
import { requireSession } from '../users/user-session-http.js';
import {
  type Article,
  decodeCursor,
  encodeCursor,
  isArticleState,
  parseNewsCode,
  shortPath,
} from './article.js';
import {
  type ArticleFormValues,
  emptyValues,
  fieldsFromValues,
  parseAction,
  valuesFromArticle,
  valuesFromForm,
  workflowFor,
} from './article-form.js';
import { canEdit, canPublish, canWrite } from './article-policy.js';
import { bodyLines, diffWords } from './revision-diff.js';
import { ArticleEditorPage } from './views/ArticleEditorPage.js';
import { ArticlePage } from './views/ArticlePage.js';
import { type DeskFilters, DeskListPage } from './views/DeskListPage.js';
import { RevisionComparePage, RevisionsPage } from './views/RevisionsPage.js';

const pageSize = 30;

const notices: Record<string, string> = {
  created: 'پیش‌نویس ساخته شد.',
  save: 'تغییرها ذخیره شد.',
  review: 'مطلب برای بررسی دبیر فرستاده شد.',
  publish: 'مطلب منتشر شد و همین حالا در سایت است.',
  schedule: 'مطلب زمان‌بندی شد و سر وقت خودکار منتشر می‌شود.',
  draft: 'مطلب به پیش‌نویس برگشت.',
  unpublished: 'مطلب از سایت برداشته شد.',
  restored: 'نسخهٔ قبلی بازگردانده شد. نسخهٔ پیش از بازگرداندن در تاریخچه هست.',
};

function newsCodeOf(request: FastifyRequest<{ Params: { newsCode: string } }>): number {
  const code = parseNewsCode(request.params.newsCode);
  if (code === undefined) throw new NotFoundError('مطلبی با این کد نیست.');
  return code;
}

/** The newsroom's article pages: the list, the editor, its workflow buttons, preview and history. */
export async function articleNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { articles, sections, search } = app.services;

  async function showEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    view: { article?: Article | undefined; values: ArticleFormValues; notice?: string; error?: string },
    status = 200,
  ) {
    const session = requireSession(request);
    const [ctx, sectionList] = await Promise.all([app.newsroomContext(request), sections.list()]);
    return sendPage(
      reply,
      <ArticleEditorPage ctx={ctx} sections={sectionList} canPublish={canPublish(session.actor)} {...view} />,
      status,
    );
  }

  app.get<{ Querystring: Partial<Record<keyof DeskFilters | 'cursor', string>> }>(
    '/newsroom/articles',
    async (request, reply) => {
      const session = requireSession(request);
      const q = request.query;
      const filters: DeskFilters = {
        state: q.state ?? '',
        section: q.section ?? '',
        writer: q.writer ?? '',
        from: q.from ?? '',
        to: q.to ?? '',
        q: (q.q ?? '').trim().slice(0, 200),
      };
      const ctx = await app.newsroomContext(request);
      const problems: string[] = [];
      const day = (text: string, label: string, next = false) => {
        if (!text) return undefined;
        const start = parseJalaliDateTime(text, '00:00', ctx.timeZone);
        if (!start) problems.push(`«${label}» را به شکل ۱۴۰۵/۰۹/۰۸ بنویسید.`);
        return start && next ? new Date(start.getTime() + 24 * 3600_000) : start;
      };
      const sectionList = await sections.list();
      const section = sectionList.find((s) => s.slug === filters.section);
      const writer = filters.writer === 'me' ? session.user.id : Number(filters.writer) || undefined;
      const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
      const from = day(filters.from, 'از تاریخ');
      const to = day(filters.to, 'تا تاریخ', true);
      const items = await articles.listForDesk(session.actor, {
        ...(isArticleState(filters.state) ? { state: filters.state } : {}),
        ...(section ? { sectionId: section.id } : {}),
        ...(writer ? { createdBy: writer } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(filters.q ? { ids: await search.deskMatches(session.actor, filters.q) } : {}),
        ...(cursor ? { before: { updatedAt: cursor.publishedAt, id: cursor.id } } : {}),
        limit: pageSize + 1,
      });
      const page = items.slice(0, pageSize);
      const last = page[page.length - 1];
      let nextUrl: string | undefined;
      if (items.length > pageSize && last) {
        const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
        params.set('cursor', encodeCursor({ publishedAt: last.updatedAt, id: last.id }));
        nextUrl = `/newsroom/articles?${params}`;
      }
      const done = (request.query as { done?: string }).done;
      return sendPage(
        reply,
        <DeskListPage
          ctx={ctx}
          items={page}
          filters={filters}
          sections={sectionList}
          writers={await articles.listWriters()}
          nextUrl={nextUrl}
          notice={done ? notices[done] : undefined}
          error={problems.join(' ') || undefined}
        />,
        problems.length ? 400 : 200,
      );
    },
  );

  app.get('/newsroom/articles/new', async (request, reply) => {
    // The form could never be saved by a moderator, so it is not offered to one.
    if (!canWrite(requireSession(request).actor))
      throw new ForbiddenError('نوشتن خبر با خبرنگاران و دبیران است.');
    const first = (await sections.list())[0]?.slug ?? '';
    return showEditor(request, reply, { values: emptyValues(first) });
  });

  app.post('/newsroom/articles', async (request, reply) => {
    const { actor } = requireSession(request);
    const values = valuesFromForm(formFields(request.body));
    const action = parseAction(formFields(request.body).text('action'));
    try {
      const article = await articles.create(actor, {
        ...fieldsFromValues(values),
        ...workflowFor(action, values, (await app.siteContext()).timeZone),
      });
      return reply.redirect(
        `/newsroom/articles/${article.newsCode}?done=${action === 'save' ? 'created' : action}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return showEditor(request, reply, { values, error: error.message }, error.status);
    }
  });

  app.get<{ Params: { newsCode: string }; Querystring: { done?: string } }>(
    '/newsroom/articles/:newsCode',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const article = await articles.getFor(actor, newsCodeOf(request));
      const ctx = await app.newsroomContext(request);
      const done = request.query.done;
      let notice = done ? notices[done] : undefined;
      if (notice && article.state === 'published' && (done === 'publish' || done === 'save')) {
        // The short link: the canonical one is a long percent-encoded Persian slug.
        notice = `${notice} لینک کوتاه: ${ctx.siteUrl}${shortPath(article)}`;
      }
      return showEditor(request, reply, {
        article,
        values: valuesFromArticle(article, ctx.timeZone),
        ...(notice ? { notice } : {}),
      });
    },
  );

  app.post<{ Params: { newsCode: string } }>('/newsroom/articles/:newsCode', async (request, reply) => {
    const { actor } = requireSession(request);
    const newsCode = newsCodeOf(request);
    const form = formFields(request.body);
    const values = valuesFromForm(form);
    const action = parseAction(form.text('action'));
    try {
      const timeZone = (await app.siteContext()).timeZone;
      await articles.update(
        actor,
        newsCode,
        { ...fieldsFromValues(values), ...workflowFor(action, values, timeZone) },
        values.revision ? { expectedUpdatedAt: values.revision } : {},
      );
      return reply.redirect(`/newsroom/articles/${newsCode}?done=${action}`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const article = await articles.getFor(actor, newsCode).catch(() => undefined);
      if (!article) throw error;
      return showEditor(request, reply, { article, values, error: error.message }, error.status);
    }
  });

  // Autosave answers JSON to the editor script (errors too, as it asks for JSON): the page stays where the writer is typing.
  async function autosave(request: FastifyRequest, newsCode: number | undefined) {
    const { actor } = requireSession(request);
    const values = valuesFromForm(formFields(request.body));
    const article = await articles.autosave(
      actor,
      newsCode,
      fieldsFromValues(values),
      values.revision && newsCode !== undefined ? { expectedUpdatedAt: values.revision } : {},
    );
    const { timeZone } = await app.siteContext();
    const editUrl = `/newsroom/articles/${article.newsCode}`;
    return {
      newsCode: article.newsCode,
      editUrl,
      autosaveUrl: `${editUrl}/autosave`,
      revision: article.updatedAt.toISOString(),
      savedAtText: `ذخیره شد، ساعت ${formatTime(article.updatedAt, timeZone)}`,
    };
  }

  app.post('/newsroom/articles/autosave', (request) => autosave(request, undefined));
  app.post<{ Params: { newsCode: string } }>('/newsroom/articles/:newsCode/autosave', (request) =>
    autosave(request, newsCodeOf(request)),
  );

  app.post<{ Params: { newsCode: string } }>(
    '/newsroom/articles/:newsCode/unpublish',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const newsCode = newsCodeOf(request);
      await articles.unpublish(actor, newsCode);
      return reply.redirect(`/newsroom/articles/${newsCode}?done=unpublished`, 303);
    },
  );

  // The preview is the readers' own page rendered from the unsaved form, so what the desk sees is what goes out.
  app.post('/newsroom/preview', async (request, reply) => {
    const { actor } = requireSession(request);
    const form = formFields(request.body);
    const values = valuesFromForm(form);
    const code = parseNewsCode(form.text('newsCode'));
    try {
      const article = await articles.preview(actor, code, fieldsFromValues(values));
      const site = await app.siteContext();
      reply.header('X-Robots-Tag', 'noindex');
      return sendPage(reply, <ArticlePage site={site} article={article} otherNews={[]} mostViewed={[]} />);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return showEditor(
        request,
        reply,
        { values, error: `پیش‌نمایش ساخته نشد: ${error.message}` },
        error.status,
      );
    }
  });

  app.get<{ Params: { newsCode: string }; Querystring: { done?: string } }>(
    '/newsroom/articles/:newsCode/revisions',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const { article, revisions } = await articles.revisions(actor, newsCodeOf(request));
      const ctx = await app.newsroomContext(request);
      const done = request.query.done;
      return sendPage(
        reply,
        <RevisionsPage
          ctx={ctx}
          article={article}
          revisions={revisions}
          canRestore={canEdit(actor, article)}
          notice={done ? notices[done] : undefined}
        />,
      );
    },
  );

  app.get<{ Params: { newsCode: string; revisionId: string } }>(
    '/newsroom/articles/:newsCode/revisions/:revisionId',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const { article, revisions } = await articles.revisions(actor, newsCodeOf(request));
      const revision = revisions.find((r) => String(r.id) === request.params.revisionId);
      if (!revision) throw new NotFoundError('این نسخه در تاریخچهٔ این مطلب نیست.');
      const s = revision.snapshot;
      const fields = [
        { label: 'روتیتر', parts: diffWords(s.surtitle ?? '', article.surtitle ?? '') },
        { label: 'تیتر', parts: diffWords(s.title, article.title) },
        { label: 'لید', parts: diffWords(s.lead, article.lead) },
        { label: 'متن', parts: diffWords(bodyLines(s.body), bodyLines(article.body)) },
        { label: 'برچسب‌ها', parts: diffWords(s.tags.join('، '), article.tags.map((t) => t.name).join('، ')) },
      ];
      const ctx = await app.newsroomContext(request);
      return sendPage(
        reply,
        <RevisionComparePage
          ctx={ctx}
          article={article}
          revision={revision}
          fields={fields}
          canRestore={canEdit(actor, article)}
        />,
      );
    },
  );

  app.post<{ Params: { newsCode: string; revisionId: string } }>(
    '/newsroom/articles/:newsCode/revisions/:revisionId/restore',
    async (request, reply) => {
      const { actor } = requireSession(request);
      const newsCode = newsCodeOf(request);
      const revisionId = Number(request.params.revisionId);
      if (!Number.isSafeInteger(revisionId)) throw new NotFoundError('این نسخه در تاریخچهٔ این مطلب نیست.');
      await articles.restoreRevision(actor, newsCode, revisionId);
      return reply.redirect(`/newsroom/articles/${newsCode}/revisions?done=restored`, 303);
    },
  );
}
