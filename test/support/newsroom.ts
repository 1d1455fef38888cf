import type { FastifyInstance } from 'fastify';
import type { Services } from '../../src/app.js';
import type { Role } from '../../src/features/users/user.js';

let counter = 0;

export interface SignedIn {
  userId: number;
  email: string;
  password: string;
  /** The Cookie header to send. */
  cookie: string;
  /** The session's form token, as the pages embed it. */
  csrf: string;
}

export function loginFormToken(html: string): { csrf: string } {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error('no _csrf field on the page');
  return { csrf };
}

/** The value of a Set-Cookie header's cookie, by name. */
export function cookieFrom(setCookie: string | string[] | undefined, name: string): string | undefined {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const line of all) {
    const match = new RegExp(`^${name}=([^;]*)`).exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** Signs in through the real login form, as a browser would, and returns the session. */
export async function signInAs(
  app: FastifyInstance,
  credentials: { email: string; password: string },
): Promise<{ cookie: string; csrf: string }> {
  const form = await app.inject({ method: 'GET', url: '/newsroom/login' });
  const loginCsrf = cookieFrom(form.headers['set-cookie'], 'khabar_login_csrf');
  const { csrf: formToken } = loginFormToken(form.body);
  const login = await app.inject({
    method: 'POST',
    url: '/newsroom/login',
    headers: { cookie: `khabar_login_csrf=${loginCsrf}` },
    payload: {
      email: credentials.email,
      password: credentials.password,
      _csrf: formToken,
      next: '/newsroom',
    },
  });
  const session = cookieFrom(login.headers['set-cookie'], 'khabar_session');
  if (login.statusCode !== 303 || !session)
    throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = `khabar_session=${session}`;
  const page = await app.inject({ method: 'GET', url: '/newsroom/account', headers: { cookie } });
  return { cookie, csrf: loginFormToken(page.body).csrf };
}

/** A new user of the given role, signed in. */
export async function signedInUser(
  app: FastifyInstance,
  services: Pick<Services, 'users'>,
  role: Role,
  name = `کاربر ${role}`,
): Promise<SignedIn> {
  counter += 1;
  const email = `${role}-${counter}@newsroom.test`;
  const password = 'a-long-password';
  const user = await services.users.createUser({ email, name, role, password });
  return { userId: user.id, email, password, ...(await signInAs(app, { email, password })) };
}

/** Posts a newsroom form as the signed-in user, with their session cookie and form token. */
export function postForm(
  app: FastifyInstance,
  who: Pick<SignedIn, 'cookie' | 'csrf'>,
  url: string,
  payload: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, ...headers },
    payload: { _csrf: who.csrf, ...payload },
  });
}
