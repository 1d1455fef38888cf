import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../features/users/user.js';
import type { UserService } from '../../features/users/user-service.js';
import { UnauthorizedError } from '../errors.js';

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

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}
