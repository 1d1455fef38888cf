import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import { noticeFor } from './user-admin-routes.js';
import { maxTokenLabelLength } from './user-service.js';
import { requireSession } from './user-session-http.js';
import { TokensPage, type TokensPageProps } from './views/TokensPage.js';

const notices: Record<string, string> = {
  revoked: 'توکن باطل شد؛ درخواستی که با آن بیاید دیگر پذیرفته نمی‌شود.',
};

/** /newsroom/account/tokens: every signed-in person makes, lists and revokes their own API tokens. */
export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users } = app.services;

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    view: Pick<TokensPageProps, 'created' | 'label' | 'notice' | 'error'>,
    status = 200,
  ) {
    const tokens = await users.listTokens(requireSession(request).actor);
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <TokensPage ctx={ctx} tokens={tokens} maxLabelLength={maxTokenLabelLength} {...view} />,
      status,
    );
  }

  app.get(
    '/newsroom/account/tokens',
    { schema: { querystring: Type.Object({ done: Type.Optional(Type.String()) }) } },
    async (request, reply) => show(request, reply, { notice: noticeFor(notices, request.query.done) }),
  );

  // The secret is shown in this response and never again, so there is no redirect here; the
  // newsroom's `Cache-Control: private, no-store` keeps it out of every cache.
  app.post('/newsroom/account/tokens', async (request, reply) => {
    const label = formFields(request.body).text('label');
    try {
      const { token, info } = await users.createTokenFor(requireSession(request).actor, label);
      return show(request, reply, { created: { token, label: info.label } }, 201);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
      return show(request, reply, { label, error: error.message }, error.status);
    }
  });

  app.post(
    '/newsroom/account/tokens/:id/revoke',
    // The ceiling is PostgreSQL's integer: a larger id is simply not a token, not a database error.
    { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } },
    async (request, reply) => {
      await users.revokeToken(requireSession(request).actor, request.params.id);
      return reply.redirect('/newsroom/account/tokens?done=revoked', 303);
    },
  );
};
