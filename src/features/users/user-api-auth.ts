import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../../platform/errors.js';
import type { Actor } from './user.js';
import type { UserService } from './user-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

/**
 * Reads `Authorization: Bearer …` on API requests. No header means an anonymous
 * reader; a header with a wrong or revoked token is refused outright, so an
 * integrator learns at once that their token is bad.
 */
export function registerApiAuth(app: FastifyInstance, users: UserService): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new UnauthorizedError('سرآیند Authorization باید به شکل «Bearer توکن» باشد.');
    const actor = await users.authenticateToken(match[1]);
    if (!actor) throw new UnauthorizedError('توکن نامعتبر است یا باطل شده.');
    request.actor = actor;
  });
}

/**
 * An onRequest hook for routes that need a token: it answers 401 before the
 * body is even read, so a caller without a token learns that first.
 */
export async function tokenRequired(request: FastifyRequest): Promise<void> {
  if (!request.actor) throw new UnauthorizedError();
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}
