import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, NotFoundError, TooManyRequestsError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { articlePath, parseNewsCode } from '../articles/article.js';
import { formFields } from '../newsroom/form.js';
import { CommentErrorPage } from './views/CommentErrorPage.js';
import { type CommentFormValues, honeypotField } from './views/CommentForm.js';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The readers' comment form's target. Article pages show the comments themselves. */
export async function commentSiteRoutes(app: FastifyInstance): Promise<void> {
  const { comments } = app.services;

  app.post<{ Params: { newsCode: string } }>(
    '/news/:newsCode/comments',
    // A comment is at most 1,500 characters; anything much larger is not a comment.
    { bodyLimit: 32 * 1024 },
    async (request, reply) => {
      const newsCode = parseNewsCode(request.params.newsCode);
      if (newsCode === undefined) throw new NotFoundError('خبری با این کد پیدا نشد.');
      const form = formFields(request.body);
      const values: CommentFormValues = {
        name: form.text('name'),
        email: form.text('email'),
        body: form.text('body'),
        parentId: form.text('parentId'),
      };
      reply.header('Cache-Control', 'no-store');
      try {
        const result = await comments.submit({
          newsCode,
          ...values,
          honeypot: form.text(honeypotField),
          origin: header(request, 'origin'),
          referer: header(request, 'referer'),
          fetchSite: header(request, 'sec-fetch-site'),
          clientAddress: request.ip,
        });
        return reply.redirect(`${articlePath(result.article)}?comment=${result.state}#comments`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status === 404) throw error;
        if (error instanceof TooManyRequestsError && error.retryAfterSeconds) {
          reply.header('Retry-After', String(error.retryAfterSeconds));
        }
        return sendPage(
          reply,
          <CommentErrorPage
            site={await app.siteContext()}
            newsCode={newsCode}
            status={error.status}
            message={error.message}
            values={values}
            retry={error.code !== 'comments_closed'}
          />,
          error.status,
        );
      }
    },
  );
}
