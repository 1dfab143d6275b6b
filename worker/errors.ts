/**
 * The one error type of the API and the one place that turns errors into RFC 9457 problem+json answers.
 * Handlers throw `ApiError`; `onError` renders it. Anything else becomes a bare 500 that leaks nothing.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorCode, FieldError, Problem } from './types/api.ts';

const TITLES: Record<ErrorCode, [status: number, title: string]> = {
  bad_request: [400, 'Bad request'],
  unauthorized: [401, 'Unauthorized'],
  sign_in_required: [401, 'Sign-in required'],
  forbidden: [403, 'Forbidden'],
  challenge_failed: [403, 'Challenge failed'],
  origin_not_allowed: [403, 'Origin not allowed'],
  banned: [403, 'Banned'],
  edit_window_closed: [403, 'Edit window closed'],
  not_found: [404, 'Not found'],
  thread_locked: [409, 'Thread locked'],
  payload_too_large: [413, 'Payload too large'],
  unsupported_media_type: [415, 'Unsupported media type'],
  validation_failed: [422, 'Validation failed'],
  rate_limited: [429, 'Too many requests'],
  storage_unavailable: [503, 'Storage unavailable'],
  not_configured: [503, 'Not configured'],
  internal: [500, 'Internal error'],
};

/**
 * An expected failure with a code from the closed `ErrorCode` union.
 * @example throw new ApiError('not_found', 'no comment with this id')
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? TITLES[code][1]);
    this.name = 'ApiError';
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return TITLES[this.code][0];
  }
}

/**
 * D1 or KV failed (unreachable, overloaded, a statement aborted): raised by the storage boundary
 * (middleware/storage-boundary.ts), answered as 503 `storage_unavailable`. The original error is the cause.
 */
export class StorageError extends Error {
  constructor(cause: unknown) {
    super('the database is unavailable; try again', { cause });
    this.name = 'StorageError';
  }
}

/** A 422 naming each bad field; `detail` repeats the first one so a human reading the body sees it at once. */
export const validationFailed = (errors: FieldError[]): ApiError => {
  const first = errors[0];
  return new ApiError('validation_failed', first ? `${first.field} ${first.message}` : undefined, { errors });
};

export const problemBody = (code: ErrorCode, detail?: string, errors?: FieldError[]): Problem => {
  const [status, title] = TITLES[code];
  const body: Problem = { status, code, title };
  if (detail !== undefined && detail !== title) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return body;
};

export const problemResponse = (
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): Response => {
  const body = problemBody(code, detail, errors);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  });
};

/** Maps the status of Hono's own exceptions (malformed JSON, body limit…) onto our codes. */
const codeForStatus = (status: number): ErrorCode => {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return 'internal';
  }
};

/** `app.onError`: the single exit for every thrown error. */
export const onError = (err: Error, c: Context): Response => {
  if (err instanceof ApiError) {
    const headers = { ...err.headers };
    if (err.code === 'unauthorized' || err.code === 'sign_in_required')
      headers['WWW-Authenticate'] = 'Bearer';
    return problemResponse(err.code, err.message, err.errors, headers);
  }
  if (err instanceof StorageError) {
    console.error('storage failure:', err.cause);
    return problemResponse('storage_unavailable', err.message);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = codeForStatus(err.status);
    return problemResponse(code, code === 'internal' ? undefined : err.message);
  }
  // Unknown: log it for the owner (wrangler tail), answer without a stack or an internal message.
  console.error(`${c.req.method} ${new URL(c.req.url).pathname}:`, err);
  return problemResponse('internal');
};

export const onNotFound = (): Response => problemResponse('not_found', 'no such route');
