/** A failed request, with the server's `{ error: { code, message } }` when it sent one. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

const NETWORK_MESSAGE = 'ارتباط با سرور برقرار نشد؛ اتصال اینترنت را بررسی کنید.';
const FALLBACK_MESSAGE = 'سرور درخواست را انجام نداد؛ دوباره تلاش کنید.';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

/**
 * Fetches JSON from the newsroom. Resolves with the parsed body of a 2xx answer; rejects with a
 * `RequestError` carrying the server's message otherwise, or a Persian message when the network failed.
 * An aborted request rejects with the fetch's own AbortError so callers can tell it apart.
 */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new RequestError(0, 'network', NETWORK_MESSAGE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const detail = (body as ErrorBody | null)?.error;
  throw new RequestError(
    response.status,
    typeof detail?.code === 'string' ? detail.code : `http-${response.status}`,
    typeof detail?.message === 'string' ? detail.message : FALLBACK_MESSAGE,
  );
}
