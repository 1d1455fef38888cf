import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../../platform/errors.js';
import type { NewsroomContext } from '../../platform/views/newsroom-context.js';
import { articleNewsroomRoutes } from '../articles/article-newsroom-routes.js';
import { galleryNewsroomRoutes } from '../articles/gallery-newsroom-routes.js';
import { commentNewsroomRoutes } from '../comments/comment-newsroom-routes.js';
import { canModerate } from '../comments/comment-policy.js';
import { curationNewsroomRoutes } from '../curation/curation-newsroom-routes.js';
import { dashboardNewsroomRoutes } from '../dashboard/dashboard-newsroom-routes.js';
import { mediaNewsroomRoutes } from '../media/media-newsroom-routes.js';
import { sectionNewsroomRoutes } from '../sections/section-newsroom-routes.js';
import { tagNewsroomRoutes } from '../tags/tag-newsroom-routes.js';
import { typographyNewsroomRoutes } from '../typography/typography-newsroom-routes.js';
import { tokenRoutes } from '../users/token-routes.js';
import { accountRoutes } from '../users/user-account-routes.js';
import { userAdminRoutes } from '../users/user-admin-routes.js';
import { loginRoutes } from '../users/user-login-routes.js';
import { checkCsrf, loadSession, requireSession } from '../users/user-session-http.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (the login form). */
    public?: boolean;
  }
  interface FastifyInstance {
    newsroomContext(request: FastifyRequest): Promise<NewsroomContext>;
  }
}

const maxUploadBytes = 15 * 1024 * 1024;

/**
 * The newsroom at /newsroom: every route behind a session, every POST behind a
 * CSRF token, nothing cached anywhere. Features add their pages here.
 */
export async function newsroomRoutes(app: FastifyInstance): Promise<void> {
  const { sessions } = app.services;

  app.decorate('newsroomContext', async (request: FastifyRequest): Promise<NewsroomContext> => {
    const session = requireSession(request);
    const site = await app.siteContext();
    return {
      siteName: site.siteName,
      siteUrl: site.siteUrl,
      timeZone: site.timeZone,
      now: site.now,
      user: {
        id: session.user.id,
        name: session.user.name,
        email: session.user.email,
        role: session.user.role,
      },
      csrfToken: session.csrfToken,
      pendingComments: canModerate(session.actor) ? await app.services.comments.pendingCount() : undefined,
      stylesheet: site.newsroomStylesheet,
      script: site.newsroomScript,
      icon: site.icon,
    };
  });

  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    await loadSession(request, sessions);
    if (request.session || request.routeOptions.config.public) return;
    if (request.method === 'GET' || request.method === 'HEAD') {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/newsroom/login?next=${next}`, 302);
    }
    throw new UnauthorizedError('نشست شما تمام شده است. دوباره وارد شوید؛ آنچه فرستادید ذخیره نشد.');
  });

  // Before schema validation, so a forged post learns nothing from a 400 about its body's shape.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.routeOptions.config.public) return;
    checkCsrf(request, request.session?.csrfToken);
  });

  await app.register(dashboardNewsroomRoutes);

  await app.register(loginRoutes);
  await app.register(accountRoutes);
  await app.register(articleNewsroomRoutes);
  await app.register(tokenRoutes);
  await app.register(userAdminRoutes);
  await app.register(mediaNewsroomRoutes);
  await app.register(galleryNewsroomRoutes);
  await app.register(sectionNewsroomRoutes);
  await app.register(tagNewsroomRoutes);
  await app.register(curationNewsroomRoutes);
  await app.register(commentNewsroomRoutes);
  await app.register(typographyNewsroomRoutes);
}
