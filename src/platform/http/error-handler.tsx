import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError } from '../errors.js';
import { ErrorPage } from '../views/ErrorPage.js';
import { sendPage } from './render.js';

interface Problem {
  status: number;
  code: string;
  message: string;
}

const internal: Problem = {
  status: 500,
  code: 'internal',
  message: 'خطایی در سرور رخ داد. اگر دوباره پیش آمد، شناسهٔ درخواست را به ما بگویید.',
};

// Fastify's own client errors (bad JSON, too large, wrong content type) keep
// their status and get a message a reader or integrator can act on.
const clientErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'بدنهٔ درخواست JSON درستی نیست.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'بدنهٔ درخواست خالی است.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'too_large', message: 'درخواست بزرگ‌تر از حد مجاز است.' },
  FST_ERR_BAD_URL: { code: 'bad_url', message: 'نشانی درخواست درست رمزگذاری نشده است.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'bad_url', message: 'نشانی درخواست بیش از حد بلند است.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'این نوع محتوا پذیرفته نمی‌شود.',
  },
};

// While the database restarts, requests fail at once with this instead of a 500; the pool reconnects by itself.
const unavailable: Problem = {
  status: 503,
  code: 'database_unavailable',
  message: 'سایت چند لحظه در دسترس نیست. لطفاً چند ثانیه دیگر دوباره امتحان کنید.',
};

function toProblem(error: FastifyError | Error): Problem {
  if (isDatabaseUnavailable(error)) return unavailable;
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return { status: 400, code: 'invalid_input', message: `ورودی نادرست است: ${fastifyError.message}` };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = fastifyError.code ? clientErrors[fastifyError.code] : undefined;
    return { status, code: known?.code ?? 'bad_request', message: known?.message ?? 'درخواست نادرست است.' };
  }
  return internal;
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

/**
 * The API, and scripts that ask for JSON rather than a page (the editor's
 * autosave, the image picker), get errors as JSON; browsers navigating get pages.
 */
export function wantsJson(request: FastifyRequest): boolean {
  if (isApiRequest(request)) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function reply(
  request: FastifyRequest,
  res: FastifyReply,
  problem: Problem,
  stylesheet: string,
): FastifyReply {
  if (wantsJson(request)) {
    return res
      .status(problem.status)
      .send({ error: { code: problem.code, message: problem.message, requestId: request.id } });
  }
  return sendPage(
    res,
    <ErrorPage
      status={problem.status}
      message={problem.message}
      requestId={request.id}
      stylesheet={stylesheet}
    />,
    problem.status,
  );
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding, an
 * over-long parameter) go through the same model as everything else.
 */
export function frameworkErrorHandler(stylesheet: string) {
  return (error: FastifyError, request: FastifyRequest, res: FastifyReply) => {
    const problem = toProblem(error);
    return reply(request, res, problem.status >= 500 ? { ...problem, status: 400 } : problem, stylesheet);
  };
}

/** Where an old address (say, a WordPress permalink) now lives; consulted only when no route matched. */
export interface OldAddressLookup {
  lookup(url: string): Promise<string | undefined>;
}

/** One place turns every error into JSON for the API or a Persian page for people; 5xx details stay in the log. */
export function registerErrorHandling(
  app: FastifyInstance,
  stylesheet: string,
  redirects?: OldAddressLookup,
): void {
  app.setErrorHandler((error: FastifyError, request, res) => {
    const problem = toProblem(error);
    if (problem === unavailable) {
      request.log.warn(`database unavailable: ${error.message}`);
      res.header('retry-after', '5');
    } else if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return reply(request, res, problem, stylesheet);
  });

  app.setNotFoundHandler(async (request, res) => {
    const readable = request.method === 'GET' || request.method === 'HEAD';
    if (redirects && readable && !isApiRequest(request)) {
      const target = await redirects.lookup(request.url);
      if (target) return res.redirect(target, 301);
    }
    const message = isApiRequest(request) ? 'چنین نشانی‌ای در API نیست.' : 'صفحه‌ای که دنبالش بودید پیدا نشد.';
    return reply(request, res, { status: 404, code: 'not_found', message }, stylesheet);
  });
}
