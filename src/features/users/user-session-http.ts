import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../../platform/errors.js';
import type { Session, SessionService } from './session-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | undefined;
  }
}

export const sessionCookie = 'khabar_session';
// The login form is posted before any session exists; a random value in both a
// cookie and the form (double submit) keeps other sites from signing someone in.
export const loginCsrfCookie = 'khabar_login_csrf';

export interface CookieSettings {
  secure: boolean;
}

export function setSessionCookie(reply: FastifyReply, token: string, { secure }: CookieSettings): void {
  reply.setCookie(sessionCookie, token, { path: '/newsroom', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply, { secure }: CookieSettings): void {
  reply.clearCookie(sessionCookie, { path: '/newsroom', httpOnly: true, sameSite: 'lax', secure });
}

/** Reads the session cookie; an unknown, expired or disabled user's cookie is simply no session. */
export async function loadSession(request: FastifyRequest, sessions: SessionService): Promise<void> {
  const token = request.cookies[sessionCookie];
  request.session = token ? await sessions.resume(token) : undefined;
}

export function requireSession(request: FastifyRequest): Session {
  if (!request.session) throw new UnauthorizedError('برای این کار باید وارد اتاق خبر شوید.');
  return request.session;
}

/** The token a form or a script sent: the `_csrf` field (urlencoded or multipart) or the X-CSRF-Token header. */
function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === 'string') return field;
  // @fastify/multipart attaches fields as objects carrying their value.
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string')
    return field.value;
  return undefined;
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Refuses a state-changing request whose form token does not match the session's. */
export function checkCsrf(request: FastifyRequest, expected: string | undefined): void {
  if (!sameToken(submittedToken(request), expected)) {
    throw new ForbiddenError(
      'فرم منقضی شده یا از جای دیگری فرستاده شده است. صفحه را دوباره باز کنید و دوباره بفرستید.',
    );
  }
}
