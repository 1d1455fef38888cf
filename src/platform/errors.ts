/**
 * The one error model. Every error a user can cause is an AppError with an HTTP
 * status, a stable machine `code` and a Persian message fit to show as is; the
 * error handler turns it into JSON for the API and a page for the site.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, 'invalid_input', message, options);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'برای این کار باید وارد شوید یا توکن معتبر بفرستید.') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'اجازهٔ این کار را ندارید.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'صفحه‌ای که دنبالش بودید پیدا نشد.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(429, 'too_many_requests', message);
  }
}
