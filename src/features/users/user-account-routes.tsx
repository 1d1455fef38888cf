import type { FastifyInstance } from 'fastify';
import { AppError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import { minPasswordLength } from './session-service.js';
import { requireSession } from './user-session-http.js';
import { AccountPage } from './views/AccountPage.js';

const notices: Record<string, string> = { password: 'گذرواژه تغییر کرد و نشست‌های دیگر شما بسته شد.' };

/** Every role's own account page: anyone signed in may change their own password. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { done?: string } }>('/newsroom/account', async (request, reply) => {
    const ctx = await app.newsroomContext(request);
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return sendPage(reply, <AccountPage ctx={ctx} minPasswordLength={minPasswordLength} notice={notice} />);
  });

  app.post('/newsroom/account/password', async (request, reply) => {
    const session = requireSession(request);
    const form = formFields(request.body);
    try {
      if (form.text('next') !== form.text('repeat')) {
        throw new ValidationError('گذرواژهٔ تازه و تکرار آن یکی نیستند.');
      }
      await app.services.sessions.changePassword(session, form.text('current'), form.text('next'));
      return reply.redirect('/newsroom/account?done=password', 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const ctx = await app.newsroomContext(request);
      return sendPage(
        reply,
        <AccountPage ctx={ctx} minPasswordLength={minPasswordLength} error={error.message} />,
        error.status,
      );
    }
  });
}
