import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppError, ConflictError, ValidationError } from '../../platform/errors.js';
import { sendPage } from '../../platform/http/render.js';
import { formFields } from '../newsroom/form.js';
import { minPasswordLength } from './user-service.js';
import { requireSession } from './user-session-http.js';
import { type NewUserForm, UserListPage } from './views/UserListPage.js';
import { UserPage } from './views/UserPage.js';

const notices: Record<string, string> = {
  created: 'کاربر تازه ساخته شد و می‌تواند وارد شود.',
  role: 'نقش کاربر تغییر کرد؛ از درخواست بعدی‌اش اعمال می‌شود.',
  disabled: 'حساب کاربر غیرفعال شد؛ نشست‌هایش بسته شد و توکن‌هایش دیگر کار نمی‌کنند.',
  enabled: 'حساب کاربر دوباره فعال شد.',
  password: 'گذرواژهٔ کاربر عوض شد و نشست‌هایش بسته شد.',
  revoked: 'توکن باطل شد.',
};

export const noticeFor = (map: Record<string, string>, done: string | undefined) =>
  done ? map[done] : undefined;

/**
 * Runs a form's action and redirects to where it says (Post/Redirect/Get). A
 * mistake in what was typed (400, 409) comes back to `showAgain` to re-render
 * the form; anything else, a refusal included, goes to the error pages.
 */
export async function redirectOrShowAgain(
  reply: FastifyReply,
  action: () => Promise<string>,
  showAgain: (error: AppError) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await action(), 303);
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ConflictError) return showAgain(error);
    throw error;
  }
}

// The ceiling is PostgreSQL's integer: a larger id is simply not a user, not a database error.
const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const UserParams = Type.Object({ id: Id });
const TokenParams = Type.Object({ id: Id, tokenId: Id });
const Done = Type.Object({ done: Type.Optional(Type.String()) });

/** /newsroom/users: admins add people, change their roles, disable them and revoke their tokens. */
export const userAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users } = app.services;

  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    view: { form?: NewUserForm; notice?: string | undefined; error?: string },
    status = 200,
  ) {
    const list = await users.listUsers(requireSession(request).actor);
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <UserListPage ctx={ctx} users={list} minPasswordLength={minPasswordLength} {...view} />,
      status,
    );
  }

  async function showUser(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: number,
    view: { notice?: string | undefined; error?: string },
    status = 200,
  ) {
    const { user, tokens } = await users.getUser(requireSession(request).actor, userId);
    const ctx = await app.newsroomContext(request);
    return sendPage(
      reply,
      <UserPage ctx={ctx} user={user} tokens={tokens} minPasswordLength={minPasswordLength} {...view} />,
      status,
    );
  }

  app.get('/newsroom/users', { schema: { querystring: Done } }, async (request, reply) =>
    showList(request, reply, { notice: noticeFor(notices, request.query.done) }),
  );

  app.post('/newsroom/users', async (request, reply) => {
    const form = formFields(request.body);
    const input = { name: form.text('name'), email: form.text('email'), role: form.text('role') };
    return redirectOrShowAgain(
      reply,
      async () => {
        await users.createUserAs(requireSession(request).actor, {
          ...input,
          password: form.text('password'),
        });
        return '/newsroom/users?done=created';
      },
      (error) => showList(request, reply, { form: input, error: error.message }, error.status),
    );
  });

  app.get(
    '/newsroom/users/:id',
    { schema: { params: UserParams, querystring: Done } },
    async (request, reply) =>
      showUser(request, reply, request.params.id, { notice: noticeFor(notices, request.query.done) }),
  );

  app.post('/newsroom/users/:id/role', { schema: { params: UserParams } }, async (request, reply) =>
    redirectOrShowAgain(
      reply,
      async () => {
        const role = formFields(request.body).text('role');
        await users.setRole(requireSession(request).actor, request.params.id, role);
        return '/newsroom/users?done=role';
      },
      (error) => showList(request, reply, { error: error.message }, error.status),
    ),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/newsroom/users/:id/${path}`, { schema: { params: UserParams } }, async (request, reply) =>
      redirectOrShowAgain(
        reply,
        async () => {
          await users.setDisabled(requireSession(request).actor, request.params.id, disabled);
          return `/newsroom/users?done=${disabled ? 'disabled' : 'enabled'}`;
        },
        (error) => showList(request, reply, { error: error.message }, error.status),
      ),
    );
  }

  app.post('/newsroom/users/:id/password', { schema: { params: UserParams } }, async (request, reply) =>
    redirectOrShowAgain(
      reply,
      async () => {
        const password = formFields(request.body).text('password');
        await users.resetPassword(requireSession(request).actor, request.params.id, password);
        return `/newsroom/users/${request.params.id}?done=password`;
      },
      (error) => showUser(request, reply, request.params.id, { error: error.message }, error.status),
    ),
  );

  app.post(
    '/newsroom/users/:id/tokens/:tokenId/revoke',
    { schema: { params: TokenParams } },
    async (request, reply) => {
      const { actor } = requireSession(request);
      // The user page is for admins: asking for it first refuses everyone else before anything changes.
      await users.getUser(actor, request.params.id);
      await users.revokeToken(actor, request.params.tokenId);
      return reply.redirect(`/newsroom/users/${request.params.id}?done=revoked`, 303);
    },
  );
};
