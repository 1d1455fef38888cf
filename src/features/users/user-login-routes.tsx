import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, TooManyRequestsError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import {
  checkCsrf,
  clearSessionCookie,
  loginCsrfCookie,
  sameToken,
  setSessionCookie,
} from './user-session-http.js';
import { LoginPage } from './views/LoginPage.js';

/** Only newsroom paths on this site: a `next` pointing elsewhere would make the form an open redirect. */
export function safeNext(next: string | undefined): string {
  if (!next || next.startsWith('/newsroom/login')) return '/newsroom';
  return /^\/newsroom(?:[/?#][^\\\s]*)?$/.test(next) ? next : '/newsroom';
}

export async function loginRoutes(app: FastifyInstance): Promise<void> {
  const secure = app.services.siteUrl.startsWith('https:');

  async function showForm(
    reply: FastifyReply,
    view: { next: string; email?: string; error?: string; notice?: string },
    status = 200,
  ) {
    const site = await app.siteContext();
    const csrfToken = randomBytes(18).toString('base64url');
    reply.setCookie(loginCsrfCookie, csrfToken, {
      path: '/newsroom/login',
      httpOnly: true,
      sameSite: 'strict',
      secure,
    });
    return sendPage(
      reply,
      <LoginPage
        siteName={site.siteName}
        stylesheet={site.newsroomStylesheet}
        icon={site.icon}
        csrfToken={csrfToken}
        {...view}
      />,
      status,
    );
  }

  app.get<{ Querystring: { next?: string; bye?: string } }>(
    '/newsroom/login',
    { config: { public: true } },
    async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.session) return reply.redirect(next, 302);
      const notice = request.query.bye !== undefined ? 'از اتاق خبر بیرون آمدید.' : undefined;
      return showForm(reply, { next, ...(notice ? { notice } : {}) });
    },
  );

  app.post('/newsroom/login', { config: { public: true } }, async (request, reply) => {
    const form = formFields(request.body);
    const next = safeNext(form.text('next'));
    const email = form.text('email');
    if (!sameToken(form.text('_csrf'), request.cookies[loginCsrfCookie])) {
      return showForm(
        reply,
        { next, email, error: 'فرم ورود کهنه شده بود؛ یک بار دیگر گذرواژه را بنویسید و بفرستید.' },
        403,
      );
    }
    try {
      const { token } = await app.services.sessions.login(email, form.text('password'), request.ip);
      setSessionCookie(reply, token, { secure });
      reply.clearCookie(loginCsrfCookie, { path: '/newsroom/login' });
      return reply.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error instanceof TooManyRequestsError && error.retryAfterSeconds)
        reply.header('Retry-After', String(error.retryAfterSeconds));
      return showForm(reply, { next, email, error: error.message }, error.status);
    }
  });

  app.post('/newsroom/logout', async (request, reply) => {
    checkCsrf(request, request.session?.csrfToken);
    if (request.session) await app.services.sessions.logout(request.session.id);
    clearSessionCookie(reply, { secure });
    return reply.redirect('/newsroom/login?bye', 303);
  });
}
