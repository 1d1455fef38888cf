import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { parseNewsCode } from '../articles/article.js';
import { requireSession } from '../users/user-session-http.js';
import { ArticleStatsPage } from './views/ArticleStatsPage.js';
import { DashboardPage } from './views/DashboardPage.js';

/** The newsroom's first page and each article's readership charts. */
export async function dashboardNewsroomRoutes(app: FastifyInstance): Promise<void> {
  const { dashboard, articles } = app.services;

  app.get('/newsroom', async (request, reply) => {
    const { actor } = requireSession(request);
    // Moderators have no desk: their work is the comment queue.
    if (actor.role === 'moderator') return reply.redirect('/newsroom/comments', 302);
    const [ctx, data] = await Promise.all([app.newsroomContext(request), dashboard.load(actor)]);
    return sendPage(reply, <DashboardPage ctx={ctx} dashboard={data} />);
  });

  app.get<{ Params: { newsCode: string } }>('/newsroom/articles/:newsCode/stats', async (request, reply) => {
    const { actor } = requireSession(request);
    const newsCode = parseNewsCode(request.params.newsCode);
    if (newsCode === undefined) throw new NotFoundError('مطلبی با این کد نیست.');
    const article = await articles.getFor(actor, newsCode);
    const [ctx, stats] = await Promise.all([
      app.newsroomContext(request),
      dashboard.articleStats(actor, article.id),
    ]);
    return sendPage(reply, <ArticleStatsPage ctx={ctx} article={article} stats={stats} />);
  });
}
